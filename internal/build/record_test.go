package build

import (
	"regexp"
	"strings"
	"testing"
)

// recordRows returns the rows of a page's "Theo dõi sửa đổi" table, each
// as its cells' text joined by " | ", tags and links reduced to text.
func recordRows(t *testing.T, doc string) []string {
	t.Helper()
	start := strings.Index(doc, `<caption>Theo dõi sửa đổi</caption>`)
	if start < 0 {
		t.Fatal("no amendment record on the page")
	}
	table := doc[start:]
	table = table[:strings.Index(table, `</table>`)]
	tags := regexp.MustCompile(`<[^>]+>`)
	var rows []string
	for _, tr := range regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(table, -1) {
		if strings.Contains(tr[1], "<th") {
			continue
		}
		var cells []string
		for _, td := range regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllStringSubmatch(tr[1], -1) {
			cells = append(cells, strings.TrimSpace(tags.ReplaceAllString(td[1], "")))
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	return rows
}

// TestAmendmentRecord: a process with two issues shows both, oldest
// first, each with its approving decision linked and tagged as of the
// build date, near the top of the page before the body.
func TestAmendmentRecord(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), nil)
	doc := page(t, out, "processes/qt-01/")
	got := recordRows(t, doc)
	want := []string{
		"01 | 10/06/2019 | Ban hành lần đầu | 45/QĐ-SNN Ban hành Quy trình kiểm soát tài liệu Còn hiệu lực",
		"02 | 01/01/2020 | Áp dụng theo TCVN ISO 9001:2015 | 50/QĐ-SNN Ban hành Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 Còn hiệu lực",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("record rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	contains(t, "QT-01", doc,
		`<a href="/decisions/45-qd-snn/">45/QĐ-SNN</a> <span class="doc-title">Ban hành Quy trình kiểm soát tài liệu</span> <strong class="tag tag-green">Còn hiệu lực</strong>`,
		`<a href="/decisions/50-qd-snn/">50/QĐ-SNN</a>`,
	)
	// After the summary list, before the body.
	summary := strings.Index(doc, `<dl class="summary-list">`)
	record := strings.Index(doc, `<caption>Theo dõi sửa đổi</caption>`)
	body := strings.Index(doc, `<h2 id="1-muc-dich">`)
	if !(summary >= 0 && summary < record && record < body) {
		t.Errorf("record at %d, want between the summary (%d) and the body (%d)", record, summary, body)
	}
	// Without git history no row links to a version.
	if strings.Contains(doc, "xem phiên bản") {
		t.Error("a version link without history")
	}

	// A process without `revisions` shows its one implied row.
	if got := recordRows(t, page(t, out, "processes/qt-ty-01/")); len(got) != 1 || !strings.HasPrefix(got[0], "03 | 01/02/2022 | — | 50/QĐ-SNN") {
		t.Errorf("QT-TY-01 record %q", got)
	}
}

// TestAmendmentRecordHistory: in a repository, the row of an issue links
// to the revision that introduced it and, when the front matter says
// nothing of the change, shows the commit's Change-reason.
func TestAmendmentRecordHistory(t *testing.T) {
	s := newHistoryScenario(t)
	out, _, _ := buildRepo(t, s.g.Dir, nil)
	doc := page(t, out, "processes/qt-ts-01/")
	got := recordRows(t, doc)
	if len(got) != 1 || !strings.HasPrefix(got[0], "02 | 01/04/2021 | Theo Quyết định 300/QĐ-UBND xem phiên bản lần ban hành 02 | 50/QĐ-SNN") {
		t.Errorf("record rows %q", got)
	}
	// C2 made revision 2; later commits kept it.
	contains(t, "QT-TS-01", doc, `Theo Quyết định 300/QĐ-UBND <a href="/`+s.revURL("C2")+`">xem phiên bản<span class="visually-hidden"> lần ban hành 02</span></a>`)

	// The page of C1, revision 1, links its row to C1 and keeps the
	// front matter's change.
	c1 := page(t, out, s.revURL("C1"))
	if got := recordRows(t, c1); len(got) != 1 || !strings.HasPrefix(got[0], "01 | 01/04/2021 | Ban hành lần đầu xem phiên bản") {
		t.Errorf("C1 record rows %q", got)
	}
	contains(t, "C1", c1, `<a href="/`+s.revURL("C1")+`">xem phiên bản`)

	// In a shallow clone the oldest known commit did not necessarily
	// introduce the issue: no link, no reason.
	shallow, _, _ := buildRepo(t, s.g.shallowClone(s.c["C4"]), nil)
	if got := recordRows(t, page(t, shallow, "processes/qt-ts-01/")); len(got) != 1 || !strings.HasPrefix(got[0], "02 | 01/04/2021 | — | 50/QĐ-SNN") {
		t.Errorf("shallow clone record rows %q", got)
	}
}

// TestUnderReview: a process under review says so in a banner with the
// reason and the date, is tagged in process lists and is listed on the
// dashboard.
func TestUnderReview(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), nil)
	contains(t, "QT-TY-01", page(t, out, "processes/qt-ty-01/"),
		`<h2 class="banner-title" id="banner-title-0">Đang rà soát</h2>`,
		`<p class="banner-heading">Đang rà soát từ ngày 15/05/2025</p>`,
		`<p>Thủ tục NA-02 đang được sửa đổi; quy trình được rà soát để cập nhật.</p>`,
	)
	for _, p := range []string{"processes/", "fields/thu-y/", "units/chi-cuc-chan-nuoi-va-thu-y/"} {
		row := regexp.MustCompile(`<tr><td class="nowrap"><a href="/processes/qt-ty-01/">.*?</tr>`).FindString(page(t, out, p))
		if !strings.Contains(row, `<strong class="tag tag-green">Đang áp dụng</strong> <strong class="tag tag-yellow">Đang rà soát</strong>`) {
			t.Errorf("%s: QT-TY-01's row %q has no review tag", p, row)
		}
	}
	for _, p := range []string{"processes/qt-01/", "processes/qt-ts-01/"} {
		if strings.Contains(page(t, out, p), "Đang rà soát") {
			t.Errorf("%s: a process not under review says it is", p)
		}
	}
	dash := page(t, out, "")
	contains(t, "dashboard", dash,
		`<h3>Quy trình đang rà soát</h3>`,
		`<a href="/processes/qt-ty-01/">QT-TY-01</a> <span class="doc-title">Quy trình cấp chứng chỉ hành nghề thú y</span> <strong class="tag tag-green">Đang áp dụng</strong> <span class="hint">đang rà soát từ ngày 15/05/2025</span><br>Thủ tục NA-02 đang được sửa đổi; quy trình được rà soát để cập nhật.`,
	)
}

// TestDashboardAnnounced: the dashboard sets the procedures the manual
// records against those a decision announced, and never gives the
// recorded number as a bare total.
func TestDashboardAnnounced(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), nil)
	dash := page(t, out, "")
	contains(t, "dashboard", dash,
		`Sổ tay ghi nhận 3 thủ tục hành chính còn hiệu lực`,
		`<li><a href="/decisions/200-qd-ubnd/">Quyết định 200/QĐ-UBND</a> công bố 5 thủ tục hành chính (đã ghi nhận 3)</li>`,
		`<span class="total-label">Thủ tục hành chính còn hiệu lực đã ghi nhận</span>`,
	)
	if strings.Contains(dash, "Có 3 thủ tục") {
		t.Error("the recorded figure reads as the total")
	}
}

// TestDashboardUnits: the dashboard counts a unit's processes in one row,
// whatever case or diacritics a file spells the unit with and whether it
// gives the unit's former name.
func TestDashboardUnits(t *testing.T) {
	a := loadArchive(t, "site.txtar")
	a = withFile(a, "qms.yaml", `organization:
  name: Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An
units:
  - name: Văn phòng Sở
  - name: Chi cục Chăn nuôi và Thú y
  - name: Chi cục Thủy sản
    history:
      - name: Chi cục Nuôi trồng thủy sản
        until: 2020-12-31
`)
	proc := func(code, unit string) string {
		return "---\ncode: \"" + code + "\"\ntitle: Quy trình minh họa " + code + "\nkind: task\nunit: " + unit +
			"\nrevision: 1\neffective: 2021-04-01\napproved_by: \"50/QĐ-SNN\"\nstatus: active\n---\nMinh họa.\n"
	}
	a = withFile(a, "processes/qt-ts-03.md", proc("QT-TS-03", "CHI CỤC THỦY SẢN"))
	a = withFile(a, "processes/qt-ts-04.md", proc("QT-TS-04", "Chi cục Nuôi trồng thủy sản"))
	// The misspelling is an error of the checks (ID004): the site is
	// built all the same, as with --force.
	out, _ := buildSite(t, a, func(o *Options) { o.Force = true })
	dash := page(t, out, "")
	start := strings.Index(dash, `<caption>Theo đơn vị chủ trì</caption>`)
	if start < 0 {
		t.Fatal("no unit counts on the dashboard")
	}
	table := dash[start : start+strings.Index(dash[start:], `</table>`)]
	rows := regexp.MustCompile(`<tr><td>(?:<a href="[^"]*">)?([^<]+)(?:</a>)?</td><td class="num">(\d+)</td></tr>`).FindAllStringSubmatch(table, -1)
	var got []string
	for _, r := range rows {
		got = append(got, r[1]+" "+r[2])
	}
	want := []string{"Chi cục Chăn nuôi và Thú y 2", "Chi cục Thủy sản 3", "Văn phòng Sở 1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("unit counts\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

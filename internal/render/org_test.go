package render

import (
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// renamedOrg is a qms.yaml whose organisation and one unit were renamed
// (names, numbers and dates illustrative); the renaming decision of the
// organisation is in the corpus (renamedOrgDecision), the unit's is not.
const renamedOrg = `organization:
  name: UBND xã Hưng Lộc
  short_name: UBND xã
  history:
    - name: UBND xã Hưng Phú
      until: 2024-03-01
      decision: "1/NQ-HĐND"
site:
  title: Sổ tay chất lượng của xã
  language: vi
units:
  - name: Bộ phận Một cửa
    history:
      - name: Bộ phận Tiếp nhận và trả kết quả
        until: 2023-12-31
        decision: "9/QĐ-UBND"
  - name: Văn phòng
`

const renamedOrgDecision = "---\nnumber: \"1/NQ-HĐND\"\ntype: nghi-quyet\nissuer: HĐND xã Hưng Lộc\nissued: 2024-02-01\ntitle: Về việc đổi tên xã\n---\nNghị quyết minh họa.\n"

func unitProcess(code, unit string) string {
	return "---\ncode: " + code + "\ntitle: Quy trình " + code + "\nkind: task\nunit: " + unit +
		"\nrevision: 1\neffective: 2024-01-01\nstatus: active\n---\nNội dung.\n"
}

// TestOrgFromQmsYAML: the pages name the organisation and the site as
// qms.yaml does, list the former names with their last day and the
// decision (linked when it is in the corpus), and group a process written
// under a unit's former name on the current unit's page.
func TestOrgFromQmsYAML(t *testing.T) {
	s := newTestSite(t, map[string]string{
		"qms.yaml":               renamedOrg,
		"decisions/2024/1-nq.md": renamedOrgDecision,
		"processes/qt-01.md":     unitProcess("QT-01", "Bộ phận Tiếp nhận và trả kết quả"),
		"processes/qt-02.md":     unitProcess("QT-02", "Bộ phận Một cửa"),
		"processes/qt-03.md":     unitProcess("QT-03", "Văn phòng"),
		"processes/qt-04.md":     unitProcess("QT-04", "Tổ công nghệ"),
	}, nil)
	home := renderFile(t, s, "index.html")
	for _, want := range []string{
		`<html lang="vi"`,
		`<title>Tổng quan · Sổ tay chất lượng của xã</title>`,
		`<p class="site-name"><a href="/">Sổ tay chất lượng của xã</a><span class="site-org">UBND xã</span></p>`,
		`<h1>Sổ tay chất lượng của xã</h1>`,
		`TCVN ISO 9001:2015 của UBND xã Hưng Lộc: các quy trình`,
		`<p class="former-names">Trước đây: UBND xã Hưng Phú <span class="hint">(đến ngày 01/03/2024, theo <a href="/decisions/1-nq/">1/NQ-HĐND</a>)</span>.</p>`,
		`<p>Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 của UBND xã Hưng Lộc.</p>`,
		`content="Tổng quan — Sổ tay chất lượng của xã của UBND xã Hưng Lộc."`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home page: missing %s", want)
		}
	}

	cur := "units/" + qms.PageSlug("Bộ phận Một cửa") + "/index.html"
	unit := renderFile(t, s, cur)
	for _, want := range []string{
		`<h1>Bộ phận Một cửa</h1>`,
		`<p class="former-names">Trước đây: Bộ phận Tiếp nhận và trả kết quả <span class="hint">(đến ngày 31/12/2023, theo 9/QĐ-UBND)</span>.</p>`,
		`QT-01`, `QT-02`,
	} {
		if !strings.Contains(unit, want) {
			t.Errorf("%s: missing %s", cur, want)
		}
	}
	files := fileList(s)
	if old := "units/" + qms.PageSlug("Bộ phận Tiếp nhận và trả kết quả") + "/index.html"; files[old] {
		t.Errorf("the former unit name has a page of its own: %s", old)
	}
	// A unit without a history, and one qms.yaml does not declare, show
	// no former names.
	for _, name := range []string{"Văn phòng", "Tổ công nghệ"} {
		p := renderFile(t, s, "units/"+qms.PageSlug(name)+"/index.html")
		if strings.Contains(p, "former-names") {
			t.Errorf("unit %s shows former names", name)
		}
	}
	// The process page links its former unit name to the current unit.
	if p := renderFile(t, s, "processes/qt-01/index.html"); !strings.Contains(p, `href="/`+strings.TrimSuffix(cur, "index.html")+`"`) {
		t.Errorf("QT-01 does not link to %s", cur)
	}
	// The dashboard counts both processes under the current unit.
	if want := `<a href="/` + strings.TrimSuffix(cur, "index.html") + `">Bộ phận Một cửa</a></td><td class="num">2</td>`; !strings.Contains(home, want) {
		t.Errorf("dashboard: missing %s", want)
	}
}

// TestOrgDefault: without qms.yaml the pages name the neutral defaults.
func TestOrgDefault(t *testing.T) {
	s := newTestSite(t, map[string]string{"processes/qt-01.md": unitProcess("QT-01", "Văn phòng")}, nil)
	home := renderFile(t, s, "index.html")
	for _, want := range []string{
		`<html lang="` + qms.DefaultLanguage + `"`,
		`<h1>` + qms.DefaultSiteTitle + `</h1>`,
		`<span class="site-org">` + qms.DefaultOrgName + `</span>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home page: missing %s", want)
		}
	}
	if strings.Contains(home, "former-names") {
		t.Error("the default organisation shows former names")
	}
}

// TestRevisionNamesOrgOfItsDate: a past version's page names the
// organisation as it was named on the version's date; the current pages
// and later versions name it by its current name.
func TestRevisionNamesOrgOfItsDate(t *testing.T) {
	d := newDeletedScenario()
	files := map[string]string{"qms.yaml": renamedOrg}
	for p, s := range d.files {
		files[p] = s
	}
	s := newTestSite(t, files, func(o *Options) { o.History = d.hist })
	old := renderFile(t, s, d.rev(1)) // 01/03/2024, the former name's last day
	newer := renderFile(t, s, d.rev(2))
	if !strings.Contains(old, `<span class="site-org">UBND xã Hưng Phú</span>`) ||
		!strings.Contains(old, `TCVN ISO 9001:2015 của UBND xã Hưng Phú.</p>`) {
		t.Errorf("the version of 01/03/2024 does not name UBND xã Hưng Phú:\n%s", old)
	}
	if strings.Contains(old, "Hưng Lộc") {
		t.Error("the version of 01/03/2024 names the organisation's later name")
	}
	for name, p := range map[string]string{"version of 02/03/2024": newer, "current page": renderFile(t, s, "processes/qt-01/index.html")} {
		if !strings.Contains(p, `<span class="site-org">UBND xã</span>`) || strings.Contains(p, "Hưng Phú") {
			t.Errorf("%s does not name the organisation by its current name", name)
		}
	}
}

// TestRecordsKeptByUnit: a unit's page lists the records of the active
// processes kept there, by its name or a former one, also within a longer
// text, whatever the case and diacritics; not those of other processes.
func TestRecordsKeptByUnit(t *testing.T) {
	withRecords := func(code, status, keeper string) string {
		p := unitProcess(code, "Văn phòng")
		p = strings.Replace(p, "status: active\n", "status: "+status+"\nrecords:\n  - name: Sổ "+code+"\n    keeper: "+keeper+"\n    retention: 05 năm\n", 1)
		if status == "abolished" {
			p = strings.Replace(p, "status: abolished\n", "status: abolished\nabolished_by: \"1/NQ-HĐND\"\n", 1)
		}
		return p
	}
	s := newTestSite(t, map[string]string{
		"qms.yaml":               renamedOrg,
		"decisions/2024/1-nq.md": renamedOrgDecision,
		"processes/qt-01.md":     strings.Replace(withRecords("QT-01", "active", "Bộ phận Một cửa"), "unit: Văn phòng", "unit: Bộ phận Một cửa", 1),
		"processes/qt-02.md":     withRecords("QT-02", "active", "Văn thư, bộ phận tiếp nhận và trả kết quả"),
		"processes/qt-03.md":     withRecords("QT-03", "active", "Văn phòng"),
		"processes/qt-04.md":     withRecords("QT-04", "abolished", "Bộ phận Một cửa"),
	}, nil)
	page := renderFile(t, s, "units/bo-phan-mot-cua/index.html")
	for code, want := range map[string]bool{"QT-01": true, "QT-02": true, "QT-03": false, "QT-04": false} {
		if got := strings.Contains(page, "<td>Sổ "+code+"</td>"); got != want {
			t.Errorf("%s's record listed %v, want %v", code, got, want)
		}
	}
}

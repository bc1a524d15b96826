package build

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/export"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/validatortest"
)

// hieuLucScenario commits testdata/site.txtar (C1: QT-TS-01 issue 1,
// effective 01/04/2021), then QT-TS-01's issue 2, effective 01/03/2022,
// with its amendment record (C2), and checks out C2. The manual also has
// 100/QĐ-UBND superseded by 200/QĐ-UBND from 06/10/2020, 200/QĐ-UBND
// amended by 300/QĐ-UBND from 01/03/2021, NA-04 abolished from 06/10/2020,
// QT-TY-02 abolished from 10/01/2022 and hieuLucDecisions.
type hieuLucScenario struct {
	g      *gitRepo
	c1, c2 plumbing.Hash
}

// hieuLucDecisions are decisions the scenario adds to site.txtar for the
// statuses it lacks: a plan that expires, and two decisions both repealed
// and superseded, one first by the repeal and one first by its successor.
// Numbers and dates are illustrative.
var hieuLucDecisions = map[string]string{
	"decisions/2019/5-kh-snn.md":   "---\nnumber: \"5/KH-SNN\"\ntype: ke-hoach\nissuer: Sở Nông nghiệp và PTNT Nghệ An\nissued: 2019-01-16\nexpires: 2019-12-31\ntitle: Kế hoạch năm 2019\n---\nKế hoạch (minh họa).\n",
	"decisions/2019/7-qd-ubnd.md":  "---\nnumber: \"7/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2019-01-02\nrepealed: 2021-03-01\ntitle: Quyết định bị thay thế trước khi bị bãi bỏ\n---\nMinh họa.\n",
	"decisions/2021/8-qd-ubnd.md":  "---\nnumber: \"8/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2021-01-15\neffective: 2021-02-01\ntitle: Thay thế Quyết định 7/QĐ-UBND\nsupersedes:\n  - \"7/QĐ-UBND\"\n---\nMinh họa.\n",
	"decisions/2019/9-qd-ubnd.md":  "---\nnumber: \"9/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2019-01-03\nrepealed: 2020-06-01\ntitle: Quyết định bị bãi bỏ trước khi bị thay thế\n---\nMinh họa.\n",
	"decisions/2021/10-qd-ubnd.md": "---\nnumber: \"10/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2021-01-01\ntitle: Thay thế Quyết định 9/QĐ-UBND\nsupersedes:\n  - \"9/QĐ-UBND\"\n---\nMinh họa.\n",
}

func newHieuLucScenario(t *testing.T) *hieuLucScenario {
	t.Helper()
	g := newGitRepo(t)
	f := siteFiles(t)
	for name, doc := range hieuLucDecisions {
		f[name] = doc
	}
	c1 := g.Commit("refs/heads/master", nil, f, "Ada", "Nhập sổ tay chất lượng\n")
	v2 := strings.NewReplacer(
		"revision: 1\neffective: 2021-04-01\n", `revision: 2
effective: 2022-03-01
revisions:
  - revision: 1
    effective: 2021-04-01
    approved_by: "50/QĐ-SNN"
    change: Ban hành lần đầu
  - revision: 2
    effective: 2022-03-01
    approved_by: "50/QĐ-SNN"
    change: Rút ngắn thời gian thẩm định
`).Replace(f[qtPath])
	if v2 == f[qtPath] {
		t.Fatal("scenario: QT-TS-01 unchanged")
	}
	f = with(f, qtPath, v2)
	c2 := g.Commit("refs/heads/master", []plumbing.Hash{c1}, f, "Ben",
		"QT-TS-01 lần ban hành 2\n\nApproved-by: Giám đốc Sở\nChange-reason: Rút ngắn thời gian thẩm định\n")
	g.Checkout(c2, g.Dir)
	return &hieuLucScenario{g: g, c1: c1, c2: c2}
}

func (s *hieuLucScenario) revURL(h plumbing.Hash) string {
	return "/processes/qt-ts-01/history/" + h.String() + ".html"
}

// TestHieuLucTimeline: without JavaScript the page lists every change of
// issue and status, newest first, by year and month: both issues of
// QT-TS-01 linking to the revisions that introduced them, the
// supersession, amendment and abolitions on their dates.
func TestHieuLucTimeline(t *testing.T) {
	s := newHieuLucScenario(t)
	out, _, _ := buildRepo(t, s.g.Dir, nil)
	pg := page(t, out, "hieu-luc/")
	items := map[string]string{}
	var order []string
	for _, m := range regexp.MustCompile(`(?s)<li data-ngay="([0-9-]+)">(.*?)</li>`).FindAllStringSubmatch(pg, -1) {
		order = append(order, m[1])
		items[m[1]] += m[2] + "\n"
	}
	for i := 1; i < len(order); i++ {
		if order[i] > order[i-1] {
			t.Errorf("timeline not newest first: %s after %s", order[i], order[i-1])
		}
	}
	for day, want := range map[string][]string{
		"2021-04-01": {`<a href="/processes/qt-ts-01/">QT-TS-01</a>`, "Lần ban hành 01 có hiệu lực", `href="` + s.revURL(s.c1) + `"`},
		"2022-03-01": {`<a href="/processes/qt-ts-01/">QT-TS-01</a>`, "Lần ban hành 02 có hiệu lực", "Rút ngắn thời gian thẩm định", `href="` + s.revURL(s.c2) + `"`},
		"2020-10-06": {"100/QĐ-UBND", "Bị thay thế bởi", "Hết hiệu lực (bị thay thế)", "200/QĐ-UBND</a> <span class=\"doc-title\">Công bố danh mục thủ tục hành chính năm 2020</span>: Có hiệu lực", "NA-04", "Đã bãi bỏ"},
		"2021-03-01": {"200/QĐ-UBND</a> <span class=\"doc-title\">Công bố danh mục thủ tục hành chính năm 2020</span>: Được sửa đổi, bổ sung bởi", "Còn hiệu lực (được sửa đổi)"},
		"2022-01-10": {"QT-TY-02", "Bị bãi bỏ theo", "Hết hiệu lực"},
		"2019-12-31": {"5/KH-SNN", "Hết thời hạn hiệu lực", "Hết hiệu lực (hết thời hạn)"},
		"2020-06-01": {"9/QĐ-UBND", "Bị bãi bỏ", "Hết hiệu lực (bị bãi bỏ)"},
		"2021-02-01": {"7/QĐ-UBND", "Bị thay thế bởi", `<a href="/decisions/8-qd-ubnd/">8/QĐ-UBND</a>`},
	} {
		contains(t, "hieu-luc/ on "+day, items[day], want...)
	}
	// A decision already superseded is not repealed again, nor one
	// already repealed superseded.
	if strings.Contains(items["2021-03-01"], `<a href="/decisions/7-qd-ubnd/">`) || strings.Contains(items["2021-01-01"], `<a href="/decisions/9-qd-ubnd/">`) {
		t.Errorf("a second end of effect is listed:\n%s%s", items["2021-03-01"], items["2021-01-01"])
	}
	contains(t, "hieu-luc/", pg,
		`<h3 id="nam-2022">Năm 2022</h3>`, `<h4 id="thang-2022-03">Tháng 03/2022</h4>`,
		`<label for="ngay">Ngày cần xem</label>`, `name="ngay"`, `role="status"`,
		`<script src="/static/hieu-luc.js" defer></script>`, `<a href="/hieu-luc/" aria-current="page">`)
	if strings.Index(pg, `id="thang-2022-03"`) > strings.Index(pg, `id="thang-2021-04"`) {
		t.Error("March 2022 is listed after April 2021")
	}

	// Without a history, an issue links to the process's amendment record.
	out, _ = buildSite(t, loadArchive(t, "site.txtar"), nil)
	contains(t, "hieu-luc/ without history", page(t, out, "hieu-luc/"),
		`Lần ban hành 01 có hiệu lực <span class="hint">(Ban hành lần đầu)</span> <a href="/processes/qt-ts-01/#theo-doi-sua-doi">`)
	contains(t, "processes/qt-ts-01/", page(t, out, "processes/qt-ts-01/"), `id="theo-doi-sua-doi"`)
}

// hlGo is a document's status on a day as the export gives it.
type hlGo struct {
	Status   string
	Revision int
	Since    string
}

// TestHieuLucJSMatchesGo: hieu-luc.js gives every document of the manual
// the status the export (qms's status functions) gives it, on dates before,
// between and after the issues, supersessions, amendments and abolitions
// of the scenario.
func TestHieuLucJSMatchesGo(t *testing.T) {
	s := newHieuLucScenario(t)
	out, _, _ := buildRepo(t, s.g.Dir, nil)
	corpus, _, err := content.LoadDir(s.g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	b.Open(t, srv.URL+"/hieu-luc/")

	days := []string{
		"1990-01-01", "2018-06-20", "2018-06-21", "2019-09-04", "2020-01-01", "2020-10-05", "2020-10-06",
		"2020-11-15", "2021-02-28", "2021-03-01", "2021-03-31", "2021-04-01", "2021-12-31", "2022-01-09",
		"2022-01-10", "2022-02-28", "2022-03-01", "2025-06-01", "2030-01-01",
		"2019-01-15", "2019-01-16", "2019-12-30", "2019-12-31", "2020-05-31", "2020-06-01", "2020-12-31",
		"2021-01-01", "2021-01-31", "2021-02-01",
	}
	for _, day := range days {
		date, err := qms.ParseDate(day)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]hlGo{}
		for _, doc := range export.New(corpus, export.Options{AsOf: date}).Documents {
			b, _ := json.Marshal(doc)
			var v struct {
				URL         string `json:"url"`
				Status      string `json:"status"`
				Revision    int    `json:"revision"`
				StatusSince string `json:"status_since"`
			}
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			if v.URL != "" { // a draft has no page
				want[v.URL] = hlGo{v.Status, v.Revision, v.StatusSince}
			}
		}
		got := eval[map[string]hlGo](t, ctx, fmt.Sprintf(`(() => {
			const d = qmsHieuLuc.data, st = qmsHieuLuc.evaluate(d, %q), out = {};
			d.processes.forEach((p, i) => { out[p.url] = {Status: st.processes[i].status, Revision: st.processes[i].issue ? st.processes[i].issue.revision : 0, Since: ""}; });
			d.procedures.forEach((p, i) => { out[p.url] = {Status: st.procedures[i].status, Revision: 0, Since: ""}; });
			d.decisions.forEach((p, i) => { out[p.url] = {Status: st.decisions[i].status, Revision: 0, Since: st.decisions[i].since || ""}; });
			return out;
		})()`, day))
		if len(got) != len(want) {
			t.Errorf("%s: JS has %d documents, Go %d", day, len(got), len(want))
		}
		for u, w := range want {
			if g, ok := got[u]; !ok || g != w {
				t.Errorf("%s %s: JS %+v, Go %+v", day, u, g, w)
			}
		}
	}
	// The cases the issue names, spelled out.
	for _, c := range []struct {
		day, url string
		want     hlGo
	}{
		{"2021-03-31", "/processes/qt-ts-01/", hlGo{"not-yet-effective", 0, ""}},
		{"2021-12-31", "/processes/qt-ts-01/", hlGo{"active", 1, ""}},
		{"2022-03-01", "/processes/qt-ts-01/", hlGo{"active", 2, ""}},
		{"2020-10-05", "/decisions/100-qd-ubnd/", hlGo{"in-force", 0, ""}},
		{"2020-10-06", "/decisions/100-qd-ubnd/", hlGo{"superseded", 0, "2020-10-06"}},
		{"2021-06-01", "/decisions/200-qd-ubnd/", hlGo{"amended", 0, ""}},
		{"2019-12-31", "/decisions/5-kh-snn/", hlGo{"expired", 0, "2019-12-31"}},
		{"2021-06-01", "/decisions/7-qd-ubnd/", hlGo{"superseded", 0, "2021-02-01"}},
		{"2021-06-01", "/decisions/9-qd-ubnd/", hlGo{"repealed", 0, "2020-06-01"}},
	} {
		got := eval[hlGo](t, ctx, fmt.Sprintf(`(() => {
			const d = qmsHieuLuc.data, day = %q, url = %q;
			for (const p of d.processes) if (p.url === url) { const s = qmsHieuLuc.processStatus(p, day); return {Status: s.status, Revision: s.issue ? s.issue.revision : 0, Since: ""}; }
			for (const p of d.decisions) if (p.url === url) { const s = qmsHieuLuc.decisionStatus(p, day); return {Status: s.status, Revision: 0, Since: s.since || ""}; }
		})()`, c.day, c.url))
		if got != c.want {
			t.Errorf("%s %s: %+v, want %+v", c.day, c.url, got, c.want)
		}
	}
	// Dates as the address may carry them.
	for in, want := range map[string]string{"2020-11-15": "2020-11-15", "15/11/2020": "2020-11-15", "5/3/2021": "2021-03-05", "2021-02-29": "", "31/04/2020": "", "hôm nay": ""} {
		if got := eval[string](t, ctx, fmt.Sprintf(`qmsHieuLuc.parseDay(%q)`, in)); got != want {
			t.Errorf("parseDay(%q) = %q, want %q", in, got, want)
		}
	}
	b.NoConsoleErrors(t)
}

// TestBrowserHieuLuc: the page answers for the date in its address, then
// for a date chosen in the form, naming the issue of QT-TS-01 in force and
// linking to the revision that introduced it; the answered page passes
// axe-core and does not scroll sideways on a phone.
func TestBrowserHieuLuc(t *testing.T) {
	s := newHieuLucScenario(t)
	out, _, _ := buildRepo(t, s.g.Dir, nil)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	b := browsertest.Start(t)
	ctx := timeout(t, b)

	row := `[...document.querySelectorAll("#hieu-luc-ket-qua tr")].find(r => r.querySelector('a[href="/processes/qt-ts-01/"]'))`
	issue := func() (string, string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](row+` !== undefined`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("no answer: %v", err)
		}
		cell := row + `.cells[2]`
		return eval[string](t, ctx, cell+`.textContent`), eval[string](t, ctx, `(`+cell+`.querySelector("a") || {}).pathname || ""`)
	}

	b.Open(t, srv.URL+"/hieu-luc/?ngay=2021-12-31")
	if text, href := issue(); text != "Lần 01" || href != s.revURL(s.c1) {
		t.Errorf("31/12/2021: issue %q → %q, want Lần 01 → %s", text, href, s.revURL(s.c1))
	}
	if h := text(t, ctx, "h1"); h != "Còn hiệu lực ngày 31/12/2021" {
		t.Errorf("h1 = %q", h)
	}
	if ti := eval[string](t, ctx, `document.title`); ti != "Còn hiệu lực ngày 31/12/2021 · Hệ thống quản lý chất lượng ISO 9001" {
		t.Errorf("title = %q", ti)
	}
	if st := text(t, ctx, "#hieu-luc-tom-tat"); !strings.HasPrefix(st, "Ngày 31/12/2021: ") {
		t.Errorf("summary = %q", st)
	}
	for _, v := range validatortest.AxeViolations(t, b) {
		t.Errorf("hieu-luc/?ngay=2021-12-31: %s", v)
	}

	// Choosing a date after the second issue's.
	err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#ngay`), "2022-06-01"),
		chromedp.Click(chromedp.CSS(`.hieu-luc-form button`), chromedp.NodeVisible),
		chromedp.Poll[chromedp.Void](`location.search === "?ngay=2022-06-01"`, chromedp.WithPollingTimeout(10*time.Second)),
	)
	if err != nil {
		t.Fatalf("choosing 01/06/2022: %v", err)
	}
	if text, href := issue(); text != "Lần 02" || href != s.revURL(s.c2) {
		t.Errorf("01/06/2022: issue %q → %q, want Lần 02 → %s", text, href, s.revURL(s.c2))
	}
	// The month around the day: the issue of 01/03/2022 is not in it,
	// nothing is; around 01/03/2022 it is.
	if n := eval[int](t, ctx, `document.querySelectorAll("#hieu-luc-ket-qua li[data-ngay]").length`); n != 0 {
		t.Errorf("01/06/2022: %d changes around, want 0", n)
	}
	b.Open(t, srv.URL+"/hieu-luc/?ngay=2022-03-10")
	issue()
	near := eval[string](t, ctx, `[...document.querySelectorAll("#hieu-luc-ket-qua li[data-ngay]")].map(li => li.dataset.ngay).join(" ")`)
	if near != "2022-03-01" {
		t.Errorf("changes around 10/03/2022: %q, want 2022-03-01", near)
	}

	// Before the first issue, no issue is in force.
	b.Open(t, srv.URL+"/hieu-luc/?ngay=15/01/2021")
	if text, _ := issue(); text != "—" {
		t.Errorf("15/01/2021: issue %q, want —", text)
	}
	if v := eval[string](t, ctx, `document.getElementById("ngay").value`); v != "2021-01-15" {
		t.Errorf("input = %q", v)
	}

	// At 375 CSS pixels the answer's tables scroll in their own region,
	// not the page.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	b.Open(t, srv.URL+"/hieu-luc/?ngay=2021-12-31")
	issue()
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 375 {
		t.Errorf("narrow: scrollWidth %d > 375", w)
	}

	// A date that does not exist says so.
	b.Open(t, srv.URL+"/hieu-luc/?ngay=2021-02-30")
	if st := text(t, ctx, "#hieu-luc-tom-tat"); !strings.Contains(st, "không hợp lệ") {
		t.Errorf("summary for 30/02/2021 = %q", st)
	}
	b.NoConsoleErrors(t)
}

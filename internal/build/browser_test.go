package build

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// serveSite builds testdata/site.txtar and serves it over HTTP.
func serveSite(t *testing.T) *httptest.Server {
	t.Helper()
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), nil)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return srv
}

// timeout bounds one browser step.
func timeout(t *testing.T, b *browsertest.Browser) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// clickTo clicks the element and waits until the page at path has loaded.
func clickTo(t *testing.T, ctx context.Context, sel, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
	// The old document's context goes away during the navigation: retry
	// until the new one answers.
	var last string
	for ctx.Err() == nil {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + " " + document.readyState`))
		if err == nil && s == path+" complete" {
			return
		}
		last = s
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("click %s: expected %s, at %q", sel, path, last)
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// TestBrowserJourney: from the dashboard to a process, its steps and total,
// its legal basis, and back through "cited by"; no console errors.
func TestBrowserJourney(t *testing.T) {
	srv := serveSite(t)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	b.Open(t, srv.URL+"/")
	if h := text(t, ctx, "h1"); h != "Hệ thống quản lý chất lượng ISO 9001" {
		t.Errorf("dashboard h1 = %q", h)
	}
	clickTo(t, ctx, `.totals a[href="/processes/"]`, "/processes/")
	clickTo(t, ctx, `a[href="/processes/qt-ts-01/"]`, "/processes/qt-ts-01/")
	if h := text(t, ctx, "h1"); h != "Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản" {
		t.Errorf("process h1 = %q", h)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("table.steps tbody tr").length`); n != 4 {
		t.Errorf("%d step rows, want 4", n)
	}
	if total := text(t, ctx, "table.steps td.total"); total != "05 ngày làm việc" {
		t.Errorf("total = %q", total)
	}
	if v := text(t, ctx, ".limits li"); !strings.Contains(v, "Trong thời hạn") {
		t.Errorf("limit verdict = %q", v)
	}
	clickTo(t, ctx, `.legal a[href="/decisions/200-qd-ubnd/"]`, "/decisions/200-qd-ubnd/")
	if h := text(t, ctx, "h1"); h != "Công bố danh mục thủ tục hành chính năm 2020" {
		t.Errorf("decision h1 = %q", h)
	}
	if st := text(t, ctx, ".doc-kind .tag"); st != "Còn hiệu lực (được sửa đổi)" {
		t.Errorf("decision status = %q", st)
	}
	clickTo(t, ctx, `#cited-by ~ .table-wrap a[href="/processes/qt-ts-01/"]`, "/processes/qt-ts-01/")
	// The superseded predecessor shows its banner and links forward.
	b.Open(t, srv.URL+"/decisions/100-qd-ubnd/")
	if h := text(t, ctx, ".banner-obsolete .banner-heading"); h != "HẾT HIỆU LỰC" {
		t.Errorf("banner = %q", h)
	}
	clickTo(t, ctx, `.banner-obsolete a[href="/decisions/200-qd-ubnd/"]`, "/decisions/200-qd-ubnd/")
	b.NoConsoleErrors(t)
}

// TestBrowserKeyboard: the first Tab reaches the skip link, which moves
// focus to the main content.
func TestBrowserKeyboard(t *testing.T) {
	srv := serveSite(t)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	b.Open(t, srv.URL+"/processes/qt-ts-01/")
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	if c := eval[string](t, ctx, `document.activeElement.className`); c != "skip-link" {
		t.Fatalf("first Tab focuses %q, want the skip link", c)
	}
	if top := eval[float64](t, ctx, `document.activeElement.getBoundingClientRect().top`); top < 0 {
		t.Errorf("focused skip link is off screen (top %v)", top)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if id := eval[string](t, ctx, `location.hash + " " + document.activeElement.id`); id != "#main main" {
		t.Errorf("after the skip link: %q, want focus on main", id)
	}
}

// TestBrowserNarrow: at 375 CSS pixels no page scrolls sideways, and the
// lists and the steps are cards that need no sideways scrolling either.
func TestBrowserNarrow(t *testing.T) {
	srv := serveSite(t)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/", "/processes/", "/processes/qt-ts-01/", "/procedures/", "/procedures/na-01/", "/decisions/", "/decisions/100-qd-ubnd/", "/fields/thu-y/", "/checks/", "/search/"} {
		b.Open(t, srv.URL+p)
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 375 {
			t.Errorf("%s: scrollWidth %d > 375", p, w)
		}
		if n := eval[int](t, ctx, `[...document.querySelectorAll(".table-wrap")].filter(w => w.querySelector("table.stack, table.steps") && w.scrollWidth > w.clientWidth).length`); n > 0 {
			t.Errorf("%s: %d lists scroll sideways", p, n)
		}
	}
	b.NoConsoleErrors(t)
}

// TestBrowserPrint: in print media the navigation is hidden, the process's
// header block opens the first A4 page, and the text of the footer that
// marks the copy as uncontrolled, with the build's commit, is set for the
// page-margin boxes, which Chromium prints instead of the fallback
// .print-footer element. TestBrowserPrintPages reads the printed pages.
func TestBrowserPrint(t *testing.T) {
	srv := serveSite(t)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}),
	)
	if err != nil {
		t.Fatal(err)
	}
	b.Open(t, srv.URL+"/processes/qt-ts-01/")
	for sel, want := range map[string]string{
		".site-nav": "none", ".site-header": "none", ".site-footer": "none", ".breadcrumbs": "none",
		".doc-header": "block", ".print-footer": "none",
	} {
		if got := eval[string](t, ctx, `getComputedStyle(document.querySelector("`+sel+`")).display`); got != want {
			t.Errorf("print: %s display %q, want %q", sel, got, want)
		}
	}
	footer := eval[string](t, ctx, `getComputedStyle(document.documentElement).getPropertyValue("--qms-print-footer")`)
	for _, w := range []string{"Bản in không được kiểm soát", "abc1234"} {
		if !strings.Contains(footer, w) {
			t.Errorf("print footer %q lacks %q", footer, w)
		}
	}
	// The header block (code, revision, effective date, approval) ends
	// within the first page: A4 is 297 mm, less 35 mm of margins, at 96 px
	// per inch.
	const firstPage = (297 - 35) / 25.4 * 96
	bottom := eval[float64](t, ctx, `document.querySelector(".doc-header .summary-list").getBoundingClientRect().bottom + scrollY`)
	if bottom <= 0 || bottom > firstPage {
		t.Errorf("header block ends at %.0f px, beyond the first page (%.0f px)", bottom, firstPage)
	}
	for _, key := range []string{"Mã hiệu", "Lần ban hành", "Ngày hiệu lực", "Phê duyệt bởi"} {
		if !strings.Contains(text(t, ctx, ".doc-header .summary-list"), key) {
			t.Errorf("header block lacks %q", key)
		}
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Error("PrintToPDF did not return a PDF")
	}
	b.NoConsoleErrors(t)
}

// TestBrowserSearch: the search page loads the index the build wrote and
// shows results for a query given in the URL.
func TestBrowserSearch(t *testing.T) {
	srv := serveSite(t)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	b.Open(t, srv.URL+"/search/?q=thuy%20san")
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`document.querySelector('#search-results a[href$="/processes/qt-ts-01/"]') !== null`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("no result for QT-TS-01: %v; results: %s", err, eval[string](t, ctx, `document.getElementById("search-results").innerText`))
	}
	b.NoConsoleErrors(t)
}

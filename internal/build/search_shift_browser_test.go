package build

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// TestBrowserSearchNoShift: results arriving on the search page move
// nothing already shown (no layout shift): the page is served with its
// status line in a results area that keeps its room.
func TestBrowserSearchNoShift(t *testing.T) {
	srv := serveSite(t)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	b.Open(t, srv.URL+"/search/?q=thuy%20san")
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`document.getElementById("search-results").dataset.state === "done"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the search did not finish: %v", err)
	}
	eval[bool](t, ctx, `window.qmsShift = 0; new PerformanceObserver(function (l) { for (const e of l.getEntries()) window.qmsShift += e.value; }).observe({type: "layout-shift", buffered: true}); true`)
	time.Sleep(300 * time.Millisecond)
	if n := eval[int](t, ctx, `document.querySelectorAll("#search-results .search-result").length`); n == 0 {
		t.Fatal("no results")
	}
	if shift := eval[float64](t, ctx, `window.qmsShift`); shift > 0.01 {
		t.Errorf("layout shift %.3f while the results loaded", shift)
	}
}

package search

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// firstQueryBudget is the most a first query may download on a site of
// 10,000 documents: the page's script and every index file it loads.
const firstQueryBudget = 1_000_000

// scaleQueries are what readers type, with the document that must come
// first ("" when any may).
var scaleQueries = []struct{ q, first string }{
	{"chung chi hanh nghe thu y", "procedures/1.004359/"},
	{"qd 3463", "decisions/2020/3463-qd-ubnd/"},
	{"3463", "decisions/2020/3463-qd-ubnd/"},
	{"duoc cap", "procedures/na-ty-02/"},
	{"QT-TS-01", "processes/qt-ts-01/"},
	{"1.004359", "procedures/1.004359/"},
	{"thu tuc hanh chinh", ""},
	{"cấp giấy chứng nhận đăng ký tàu cá", ""},
	{"quy trình thẩm định hồ sơ thiết kế đê điều chi cục thủy lợi", ""},
	{"ho so can luu", ""},
}

// scaleSite builds and serves the fixture among 10,000 synthetic
// documents.
func scaleSite(t testing.TB) (*Index, *testSite) {
	ix, files := fixtureIndex(t, append(synthDocs(10000), fixture()...))
	return ix, serveSite(t, files)
}

// TestBrowserAtScale opens each query as a first visit on a 10,000-document
// site: the right document comes first, JS ranks as Go does, and the page
// downloads no more than firstQueryBudget.
func TestBrowserAtScale(t *testing.T) {
	ix, site := scaleSite(t)
	b := browsertest.Start(t)
	for _, sq := range scaleQueries {
		site.sent.Store(0)
		site.open(t, b, sq.q)
		sent := site.sent.Load()
		t.Logf("%-62q first visit downloads %4d KB", sq.q, sent/1000)
		if sent > firstQueryBudget {
			t.Errorf("?q=%s downloads %d bytes, more than %d", sq.q, sent, firstQueryBudget)
		}
		if sq.first == "" {
			continue
		}
		hits := eval[[]shownHit](t, b, readHits)
		if want := site.URL + sitePrefix + sq.first; len(hits) == 0 || hits[0].Href != want {
			t.Errorf("?q=%s: first result %+v, want %s", sq.q, hits, want)
		}
	}
	compareRanking(t, b, ix, scaleQueryTexts())

	// thousands of results come twenty at a time; "more" moves the focus
	// to the first new one
	site.open(t, b, "thu tuc hanh chinh")
	if n := eval[int](t, b, `document.querySelectorAll(".search-list > li").length`); n != 20 {
		t.Errorf("first page shows %d results, want 20", n)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Click(".search-more")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](
		`document.querySelectorAll(".search-list > li").length === 40`)); err != nil {
		t.Fatalf("after Xem thêm: %v", err)
	}
	if i := eval[int](t, b, `Array.from(document.querySelectorAll(".search-list > li")).indexOf(document.activeElement.closest("li"))`); i != 20 {
		t.Errorf("after Xem thêm the focus is on result %d, want 20 (the first new one)", i)
	}
	summary := eval[string](t, b, `document.querySelector(".search-summary").textContent`)
	if !strings.HasPrefix(summary, "Tìm thấy ") || !strings.HasSuffix(summary, "kết quả cho “thu tuc hanh chinh”.") {
		t.Errorf("summary %q", summary)
	}
	b.NoConsoleErrors(t)
}

// BenchmarkBrowserQuery10k measures how long search.js takes to answer a
// query on a 10,000-document index once its shards are loaded, timed in the
// page with performance.now: page-ms/query ranks only, render-ms/query
// also builds the result list.
func BenchmarkBrowserQuery10k(b *testing.B) {
	_, site := scaleSite(b)
	br := browsertest.Start(b)
	site.open(b, br, "")
	qs, _ := json.Marshal(scaleQueryTexts())
	// load every shard the queries need, then warm the script up
	eval[bool](b, br, fmt.Sprintf(`(async () => {
		for (let i = 0; i < 3; i++) for (const q of %s) await qmsSearch.run(q);
		return true })()`, qs))
	var search, render, worst float64
	n := 0
	for b.Loop() {
		q, _ := json.Marshal(scaleQueries[n%len(scaleQueries)].q)
		ms := eval[[2]float64](b, br, fmt.Sprintf(`(async () => {
			const t0 = performance.now(); await qmsSearch.find(%s);
			const t1 = performance.now(); await qmsSearch.run(%[1]s);
			return [t1 - t0, performance.now() - t1] })()`, q))
		search += ms[0]
		render += ms[1]
		worst = max(worst, ms[0])
		n++
	}
	b.ReportMetric(search/float64(n), "page-ms/query")
	b.ReportMetric(worst, "worst-page-ms")
	b.ReportMetric(render/float64(n), "render-ms/query")
}

func scaleQueryTexts() []string {
	var qs []string
	for _, sq := range scaleQueries {
		qs = append(qs, sq.q)
	}
	return qs
}

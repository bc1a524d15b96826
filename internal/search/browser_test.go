package search

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/snnptnt-nghean/qms/internal/browsertest"
	"golang.org/x/text/unicode/norm"
)

// sitePrefix is where the test server puts the site, to check that search
// works under a sub-path.
const sitePrefix = "/qms/"

// searchPage follows the site's DOM contract for /search/, with a relative
// base as the renderer may write it.
const searchPage = `<!doctype html>
<html lang="vi" data-base="../">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Tìm kiếm – Sổ tay ISO</title></head>
<body>
<header><form role="search" action="../search/" method="get">
<label for="q">Tìm kiếm</label> <input type="search" id="q" name="q"> <button>Tìm</button>
</form></header>
<main><h1>Tìm kiếm</h1>
<div id="search-results" aria-live="polite"><noscript><p>Cần bật JavaScript để tìm kiếm.</p></noscript></div>
</main>
<script src="../static/search.js" defer></script>
</body></html>
`

// testSite serves the search page, search.js and an index, and counts the
// bytes it sends.
type testSite struct {
	*httptest.Server
	sent atomic.Int64
}

func serveSite(t testing.TB, files map[string][]byte) *testSite {
	t.Helper()
	js, err := os.ReadFile("../../site/static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	s := &testSite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// no-store: every page load downloads what it needs, as a first
		// visit does
		w.Header().Set("Cache-Control", "no-store")
		name, ok := strings.CutPrefix(r.URL.Path, sitePrefix)
		var body []byte
		switch {
		case !ok:
			http.NotFound(w, r)
			return
		case name == "search/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			body = []byte(searchPage)
		case name == "static/search.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			body = js
		case files[name] != nil:
			w.Header().Set("Content-Type", "application/json")
			body = files[name]
		default:
			http.NotFound(w, r)
			return
		}
		s.sent.Add(int64(len(body)))
		w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

// open loads /search/?q= and waits for the results.
func (s *testSite) open(t testing.TB, b *browsertest.Browser, q string) {
	t.Helper()
	u := s.URL + sitePrefix + "search/"
	if q != "" {
		u += "?q=" + url.QueryEscape(q)
	}
	b.Open(t, u)
	waitQuery(t, b, q)
}

// waitQuery waits until the page shows the results for q.
func waitQuery(t testing.TB, b *browsertest.Browser, q string) {
	t.Helper()
	want, _ := json.Marshal(strings.TrimSpace(q))
	_, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](fmt.Sprintf(
		`(r => r && r.dataset.state === "done" && r.dataset.query === %s)(document.getElementById("search-results"))`, want),
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Fatalf("waiting for the results of %q: %v", q, err)
	}
}

// eval evaluates a JavaScript expression in the page, awaiting a promise.
func eval[T any](t testing.TB, b *browsertest.Browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.200s: %v", expr, err)
	}
	return v
}

// shownHit is a result as the page shows it.
type shownHit struct {
	Href, Title, Kind, Code, Status, Snippet, Class string
	Marks                                           []string
}

const readHits = `Array.from(document.querySelectorAll("#search-results ol.search-list > li")).map(li => ({
	Href: li.querySelector("a.search-link") ? li.querySelector("a.search-link").href : "",
	Title: li.querySelector(".search-title").textContent,
	Kind: li.querySelector(".search-kind").textContent,
	Code: (li.querySelector(".search-code") || {}).textContent || "",
	Status: (li.querySelector(".search-status") || {}).textContent || "",
	Snippet: (li.querySelector(".search-snippet") || {}).textContent || "",
	Class: li.className,
	Marks: Array.from(li.querySelectorAll("mark")).map(m => m.textContent),
}))`

func TestBrowserSearch(t *testing.T) {
	docs := append(fixture(), Doc{
		URL: "processes/qt-xss/", Kind: "process", KindLabel: "Quy trình", Code: "QT-XSS",
		Title:  `Quy trình <img src=x onerror="document.title='pwned'"> <b>đậm</b>`,
		Status: "Dự thảo", Body: `<script>document.title='pwned'</script> nội dung đậm`,
	})
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	site := serveSite(t, files)
	b := browsertest.Start(t)
	page := site.URL + sitePrefix

	tests := []struct {
		q, first string
		marks    []string // marks in the first result, in order
	}{
		{"duoc cap", "procedures/na-ty-02/", []string{"Cấp", "được cấp"}},
		{"qd 3463", "decisions/2020/3463-qd-ubnd/", []string{"3463/QĐ"}},
		{"3463/QĐ-UBND", "decisions/2020/3463-qd-ubnd/", []string{"3463/QĐ-UBND"}},
		{"chung chi hanh nghe thu y", "procedures/1.004359/",
			// "thủ" and "hành" fold to words of the query too
			[]string{"chứng chỉ hành nghề thú y", "thủ", "chứng chỉ hành nghề thú y", "hành"}},
		{"đường", "processes/qt-tl-01/", []string{"đường", "đường"}},
		{"qt ts 01", "processes/qt-ts-01/", []string{"QT-TS-01", "1"}},
		{"1.004359", "procedures/1.004359/", []string{"1.004359"}},
	}
	for _, tt := range tests {
		site.open(t, b, tt.q)
		hits := eval[[]shownHit](t, b, readHits)
		if len(hits) == 0 {
			t.Errorf("?q=%s: no results shown", tt.q)
			continue
		}
		if hits[0].Href != page+tt.first {
			t.Errorf("?q=%s: first result %s (%s), want %s", tt.q, hits[0].Href, hits[0].Title, page+tt.first)
		}
		if !slices.Equal(hits[0].Marks, tt.marks) {
			t.Errorf("?q=%s: first result marks %q, want %q", tt.q, hits[0].Marks, tt.marks)
		}
		if v := eval[string](t, b, `document.querySelector('form[role=search] input[name=q]').value`); v != tt.q {
			t.Errorf("?q=%s: search box shows %q", tt.q, v)
		}
	}

	// the first result shows kind, code, status and a snippet
	site.open(t, b, "dương tính")
	hits := eval[[]shownHit](t, b, readHits)
	if len(hits) != 1 {
		t.Fatalf("?q=dương tính: %d results, want 1: %+v", len(hits), hits)
	}
	h := hits[0]
	if h.Kind != "Thủ tục hành chính" || h.Code != "NA-TY-05" || h.Status != "Đang áp dụng" ||
		!strings.Contains(h.Snippet, "mẫu xét nghiệm dương tính") {
		t.Errorf("?q=dương tính: result shows %+v", h)
	}

	// obsolete documents are marked and come last
	site.open(t, b, "cong tac van thu")
	hits = eval[[]shownHit](t, b, readHits)
	if len(hits) != 2 || !strings.Contains(hits[1].Class, "search-result--obsolete") ||
		strings.Contains(hits[0].Class, "obsolete") || hits[1].Status != "Hết hiệu lực (bị thay thế)" {
		t.Errorf("?q=cong tac van thu: %+v, want the current decree then the superseded one, marked", hits)
	}

	// nothing has every word: the closest are offered, with what they lack
	site.open(t, b, "tàu cá khủng long")
	summary := eval[string](t, b, `document.querySelector(".search-summary").textContent`)
	missing := eval[string](t, b, `document.querySelector(".search-missing").textContent`)
	if !strings.Contains(summary, "Không có kết quả nào có đủ các từ") || missing != "Không có: khủng, long" {
		t.Errorf("?q=tàu cá khủng long: summary %q, first result %q", summary, missing)
	}

	// titles are text, never markup
	site.open(t, b, "đậm")
	hits = eval[[]shownHit](t, b, readHits)
	imgs := eval[int](t, b, `document.querySelectorAll("#search-results img, #search-results b, #search-results script").length`)
	if len(hits) != 1 || !strings.Contains(hits[0].Title, `<img src=x`) || imgs != 0 {
		t.Errorf("?q=đậm: %+v with %d elements from the data, want the markup shown as text", hits, imgs)
	}
	if title := eval[string](t, b, `document.title`); strings.Contains(title, "pwned") {
		t.Errorf("document.title = %q: markup from the index ran", title)
	}

	// typing a new query and submitting updates the results and the address
	eval[bool](t, b, `(() => { const i = document.querySelector("input[name=q]"); i.value = "tàu cá";
		i.form.requestSubmit(); return true })()`)
	waitQuery(t, b, "tàu cá")
	if loc := eval[string](t, b, `location.search`); loc != "?q="+url.QueryEscape("tàu cá") {
		t.Errorf("after submitting, location.search = %q", loc)
	}
	hits = eval[[]shownHit](t, b, readHits)
	if len(hits) == 0 || hits[0].Href != page+"processes/qt-ts-01/" {
		t.Errorf("after submitting tàu cá: %+v", hits)
	}
	// and back goes to the previous query
	eval[bool](t, b, `history.back(), true`)
	waitQuery(t, b, "đậm")

	site.open(t, b, "")
	if s := eval[string](t, b, `document.querySelector("#search-results").textContent`); !strings.Contains(s, "Nhập từ khóa") {
		t.Errorf("empty query shows %q", s)
	}
	b.NoConsoleErrors(t)
}

// jsToken is a token as search.js returns it.
type jsToken struct {
	Key, Exact, Kind string
}

// parityInputs are texts to fold and tokenise in both languages.
func parityInputs() []string {
	var in []string
	for _, row := range vowelRows {
		for _, r := range row.lower + row.upper {
			in = append(in, string(r), norm.NFD.String(string(r)))
		}
		in = append(in, row.lower, row.upper)
	}
	in = append(in, "đ", "Đ", "ð", "Ð", "ĐƯỜNG dương Đương", "hoà hòa", "kh\u00f4\u0309ng",
		"naïve café ÅNGSTRÖM İstanbul ß ﬁ ΟΔΟΣ ΚΑΙ ǅ ẞ", "𝔸𝕓𝕔 😀 ＡＢＣ ３４６３/QĐ-UBND", "\u0301\u0300", "a\u2028b",
		"Bước 1 - Tiếp nhận; 2 – thẩm định", "QĐ-UBND/3463", "so3463/qd", "v1.2.3-beta", "ISO 9001:2015",
		"1.000.000 đồng", "T-HNO-147208-TT-SĐ", "TN&MT 14/2016/TT-BNN&PTNT", "a&&b--c//d..e", "-/.&")
	in = append(in, "3463/QĐ-UBND", "Số: 3463 / QĐ - UBND", "57/ 2015/QĐ-UBND", "906/QĐTTg",
		"\ufeff3463/QĐ-\u200bUBND", "3463/QĐ\u2212UBND", "3463\u00a0/\u00a0QĐ\u00a0-\u00a0UBND")
	for _, d := range append(fixture(), synthDocs(20)...) {
		in = append(in, d.Title, d.Code, d.Body)
	}
	return in
}

// TestJSMatchesGo runs search.js's folding, tokenising and ranking in
// Chromium on the same tables as the Go code and compares.
func TestJSMatchesGo(t *testing.T) {
	ix, files := fixtureIndex(t, fixture())
	site := serveSite(t, files)
	b := browsertest.Start(t)
	site.open(t, b, "")

	in := parityInputs()
	inJSON, _ := json.Marshal(in)
	folds := eval[[]string](t, b, fmt.Sprintf(`(%s).map(s => qmsSearch.fold(s))`, inJSON))
	for i, s := range in {
		if want := Fold(s); folds[i] != want {
			t.Errorf("fold(%q): JS %q, Go %q", s, folds[i], want)
		}
	}
	toks := eval[[][]jsToken](t, b, fmt.Sprintf(`(%s).map(s => qmsSearch.tokenize(s))`, inJSON))
	for i, s := range in {
		var want []jsToken
		for _, tok := range Tokenize(s) {
			want = append(want, jsToken{tok.Key, tok.Exact, tok.Kind.String()})
		}
		if !slices.Equal(toks[i], want) {
			t.Errorf("tokenize(%.60q):\nJS %v\nGo %v", s, toks[i], want)
		}
	}

	var queries []string
	for _, tc := range rankCases {
		queries = append(queries, tc.q)
	}
	queries = append(queries, "", "zzzq", "thủ tục", "CẤP GIẤY", "3463/QĐ-XYZ tàu", "hồ sơ 05 ngày")
	compareRanking(t, b, ix, queries)
	b.NoConsoleErrors(t)
}

// jsResult is a ranking as search.js returns it.
type jsResult struct {
	Complete bool
	Docs     []int
	Scores   []int
	Missing  [][]string
}

// compareRanking checks that search.js ranks each query exactly as
// Index.Search does.
func compareRanking(t *testing.T, b *browsertest.Browser, ix *Index, queries []string) {
	t.Helper()
	qJSON, _ := json.Marshal(queries)
	got := eval[[]jsResult](t, b, fmt.Sprintf(`Promise.all((%s).map(q => qmsSearch.search(q).then(r => ({
		Complete: r.complete, Docs: r.hits.map(h => h.doc), Scores: r.hits.map(h => h.score),
		Missing: r.hits.map(h => h.missing)}))))`, qJSON))
	for i, q := range queries {
		res, err := ix.Search(q, 0)
		if err != nil {
			t.Fatal(err)
		}
		var want jsResult
		want.Complete = res.Complete
		for _, h := range res.Hits {
			want.Docs = append(want.Docs, h.Doc)
			want.Scores = append(want.Scores, h.Score)
			want.Missing = append(want.Missing, append([]string{}, h.Missing...))
		}
		g := got[i]
		if g.Complete != want.Complete || !slices.Equal(g.Docs, want.Docs) || !slices.Equal(g.Scores, want.Scores) ||
			fmt.Sprint(g.Missing) != fmt.Sprint(want.Missing) {
			t.Errorf("ranking of %q differs:\nJS %+v\nGo %+v", q, g, want)
		}
	}
}

package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestBuildDeterministic(t *testing.T) {
	docs := append(fixture(), synthDocs(300)...)
	a, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(docs)
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(shuffled), func(i, j int) {
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	})
	b, err := Build(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Errorf("two builds of the same documents differ")
	}
	for name, content := range a {
		if !strings.HasPrefix(name, Dir) {
			t.Errorf("file %s outside %s", name, Dir)
		}
		if !json.Valid(content) {
			t.Errorf("file %s is not valid JSON", name)
		}
	}
}

func TestBuildRejectsBadURLs(t *testing.T) {
	for _, u := range []string{"", "/processes/qt-01/", "../x/", "processes/../../x/",
		"javascript:alert(1)", "https://example.invalid/", "a b/", "a\"b/"} {
		_, err := Build([]Doc{{URL: u, Title: "x"}})
		if err == nil {
			t.Errorf("Build with URL %q: no error", u)
		}
	}
	_, err := Build([]Doc{{URL: "a/", Title: "x"}, {URL: "a/", Title: "y"}})
	if err == nil {
		t.Errorf("Build with a repeated URL: no error")
	}
}

func TestBuildEmpty(t *testing.T) {
	files, err := Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, _ := fixtureIndex(t, nil)
	res, err := ix.Search("thủ tục", 10)
	if err != nil || len(res.Hits) != 0 {
		t.Errorf("Search on an empty index = %v, %v; want no hits", res, err)
	}
	if len(files) != 1 {
		t.Errorf("empty index has %d files, want only meta.json", len(files))
	}
}

// TestBuildOddText feeds text no real document has; nothing may panic and
// the index must stay readable.
func TestBuildOddText(t *testing.T) {
	odd := []string{"\xff\xfe invalid UTF-8 \xc3", "\u0301\u0300 marks alone", strings.Repeat("9/", 100),
		"////----....&&&&", "\x00\x01 control", "𝔸𝕓𝕔 😀 ＡＢＣ", strings.Repeat("đường ", 5000),
		"a\u2028b\u2029c", `"quoted" \back\slash`}
	var docs []Doc
	for i, s := range odd {
		docs = append(docs, Doc{URL: "x/" + string(rune('a'+i)) + "/", Title: s, Code: s, Body: s, Fields: []string{s}})
	}
	ix, _ := fixtureIndex(t, docs)
	for _, s := range odd {
		if _, err := ix.Search(s, 10); err != nil {
			t.Errorf("Search(%q): %v", s, err)
		}
	}
	res, err := ix.Search("duong", 10)
	if err != nil || len(res.Hits) != 1 {
		t.Errorf("Search(duong) = %d hits, %v; want 1", len(res.Hits), err)
	}
}

// BenchmarkBuild10k builds the index of 10,000 synthetic documents and
// reports its size per document and the largest file a query may load.
func BenchmarkBuild10k(b *testing.B) {
	docs := synthDocs(10000)
	var files map[string][]byte
	for b.Loop() {
		var err error
		if files, err = Build(docs); err != nil {
			b.Fatal(err)
		}
	}
	var total, terms, docShards, maxTerm int
	for name, content := range files {
		total += len(content)
		switch {
		case strings.HasPrefix(name, Dir+"t/"):
			terms += len(content)
			maxTerm = max(maxTerm, len(content))
		case strings.HasPrefix(name, Dir+"d/"):
			docShards += len(content)
		}
	}
	b.ReportMetric(float64(total)/float64(len(docs)), "index-B/doc")
	b.ReportMetric(float64(terms)/float64(len(docs)), "terms-B/doc")
	b.ReportMetric(float64(docShards)/float64(len(docs)), "docs-B/doc")
	b.ReportMetric(float64(len(files[Dir+"meta.json"]))/1024, "meta-KB")
	b.ReportMetric(float64(maxTerm)/1024, "max-term-shard-KB")
	b.ReportMetric(float64(len(files)), "files")
}

// snippetText is the snippet of body as the document shard holds it.
func snippetText(body string) string {
	var s string
	if err := json.Unmarshal(appendString(nil, snippet(body)), &s); err != nil {
		panic(err)
	}
	return s
}

func TestSnippetText(t *testing.T) {
	long := strings.Repeat("chứng chỉ ", 400)
	tests := []struct{ in, want string }{
		{"  một\n\nhai\tba  ", "một hai ba"},
		{"", ""},
		// "chứng chỉ " is 10 runes: the first snippetRunes end at a space
		{long, strings.Repeat("chứng chỉ ", snippetRunes/10-1) + "chứng chỉ …"},
	}
	for _, tt := range tests {
		if got := snippetText(tt.in); got != tt.want {
			t.Errorf("snippetText(%.30q…) = %.40q… (%d runes), want %.40q… (%d runes)", tt.in, got, runeLen(got), tt.want, runeLen(tt.want))
		}
	}
	if n := runeLen(snippetText(strings.Repeat("x", 5000))); n != snippetRunes+2 {
		t.Errorf("a body without spaces is cut to %d runes, want %d", n, snippetRunes+2)
	}
}

// posting is one document of a postings list, for the tests.
type posting struct {
	doc  int
	mask uint8
	vars uint64
}

func encodePostings(withVars bool, ps []posting) []byte {
	var e postingsEncoder
	e.reset(nil, withVars)
	for _, p := range ps {
		e.add(p.doc, p.mask, p.vars)
	}
	return e.finish()
}

func TestPostingsRoundTrip(t *testing.T) {
	tests := []struct {
		variants []string
		postings []posting
	}{
		{[]string{"a"}, []posting{{doc: 0, mask: 8}}},
		{nil, []posting{{doc: 3, mask: 2}, {doc: 4, mask: 2}, {doc: 5, mask: 2}, {doc: 6, mask: 10}, {doc: 900, mask: 1}}},
		{[]string{"dương", "đường"}, []posting{{doc: 0, mask: 8, vars: 1}, {doc: 1, mask: 8, vars: 1},
			{doc: 2, mask: 8, vars: 2}, {doc: 70000, mask: 31, vars: 1<<29 | 3}}},
	}
	for _, tt := range tests {
		stride := 2
		if len(tt.variants) > 1 {
			stride = 3
		}
		enc := string(encodePostings(stride == 3, tt.postings))
		got, err := decodePostings(enc, stride, 100000)
		if err != nil {
			t.Fatalf("decode(%q): %v", enc, err)
		}
		var want []int
		for _, p := range tt.postings {
			want = append(want, p.doc, int(p.mask))
			if stride == 3 {
				want = append(want, int(p.vars))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("postings %v encode as %q and decode as %v", tt.postings, enc, got)
		}
	}
	// a run of neighbours with the same masks costs one record
	var run []posting
	for d := range 5000 {
		run = append(run, posting{doc: d, mask: 8})
	}
	if enc := encodePostings(false, run); len(enc) > 8 {
		t.Errorf("5,000 neighbouring postings take %d characters: %q", len(enc), enc)
	}
	for _, bad := range []string{"A", "AA!", "gggggggggggg", "AAAAA"} {
		if _, err := decodePostings(bad, 3, 10); err == nil {
			t.Errorf("decodePostings(%q) did not fail", bad)
		}
	}
	if _, err := decodePostings("PI", 2, 10); err == nil {
		t.Errorf("postings past the last document decoded")
	}
}

// manyVariants returns documents that have 70 exact forms of the word
// folded "aa", form v in 1+v/7 documents that come after those of the
// forms before it (so the most frequent forms are the last seen), and the
// forms in the order the index must keep them: by documents, then text.
func manyVariants() (docs []Doc, forms []string, want []string) {
	letters := []rune("aàáảãạăằắẳẵặâầấẩẫậ")
	for v := range 70 {
		forms = append(forms, string([]rune{letters[v/len(letters)], letters[v%len(letters)]}))
	}
	count := func(v int) int { return 1 + v/7 }
	for v, f := range forms {
		for i := range count(v) {
			docs = append(docs, Doc{URL: fmt.Sprintf("v/%02d-%d/", v, i), Title: "biến thể",
				Body: "chữ " + f + " trong văn bản"})
		}
	}
	order := slices.Clone(forms)
	slices.SortFunc(order, func(a, b string) int {
		va, vb := slices.Index(forms, a), slices.Index(forms, b)
		if c := count(vb) - count(va); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return docs, forms, order[:maxVariants]
}

// TestBuildSameOnAnyProcessors builds the same documents on one collector
// and on several, which share them out differently, and gets the same
// bytes.
func TestBuildSameOnAnyProcessors(t *testing.T) {
	many, _, _ := manyVariants()
	docs := slices.Concat(fixture(), synthDocs(700), many)
	want, err := build(docs, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{2, 3, 8} {
		got, err := build(docs, workers)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(got, want, bytes.Equal) {
			t.Errorf("build on %d collectors differs from build on one", workers)
		}
	}
}

// TestBuildManyVariants checks that a word with more variants than the
// variant mask holds keeps the most frequent ones, numbered in order, in
// each document's mask.
func TestBuildManyVariants(t *testing.T) {
	docs, _, want := manyVariants()
	for _, workers := range []int{1, 4} {
		files, err := build(docs, workers)
		if err != nil {
			t.Fatal(err)
		}
		ix := openFiles(t, files)
		e, err := ix.lookup("aa")
		if err != nil || e == nil {
			t.Fatalf("lookup(aa) = %v, %v", e, err)
		}
		if !slices.Equal(e.variants, want) {
			t.Errorf("variants %q, want %q", e.variants, want)
		}
		if e.stride != 3 || len(e.ints) != 3*len(docs) {
			t.Fatalf("postings: stride %d, %d numbers for %d documents", e.stride, len(e.ints), len(docs))
		}
		for i := 0; i < len(e.ints); i += 3 {
			d, err := ix.Doc(e.ints[i])
			if err != nil {
				t.Fatal(err)
			}
			form := strings.Fields(d.Snippet)[1]
			wantMask := 0
			if j := slices.Index(want, form); j >= 0 {
				wantMask = 1 << j
			}
			if e.ints[i+2] != wantMask {
				t.Errorf("%d collectors: document %s (%q): variant mask %b, want %b", workers, d.URL, form, e.ints[i+2], wantMask)
			}
		}
	}
}

package render

import (
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// bodyTextOf is the search text of src as the body of processes/x.md.
func bodyTextOf(t *testing.T, s *Site, src string) string {
	t.Helper()
	out, err := s.renderBody(bodyKey{src, "processes/x.md", 2}, true)
	if err != nil {
		t.Fatal(err)
	}
	return out.Text
}

// TestBodyTextSpaces: the search text of a body has every kind of white
// space, and the breaks between blocks, as single spaces, and keeps the
// text of links the page unlinks.
func TestBodyTextSpaces(t *testing.T) {
	s := newTestSite(t, nil, nil)
	tests := []struct{ md, want string }{
		{"Thủ\u00a0tục\u3000hành\u2003chính\t \n\n\n  - một\n  - hai  ", "Thủ tục hành chính một hai"},
		{"# Mục đích\n\n| A | B |\n|---|---|\n| ô 1 | ô 2 |", "Mục đích A B ô 1 ô 2"},
		{"[bấm](javascript:alert(1)) <javascript:x> ![ảnh](https://x.example/a.png)", "bấm javascript:x ảnh"},
		{"```\nmã  nguồn\n```\n\n    thụt lề", "mã nguồn thụt lề"},
		{"a\xffb \u2028 c\u0085d", "a\xffb c d"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := bodyTextOf(t, s, tt.md); got != tt.want {
			t.Errorf("bodyText(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}

// generatedBodies are the bodies of a generated corpus of n documents.
func generatedBodies(n int) []string {
	var bodies []string
	for p, c := range corpusgen.Files(corpusgen.Options{Docs: n, Seed: 7}) {
		if doc, _ := content.ParseFile(p, []byte(c)); doc != nil {
			bodies = append(bodies, doc.Base().Body)
		}
	}
	return bodies
}

// BenchmarkRenderBody renders the bodies of generated documents, without
// the cache.
func BenchmarkRenderBody(b *testing.B) {
	s := newTestSite(b, map[string]string{
		"decisions/61-2018-nd-cp.md": decisionHead + "Nội dung.\n",
		"procedures/1.004359.md":     procedureFile("1.004359", "Cấp giấy chứng nhận", "Thủy sản"),
	}, nil)
	bodies := generatedBodies(200)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.renderBody(bodyKey{bodies[i%len(bodies)], "processes/qt-01.md", 2}, false); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestSearchBodyShared: the search index gets the text of the tree the
// document's page is rendered from, and the page and the index share one
// rendering of the body.
func TestSearchBodyShared(t *testing.T) {
	s := newTestSite(t, map[string]string{
		"decisions/61-2018-nd-cp.md": decisionHead + "## Điều 1\n\nPhạm vi [điều chỉnh](../procedures/na-01.md) của\u00a0**nghị định**.\n",
		"procedures/na-01.md":        procedureFile("NA-01", "Thủ tục A", "Thủy sản"),
	}, nil)
	page := renderFile(t, s, "decisions/61-2018-nd-cp/index.html")
	if !strings.Contains(page, `<h2 id="dieu-1">Điều 1</h2>`) || !strings.Contains(page, `<a href="/procedures/na-01/">điều chỉnh</a>`) {
		t.Errorf("decision page body:\n%s", mainOf(page))
	}
	entries, err := s.SearchEntries()
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	for _, e := range entries {
		bodies[e.URL] = e.Body
	}
	if got, want := bodies["decisions/61-2018-nd-cp/"], "Điều 1 Phạm vi điều chỉnh của nghị định."; got != want {
		t.Errorf("search text %q, want %q", got, want)
	}
	if got := bodies["procedures/na-01/"]; got != "Minh họa." {
		t.Errorf("procedure search text %q", got)
	}
	n := 0
	s.docBodies.Range(func(any, any) bool { n++; return true })
	if n != 2 {
		t.Errorf("%d current bodies rendered, want 2 (one per document)", n)
	}
}

package render

import (
	"testing"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

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
		{"", ""},
	}
	for _, tt := range tests {
		if got := s.bodyText(tt.md, "processes/x.md"); got != tt.want {
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

// BenchmarkBodyText measures the plain text of generated bodies.
func BenchmarkBodyText(b *testing.B) {
	s := newTestSite(b, nil, nil)
	bodies := generatedBodies(1000)
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			s.bodyText(body, "processes/qt-01.md")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(bodies)), "ns/body")
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
		if _, err := s.renderBody(bodyKey{bodies[i%len(bodies)], "processes/qt-01.md", 2}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

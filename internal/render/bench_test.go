package render

import (
	"io"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/site"
)

// benchCorpus loads a generated corpus of n documents.
func benchCorpus(b *testing.B, n int) *qms.Corpus {
	b.Helper()
	fsys := fstest.MapFS{}
	for p, s := range corpusgen.Files(corpusgen.Options{Docs: n}) {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	c, _ := content.Load(fsys)
	if got := len(c.Decisions) + len(c.Procedures) + len(c.Processes); got < n*9/10 {
		b.Fatalf("generated %d documents, want about %d", got, n)
	}
	return c
}

// BenchmarkRender measures the render stage on generated corpora: building
// the model (New) and rendering every page to io.Discard, one goroutine.
// Report per document with -benchmem.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		c := benchCorpus(b, n)
		opts := Options{Templates: site.FS, AsOf: qms.Date{Year: 2026, Month: 11, Day: 29}, Commit: "abc1234"}
		b.Run("New/docs="+itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(c, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("Pages/docs="+itoa(n), func(b *testing.B) {
			s, err := New(c, opts)
			if err != nil {
				b.Fatal(err)
			}
			files := s.Files()
			b.ReportAllocs()
			for b.Loop() {
				s.docBodies.Clear() // render the bodies in every round, as one build does
				for _, f := range files {
					if err := f.Write(io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/file")
		})
		b.Run("SearchEntries/docs="+itoa(n), func(b *testing.B) {
			s, err := New(c, opts)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.SearchEntries(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func itoa(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return itoaInt(n/1000) + "k"
	}
	return itoaInt(n)
}

func itoaInt(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

package render

import (
	"io"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/site"
)

// BenchmarkHieuLucPage renders hieu-luc/ (timeline and data block) for
// generated corpora, to compare with BenchmarkRender's whole site.
func BenchmarkHieuLucPage(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		c := benchCorpus(b, n)
		s, err := New(c, Options{Templates: site.FS, AsOf: qms.Date{Year: 2026, Month: 11, Day: 29}})
		if err != nil {
			b.Fatal(err)
		}
		b.Run("docs="+itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := s.writeHieuLuc(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package render

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/textdiff"
)

// TestCompareFieldEqualLists: a list field whose items did not change
// reports no change, as the diff of its items did, and a changed list
// still reports its items added and removed.
func TestCompareFieldEqualLists(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	items := []string{"3463/QĐ-UBND", "3465/QĐ-UBND", "1.004359", "BM-01", "a", "a"}
	for range 20_000 {
		var o, n []string
		for range r.IntN(5) {
			o = append(o, items[r.IntN(len(items))])
		}
		n = append(n, o...)
		if r.IntN(2) == 0 && len(n) > 0 {
			n[r.IntN(len(n))] = items[r.IntN(len(items))]
		}
		got, changed := compareField(list("L", o), list("L", n))
		var parts []string
		for _, e := range textdiff.Diff(o, n, 200) {
			switch e.Op {
			case textdiff.Ins:
				for _, v := range n[e.B0:e.B1] {
					parts = append(parts, "+ "+v)
				}
			}
		}
		for _, e := range textdiff.Diff(o, n, 200) {
			if e.Op == textdiff.Del {
				for _, v := range o[e.A0:e.A1] {
					parts = append(parts, "− "+v)
				}
			}
		}
		want := strings.Join(parts, ", ")
		if got != want || changed != (want != "") {
			t.Fatalf("compareField(%q, %q) = %q, %v; want %q", o, n, got, changed, want)
		}
	}
}

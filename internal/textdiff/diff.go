package textdiff

import (
	"slices"
	"sync"
)

// Op is what an edit does.
type Op int8

// The edit operations.
const (
	// Eq keeps elements present in both sequences.
	Eq Op = iota
	// Del removes elements of the old sequence.
	Del
	// Ins adds elements of the new sequence.
	Ins
)

// Edit is a run of one operation: A[A0:A1] of the old sequence and
// B[B0:B1] of the new. For Eq both runs have the same length; for Del
// B0 == B1 and for Ins A0 == A1.
type Edit struct {
	Op     Op
	A0, A1 int
	B0, B1 int
}

// Diff returns the edits that turn a into b, in order. When the edit
// distance is at most maxD (counted in deleted plus inserted elements) the
// script is a shortest one (Myers' O(ND) algorithm); otherwise the part
// between the common prefix and suffix is given as one deletion and one
// insertion. Time is O((len(a)+len(b))·min(D, maxD)) and memory
// O(min(D, maxD)²), so a huge or unrelated pair of inputs costs at most
// what maxD allows.
func Diff[T comparable](a, b []T, maxD int) []Edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []Edit
	if pre > 0 {
		out = append(out, Edit{Op: Eq, A0: 0, A1: pre, B0: 0, B1: pre})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	mid, ok := myers(ma, mb, maxD)
	if !ok {
		mid = nil
		if len(ma) > 0 {
			mid = append(mid, Edit{Op: Del, A0: 0, A1: len(ma)})
		}
		if len(mb) > 0 {
			mid = append(mid, Edit{Op: Ins, A0: len(ma), A1: len(ma), B0: 0, B1: len(mb)})
		}
	}
	for _, e := range mid {
		e.A0 += pre
		e.A1 += pre
		e.B0 += pre
		e.B1 += pre
		out = appendEdit(out, e)
	}
	if suf > 0 {
		out = appendEdit(out, Edit{Op: Eq, A0: len(a) - suf, A1: len(a), B0: len(b) - suf, B1: len(b)})
	}
	return out
}

// appendEdit appends e, merging it into the last edit when they continue
// each other.
func appendEdit(out []Edit, e Edit) []Edit {
	if e.A0 == e.A1 && e.B0 == e.B1 {
		return out
	}
	if n := len(out); n > 0 {
		l := &out[n-1]
		if l.Op == e.Op && l.A1 == e.A0 && l.B1 == e.B0 {
			l.A1, l.B1 = e.A1, e.B1
			return out
		}
	}
	return append(out, e)
}

// myers finds a shortest edit script from a to b, or reports false when it
// needs more than maxD edits. For each d it keeps the furthest-reaching x
// of every diagonal k = x-y in [-d, d] with k ≡ d (mod 2) (the trace), and
// walks the trace back. The trace is one flat slice, row d at row(d).
func myers[T comparable](a, b []T, maxD int) ([]Edit, bool) {
	n, m := len(a), len(b)
	limit := min(n+m, max(maxD, 0))
	slide := func(x, y int) int {
		for x < n && y < m && a[x] == b[y] {
			x++
			y++
		}
		return x
	}
	// trace[row(d)+(k+d)/2] is the furthest x on diagonal k after d
	// edits, or -1 when no path of d edits ends on that diagonal inside
	// the grid.
	buf := traces.Get().(*[]int32)
	trace := append((*buf)[:0], int32(slide(0, 0)))
	defer func() { *buf = trace; traces.Put(buf) }()
	if int(trace[0]) == n && n == m {
		return backtrack(trace, 0, n, m), true
	}
	for d := 1; d <= limit; d++ {
		trace = slices.Grow(trace, d+1)[:row(d)+d+1]
		prev, cur := trace[row(d-1):row(d)], trace[row(d):]
		for k := -d; k <= d; k += 2 {
			x, _, ok := step(prev, d, k, n, m)
			if !ok {
				cur[(k+d)/2] = -1
				continue
			}
			x = slide(x, x-k)
			cur[(k+d)/2] = int32(x)
			if x == n && x-k == m {
				return backtrack(trace, d, n, m), true
			}
		}
	}
	return nil, false
}

// traces keeps trace buffers for reuse: a word diff's trace is the largest
// allocation of a revision page.
var traces = sync.Pool{New: func() any { return new([]int32) }}

// row is where row d of a flat trace starts.
func row(d int) int { return d * (d + 1) / 2 }

// step is the move onto diagonal k with the d-th edit, given row d-1 of
// the trace: an insertion from diagonal k+1 or a deletion from k-1,
// whichever stays inside the n×m grid and reaches further (the insertion
// on a tie). It returns the x reached before sliding along equal elements.
func step(prev []int32, d, k, n, m int) (x int, ins, ok bool) {
	xi, xd := -1, -1
	if v := int(prev[max(0, (k+d)/2-1)]); k > -d && v >= 0 && v < n {
		xd = v + 1
	}
	if v := int(prev[min(d-1, (k+d)/2)]); k < d && v >= 0 && v-k <= m {
		xi = v
	}
	switch {
	case xi >= 0 && xi >= xd:
		return xi, true, true
	case xd >= 0:
		return xd, false, true
	}
	return 0, false, false
}

// backtrack turns the flat trace of D = last edits into edits, walking
// from the end to the start, then reverses and merges them.
func backtrack(trace []int32, last, n, m int) []Edit {
	rev := make([]Edit, 0, 2*last+1)
	x, y := n, m
	for d := last; d > 0; d-- {
		k := x - y
		sx, ins, _ := step(trace[row(d-1):row(d)], d, k, n, m)
		sy := sx - k
		if x > sx {
			rev = append(rev, Edit{Op: Eq, A0: sx, A1: x, B0: sy, B1: y})
		}
		if ins {
			rev = append(rev, Edit{Op: Ins, A0: sx, A1: sx, B0: sy - 1, B1: sy})
			x, y = sx, sy-1
		} else {
			rev = append(rev, Edit{Op: Del, A0: sx - 1, A1: sx, B0: sy, B1: sy})
			x, y = sx-1, sy
		}
	}
	if x > 0 {
		rev = append(rev, Edit{Op: Eq, A0: 0, A1: x, B0: 0, B1: y})
	}
	slices.Reverse(rev)
	out := rev[:0]
	for _, e := range rev {
		out = appendEdit(out, e)
	}
	return out
}

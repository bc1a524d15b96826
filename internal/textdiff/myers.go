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
	tb := tracePool.Get().(*traceBuf)
	defer tracePool.Put(tb)
	return appendDiff(nil, a, b, maxD, &tb.v, nil)
}

// traceBuf is a trace's memory, kept in tracePool between calls of Diff: a
// build diffs tens of thousands of revisions, and the traces were most of
// its allocations.
type traceBuf struct{ v []int32 }

var tracePool = sync.Pool{New: func() any { return new(traceBuf) }}

// appendDiff appends Diff(a, b, maxD) to dst, using *trace as the memory
// of the search (grown as needed) and dist, when not nil, to bound it (see
// appendMyers). The new edits are merged among themselves, never into
// dst's.
func appendDiff[T comparable](dst []Edit, a, b []T, maxD int, trace *[]int32, dist distFunc[T]) []Edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	base := len(dst)
	if pre > 0 {
		dst = append(dst, Edit{Op: Eq, A0: 0, A1: pre, B0: 0, B1: pre})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	mid := len(dst)
	dst, ok := appendMyers(dst, ma, mb, maxD, trace, dist)
	if !ok {
		dst = dst[:mid]
		if len(ma) > 0 {
			dst = append(dst, Edit{Op: Del, A0: 0, A1: len(ma)})
		}
		if len(mb) > 0 {
			dst = append(dst, Edit{Op: Ins, A0: len(ma), A1: len(ma), B0: 0, B1: len(mb)})
		}
	}
	// Shift the middle's edits by the prefix and merge them into what
	// precedes, in place (out never overtakes i).
	own := dst[base:]
	out := mid - base
	for i := out; i < len(own); i++ {
		e := own[i]
		e.A0 += pre
		e.A1 += pre
		e.B0 += pre
		e.B1 += pre
		out = mergeEdit(own, out, e)
	}
	dst = dst[:base+out]
	if suf > 0 {
		e := Edit{Op: Eq, A0: len(a) - suf, A1: len(a), B0: len(b) - suf, B1: len(b)}
		dst = slices.Grow(dst, 1)[:len(dst)+1]
		dst = dst[:base+mergeEdit(dst[base:], out, e)]
	}
	return dst
}

// mergeEdit puts e after es[:n], merging it into es[n-1] when they continue
// each other, and returns the new length. es must have room at n.
func mergeEdit(es []Edit, n int, e Edit) int {
	if e.A0 == e.A1 && e.B0 == e.B1 {
		return n
	}
	if n > 0 {
		l := &es[n-1]
		if l.Op == e.Op && l.A1 == e.A0 && l.B1 == e.B0 {
			l.A1, l.B1 = e.A1, e.B1
			return n
		}
	}
	es[n] = e
	return n + 1
}

// distFunc returns the edit distance of a and b (deletions plus
// insertions, len(a)+len(b)-2·LCS), or false when it would cost too much
// to tell.
type distFunc[T comparable] func(a, b []T) (int, bool)

// appendMyers appends a shortest edit script from a to b to dst, or
// reports false when it needs more than maxD edits. For each d it keeps the
// furthest-reaching x of every diagonal k = x-y in [-d, d] with
// k ≡ d (mod 2) (the trace), and walks the trace back. The trace is one
// flat slice kept in *trace between calls: row d starts at row(d) with a
// guard, then diagonal k at index 1+(k+d)/2, then another guard.
//
// When the search has taken about as long as computing the distance D with
// dist would, and dist is not nil, it asks dist: beyond maxD it gives up at
// once, else it computes only the cells that can reach the end. The search
// ends on diagonal n-m at row D, and cell (d, k) feeds only cells (d+1,
// k±1), so only those with |k-(n-m)| ≤ D-d bear on the end and on the way
// back: the result is the same, in about half the steps.
func appendMyers[T comparable](dst []Edit, a, b []T, maxD int, trace *[]int32, dist distFunc[T]) ([]Edit, bool) {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return dst, true
	}
	limit := min(n+m, max(maxD, 0))
	// tr[row(d)+1+i] is the furthest x on diagonal k = 2i-d after d
	// edits, or -1 when no path of d edits ends on that diagonal inside
	// the grid; the guards are -1.
	tr := (*trace)[:0]
	defer func() { *trace = tr[:0] }()
	x0 := 0
	for x0 < n && x0 < m && a[x0] == b[x0] {
		x0++
	}
	tr = append(tr, -1, int32(x0), -1)
	if x0 == n && n == m {
		return backtrack(dst, tr, 0, n, m), true
	}
	// ask is the number of cells after which dist is asked: about the
	// steps it takes (len(b) word operations per 64 elements of a).
	ask := 4 * (m*((n+63)/64) + n)
	known := -1 // D, once dist told it
	for d := 1; d <= limit; d++ {
		if dist != nil && known < 0 && row(d) > ask {
			if dd, ok := dist(a, b); ok {
				if dd > limit {
					return dst, false
				}
				known, limit = dd, dd
			}
			dist = nil
		}
		tr = slices.Grow(tr, d+3)[:row(d+1)]
		prev := tr[row(d-1):row(d)]
		cur := tr[row(d):row(d+1)]
		lo, hi := 0, d
		if known >= 0 {
			// The cells with |k-(n-m)| <= known-d. Those outside are
			// never read, but the two next to them are set all the
			// same, so that the search reads nothing it did not write.
			lo = max(lo, (n-m-(known-d)+d)/2)
			hi = min(hi, (n-m+(known-d)+d)/2)
			cur[lo], cur[hi+2] = -1, -1
		}
		cur[0], cur[d+2] = -1, -1
		for i := lo; i <= hi; i++ {
			// The d-th edit onto diagonal k: an insertion from diagonal
			// k+1 (prev[i+1]) or a deletion from k-1 (prev[i]),
			// whichever stays inside the grid and reaches further, the
			// insertion on a tie (as step decides). An x of -1 stays
			// below 0 in both.
			k := 2*i - d
			x := int(prev[i+1])
			if x-k > m {
				x = -1
			}
			if v := int(prev[i]) + 1; v > 0 && v <= n && v > x {
				x = v
			}
			if x < 0 {
				cur[i+1] = -1
				continue
			}
			// Slide along equal elements.
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			cur[i+1] = int32(x)
			if x == n && y == m {
				return backtrack(dst, tr, d, n, m), true
			}
		}
	}
	if known >= 0 {
		// dist was wrong (it cannot be): search again without it.
		return appendMyers(dst, a, b, maxD, trace, nil)
	}
	return dst, false
}

// row is where row d of a flat trace starts: rows before it take d+2
// slots each, with their guards.
func row(d int) int { return d*(d+1)/2 + 2*d }

// step is the move onto diagonal k with the d-th edit, given the trace's
// row d-1 (guards included): an insertion from diagonal k+1 or a deletion
// from k-1, whichever stays inside the n×m grid and reaches further (the
// insertion on a tie). It returns the x reached before sliding along equal
// elements.
func step(prev []int32, d, k, n, m int) (x int, ins, ok bool) {
	i := (k + d) / 2
	xi, okI := -1, false
	if v := int(prev[i+1]); v >= 0 && v-k <= m {
		xi, okI = v, true
	}
	xd, okD := -1, false
	if v := int(prev[i]); v >= 0 && v+1 <= n {
		xd, okD = v+1, true
	}
	switch {
	case okI && (!okD || xi >= xd):
		return xi, true, true
	case okD:
		return xd, false, true
	}
	return 0, false, false
}

// backtrack appends the edits of the flat trace of D = last edits to dst:
// it walks from the end to the start, merging each edit into the one after
// it when they continue each other, then reverses the new edits.
func backtrack(dst []Edit, trace []int32, last, n, m int) []Edit {
	start := len(dst)
	dst = slices.Grow(dst, 2*last+1)
	// put adds e, which comes before the edits added so far.
	put := func(e Edit) {
		if k := len(dst); k > start {
			l := &dst[k-1]
			if l.Op == e.Op && l.A0 == e.A1 && l.B0 == e.B1 {
				l.A0, l.B0 = e.A0, e.B0
				return
			}
		}
		dst = append(dst, e)
	}
	x, y := n, m
	for d := last; d > 0; d-- {
		k := x - y
		sx, ins, _ := step(trace[row(d-1):row(d)], d, k, n, m)
		sy := sx - k
		if x > sx {
			put(Edit{Op: Eq, A0: sx, A1: x, B0: sy, B1: y})
		}
		if ins {
			put(Edit{Op: Ins, A0: sx, A1: sx, B0: sy - 1, B1: sy})
			x, y = sx, sy-1
		} else {
			put(Edit{Op: Del, A0: sx - 1, A1: sx, B0: sy, B1: sy})
			x, y = sx-1, sy
		}
	}
	if x > 0 {
		put(Edit{Op: Eq, A0: 0, A1: x, B0: 0, B1: y})
	}
	slices.Reverse(dst[start:])
	return dst
}

package textdiff

// This file keeps the implementation of Diff and Text as it was before
// their rewrite for speed (commit 5069229), as the oracle of the
// differential tests: the rewrite must give the same edits, segments and
// counts for every input.

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// refDiff returns the edits that turn a into b, in order. When the edit
// distance is at most maxD (counted in deleted plus inserted elements) the
// script is a shortest one (Myers' O(ND) algorithm); otherwise the part
// between the common prefix and suffix is given as one deletion and one
// insertion. Time is O((len(a)+len(b))·min(D, maxD)) and memory
// O(min(D, maxD)²), so a huge or unrelated pair of inputs costs at most
// what maxD allows.
func refDiff[T comparable](a, b []T, maxD int) []Edit {
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
	mid, ok := refMyers(ma, mb, maxD)
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
		out = refAppendEdit(out, e)
	}
	if suf > 0 {
		out = refAppendEdit(out, Edit{Op: Eq, A0: len(a) - suf, A1: len(a), B0: len(b) - suf, B1: len(b)})
	}
	return out
}

// refAppendEdit appends e, merging it into the last edit when they continue
// each other.
func refAppendEdit(out []Edit, e Edit) []Edit {
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

// refMyers finds a shortest edit script from a to b, or reports false when it
// needs more than maxD edits. For each d it keeps the furthest-reaching x
// of every diagonal k = x-y in [-d, d] with k ≡ d (mod 2) (the trace), and
// walks the trace back. The trace is one flat slice, refRow d at
// d(d+1)/2, taken from a pool: a build diffs tens of thousands of
// revisions, and the rows were most of its allocations.
func refMyers[T comparable](a, b []T, maxD int) ([]Edit, bool) {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return nil, true
	}
	limit := min(n+m, max(maxD, 0))
	slide := func(x, y int) int {
		for x < n && y < m && a[x] == b[y] {
			x++
			y++
		}
		return x
	}
	tb := refTracePool.Get().(*refTraceBuf)
	defer refTracePool.Put(tb)
	// trace[refRow(d)+(k+d)/2] is the furthest x on diagonal k after d
	// edits, or -1 when no path of d edits ends on that diagonal inside
	// the grid.
	trace := append(tb.v[:0], int32(slide(0, 0)))
	defer func() { tb.v = trace[:0] }()
	if int(trace[0]) == n && n == m {
		return refBacktrack(trace, 0, n, m), true
	}
	for d := 1; d <= limit; d++ {
		prev := trace[refRow(d-1):refRow(d)]
		trace = slices.Grow(trace, d+1)
		cur := trace[refRow(d) : refRow(d)+d+1]
		trace = trace[:refRow(d)+d+1]
		for k := -d; k <= d; k += 2 {
			x, _, ok := refStep(prev, d, k, n, m)
			if !ok {
				cur[(k+d)/2] = -1
				continue
			}
			x = slide(x, x-k)
			cur[(k+d)/2] = int32(x)
			if x == n && x-k == m {
				return refBacktrack(trace, d, n, m), true
			}
		}
	}
	return nil, false
}

// refRow is where refRow d of a flat trace starts.
func refRow(d int) int { return d * (d + 1) / 2 }

// refTraceBuf is a trace's memory, kept in refTracePool between calls.
type refTraceBuf struct{ v []int32 }

var refTracePool = sync.Pool{New: func() any { return new(refTraceBuf) }}

// refStep is the move onto diagonal k with the d-th edit: an insertion from
// diagonal k+1 or a deletion from k-1, whichever stays inside the n×m grid
// and reaches further (the insertion on a tie). It returns the x reached
// before sliding along equal elements.
func refStep(prev []int32, d, k, n, m int) (x int, ins, ok bool) {
	xi, okI := -1, false
	if k+1 <= d-1 {
		if v := int(prev[(k+1+d-1)/2]); v >= 0 && v-k <= m {
			xi, okI = v, true
		}
	}
	xd, okD := -1, false
	if k-1 >= -(d - 1) {
		if v := int(prev[(k-1+d-1)/2]); v >= 0 && v+1 <= n {
			xd, okD = v+1, true
		}
	}
	switch {
	case okI && (!okD || xi >= xd):
		return xi, true, true
	case okD:
		return xd, false, true
	}
	return 0, false, false
}

// refBacktrack turns the flat trace of D = last edits into edits, walking
// from the end to the start, then reverses and merges them in place.
func refBacktrack(trace []int32, last, n, m int) []Edit {
	rev := make([]Edit, 0, 2*last+1)
	x, y := n, m
	for d := last; d > 0; d-- {
		k := x - y
		sx, ins, _ := refStep(trace[refRow(d-1):refRow(d)], d, k, n, m)
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
		out = refAppendEdit(out, e)
	}
	return out
}

// refText compares old and new text; see the package comment.
func refText(old, new string, opt Options) *Result {
	opt = opt.withDefaults()
	if old == new {
		// The common case of a revision that changed only front matter.
		w := &refWriter{max: opt.MaxBytes}
		if n := refLineCount(old); n > 0 {
			w.add(Gap, "", n)
		}
		return w.result()
	}
	a, b := refSplitLines(old), refSplitLines(new)
	ids := map[string]int32{}
	intern := func(ls []string) []int32 {
		out := make([]int32, len(ls))
		for i, l := range ls {
			id, ok := ids[l]
			if !ok {
				id = int32(len(ids))
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	edits := refDiff(intern(a), intern(b), opt.MaxLineEdits)
	w := &refWriter{max: opt.MaxBytes}
	for i := 0; i < len(edits); i++ {
		e := edits[i]
		if e.Op == Eq {
			w.equalLines(a[e.A0:e.A1], i == 0, i == len(edits)-1, opt.Context)
			continue
		}
		// A run of changed lines: every edit up to the next Eq.
		j := i
		a0, b0 := e.A0, e.B0
		a1, b1 := e.A1, e.B1
		for j+1 < len(edits) && edits[j+1].Op != Eq {
			j++
			a1, b1 = max(a1, edits[j].A1), max(b1, edits[j].B1)
		}
		w.changedLines(a[a0:a1], b[b0:b1], opt)
		i = j
	}
	return w.result()
}

// refLineCount is len(refSplitLines(s)).
func refLineCount(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

// refSplitLines splits s after each "\n"; the last line may lack one.
func refSplitLines(s string) []string {
	if s == "" {
		return nil
	}
	out := make([]string, 0, refLineCount(s))
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// refTokens splits s into words (runs of letters, marks and digits), runs of
// white space other than newlines, newlines, and single other characters.
// Joined, the tokens give s back.
func refTokens(s string) []string {
	var out []string
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		cls := refClass(r)
		if cls == clsOther || cls == clsNewline {
			out = append(out, s[:n])
			s = s[n:]
			continue
		}
		i := n
		for i < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[i:])
			if refClass(r2) != cls {
				break
			}
			i += n2
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

func refClass(r rune) int {
	switch {
	case r == '\n':
		return clsNewline
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return clsWord
	case unicode.IsSpace(r):
		return clsSpace
	}
	return clsOther
}

func refIsSpace(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	c := refClass(r)
	return c == clsSpace || c == clsNewline
}

// refWriter collects the segments of a text diff, merging neighbours of the
// same kind and stopping at max bytes.
type refWriter struct {
	segs      []Segment
	max, n    int
	ins, del  int
	truncated bool
}

func (w *refWriter) result() *Result {
	return &Result{Segments: w.segs, Inserted: w.ins, Deleted: w.del, Truncated: w.truncated}
}

// add appends a segment, cutting its text when the byte budget runs out.
func (w *refWriter) add(op Op, text string, lines int) {
	if w.truncated {
		return
	}
	if op != Gap && text == "" {
		return
	}
	if w.n+len(text) > w.max {
		cut := w.max - w.n
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
		w.truncated = true
		if text == "" {
			return
		}
	}
	w.n += len(text)
	if k := len(w.segs); k > 0 && w.segs[k-1].Op == op {
		l := &w.segs[k-1]
		l.Text += text
		l.Lines += lines
		return
	}
	w.segs = append(w.segs, Segment{Op: op, Text: text, Lines: lines})
}

// equalLines adds unchanged lines: Context lines next to each change, the
// rest as a Gap. first and last say that no change precedes or follows.
func (w *refWriter) equalLines(ls []string, first, last bool, ctx int) {
	head, tail := ctx, ctx
	if first {
		head = 0
	}
	if last {
		tail = 0
	}
	if head+tail >= len(ls) {
		w.add(Eq, strings.Join(ls, ""), 0)
		return
	}
	w.add(Eq, strings.Join(ls[:head], ""), 0)
	w.add(Gap, "", len(ls)-head-tail)
	w.add(Eq, strings.Join(ls[len(ls)-tail:], ""), 0)
}

// changedLines adds a run of deleted lines as and inserted lines bs,
// compared word by word when small enough.
func (w *refWriter) changedLines(as, bs []string, opt Options) {
	oldText, newText := strings.Join(as, ""), strings.Join(bs, "")
	ta, tb := refTokens(oldText), refTokens(newText)
	if len(ta)+len(tb) > opt.MaxWordTokens {
		w.del += refCountWords(ta)
		w.ins += refCountWords(tb)
		w.add(Del, oldText, 0)
		w.add(Ins, newText, 0)
		return
	}
	ids := map[string]int32{}
	intern := func(ts []string) []int32 {
		out := make([]int32, len(ts))
		for i, t := range ts {
			id, ok := ids[t]
			if !ok {
				id = int32(len(ids))
				ids[t] = id
			}
			out[i] = id
		}
		return out
	}
	var raw []Segment
	for _, e := range refDiff(intern(ta), intern(tb), opt.MaxWordEdits) {
		switch e.Op {
		case Eq:
			raw = append(raw, Segment{Op: Eq, Text: strings.Join(ta[e.A0:e.A1], "")})
		case Del:
			w.del += refCountWords(ta[e.A0:e.A1])
			raw = append(raw, Segment{Op: Del, Text: strings.Join(ta[e.A0:e.A1], "")})
		case Ins:
			w.ins += refCountWords(tb[e.B0:e.B1])
			raw = append(raw, Segment{Op: Ins, Text: strings.Join(tb[e.B0:e.B1], "")})
		}
	}
	for _, s := range refCleanup(raw) {
		w.add(s.Op, s.Text, 0)
	}
}

func refCountWords(ts []string) int {
	n := 0
	for _, t := range ts {
		if !refIsSpace(t) {
			n++
		}
	}
	return n
}

// refCleanup makes a word diff readable: an unchanged piece between two changes
// that is no longer than the changes on either side (white space, a short
// word) is counted as changed, and each run of changes becomes one deletion
// followed by one insertion.
func refCleanup(raw []Segment) []Segment {
	size := func(from, refStep int) int {
		d, in := 0, 0
		for i := from; i >= 0 && i < len(raw) && raw[i].Op != Eq; i += refStep {
			if raw[i].Op == Del {
				d += utf8.RuneCountInString(raw[i].Text)
			} else {
				in += utf8.RuneCountInString(raw[i].Text)
			}
		}
		return max(d, in)
	}
	absorbed := make([]bool, len(raw))
	for i := 1; i+1 < len(raw); i++ {
		if raw[i].Op != Eq || raw[i-1].Op == Eq || raw[i+1].Op == Eq {
			continue
		}
		l := utf8.RuneCountInString(raw[i].Text)
		if strings.TrimSpace(raw[i].Text) == "" || l <= min(size(i-1, -1), size(i+1, 1)) {
			absorbed[i] = true
		}
	}
	var out []Segment
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, Segment{Op: Del, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Segment{Op: Ins, Text: ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	for i, s := range raw {
		switch {
		case s.Op == Eq && !absorbed[i]:
			flush()
			out = append(out, s)
		case s.Op == Eq:
			del.WriteString(s.Text)
			ins.WriteString(s.Text)
		case s.Op == Del:
			del.WriteString(s.Text)
		default:
			ins.WriteString(s.Text)
		}
	}
	flush()
	return out
}

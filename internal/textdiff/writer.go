package textdiff

import (
	"unicode/utf8"
)

// The text a segment is cut from.
const (
	srcNone int8 = iota // no text (a Gap), or text no longer one piece
	srcOld
	srcNew
)

// writer collects the segments of a text diff, merging neighbours of the
// same kind and stopping at max bytes. Segment texts are substrings of old
// and new: a piece that continues the last segment's text in the same
// input extends it without copying.
type writer struct {
	segs      []Segment
	max, n    int
	ins, del  int
	truncated bool
	old, new  string
	// Where the last segment's text lies: old or new [lastLo:lastHi].
	lastSrc        int8
	lastLo, lastHi int
}

func (w *writer) result() *Result {
	return &Result{Segments: w.segs, Inserted: w.ins, Deleted: w.del, Truncated: w.truncated}
}

// add appends a segment of text src[lo:hi], cutting it when the byte
// budget runs out.
func (w *writer) add(op Op, src int8, lo, hi, lines int) {
	if w.truncated {
		return
	}
	if op != Gap && lo == hi {
		return
	}
	var text string
	switch src {
	case srcOld:
		text = w.old[lo:hi]
	case srcNew:
		text = w.new[lo:hi]
	}
	if w.n+len(text) > w.max {
		cut := w.max - w.n
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
		hi = lo + cut
		w.truncated = true
		if text == "" {
			return
		}
	}
	w.n += len(text)
	if k := len(w.segs); k > 0 && w.segs[k-1].Op == op {
		l := &w.segs[k-1]
		switch {
		case text == "":
		case src != srcNone && src == w.lastSrc && w.lastHi == lo:
			l.Text = w.text(src, w.lastLo, hi)
			w.lastHi = hi
		default:
			l.Text += text
			w.lastSrc = srcNone
		}
		l.Lines += lines
		return
	}
	if w.segs == nil {
		w.segs = make([]Segment, 0, 8)
	}
	w.segs = append(w.segs, Segment{Op: op, Text: text, Lines: lines})
	w.lastSrc, w.lastLo, w.lastHi = src, lo, hi
}

func (w *writer) text(src int8, lo, hi int) string {
	if src == srcOld {
		return w.old[lo:hi]
	}
	return w.new[lo:hi]
}

// equalLines adds the unchanged old lines [a0, a1) (starting at starts):
// Context lines next to each change, the rest as a Gap. first and last say
// that no change precedes or follows.
func (w *writer) equalLines(starts []int, a0, a1 int, first, last bool, ctx int) {
	head, tail := ctx, ctx
	if first {
		head = 0
	}
	if last {
		tail = 0
	}
	if head+tail >= a1-a0 {
		w.add(Eq, srcOld, starts[a0], starts[a1], 0)
		return
	}
	w.add(Eq, srcOld, starts[a0], starts[a0+head], 0)
	w.add(Gap, srcNone, 0, 0, a1-a0-head-tail)
	w.add(Eq, srcOld, starts[a1-tail], starts[a1], 0)
}

// changedLines adds a run of deleted lines, old[oa:ob], and inserted lines,
// new[na:nb], compared word by word when small enough.
func (w *writer) changedLines(s *scratch, oa, ob, na, nb int, opt Options) {
	oldText, newText := w.old[oa:ob], w.new[na:nb]
	ta, tb := &s.tokA, &s.tokB
	ta.split(oldText)
	tb.split(newText)
	if ta.len()+tb.len() > opt.MaxWordTokens {
		w.del += ta.words[ta.len()]
		w.ins += tb.words[tb.len()]
		w.add(Del, srcOld, oa, ob, 0)
		w.add(Ins, srcNew, na, nb, 0)
		return
	}
	s.tidA = s.ids.tokens(s.tidA[:0], oldText, ta.start)
	s.tidB = s.ids.tokens(s.tidB[:0], newText, tb.start)
	s.wordEdits = appendDiff(s.wordEdits[:0], s.tidA, s.tidB, opt.MaxWordEdits, &s.trace, s.dist)
	edits := s.wordEdits
	for _, e := range edits {
		switch e.Op {
		case Del:
			w.del += ta.words[e.A1] - ta.words[e.A0]
		case Ins:
			w.ins += tb.words[e.B1] - tb.words[e.B0]
		}
	}
	absorbed := cleanup(s)
	// Each run of changes and absorbed pieces becomes one deletion (its
	// old text) and one insertion (its new text).
	for i := 0; i < len(edits); i++ {
		e := edits[i]
		if e.Op == Eq && !absorbed[i] {
			w.add(Eq, srcOld, oa+ta.start[e.A0], oa+ta.start[e.A1], 0)
			continue
		}
		j := i
		for j+1 < len(edits) && (edits[j+1].Op != Eq || absorbed[j+1]) {
			j++
		}
		w.add(Del, srcOld, oa+ta.start[e.A0], oa+ta.start[edits[j].A1], 0)
		w.add(Ins, srcNew, na+tb.start[e.B0], na+tb.start[edits[j].B1], 0)
		i = j
	}
}

// tokens appends to dst the ids of the tokens of s that start at starts.
// A one-byte ASCII token (a space, a punctuation mark, a one-letter word)
// is its own id; the others are numbered from utf8.RuneSelf on, without
// hashing the commonest tokens.
func (t *interner) tokens(dst []int32, s string, starts []int) []int32 {
	for i := 0; i+1 < len(starts); i++ {
		lo, hi := starts[i], starts[i+1]
		if hi == lo+1 && s[lo] < utf8.RuneSelf {
			dst = append(dst, int32(s[lo]))
			continue
		}
		dst = append(dst, utf8.RuneSelf+t.id(s[lo:hi]))
	}
	return dst
}

// cleanup makes the word diff s.wordEdits of the tokens s.tokA and s.tokB
// readable: it reports which unchanged pieces between two changes are
// counted as changed, those that are white space or no longer (in
// characters) than the changes on either side (the larger of a run's
// deletions and insertions).
func cleanup(s *scratch) []bool {
	edits := s.wordEdits
	ta, tb := &s.tokA, &s.tokB
	// size[i] of a change: the size of its run.
	size := append(s.size[:0], make([]int, len(edits))...)
	for i := 0; i < len(edits); {
		if edits[i].Op == Eq {
			i++
			continue
		}
		j, d, in := i, 0, 0
		for ; j < len(edits) && edits[j].Op != Eq; j++ {
			if e := edits[j]; e.Op == Del {
				d += ta.runes[e.A1] - ta.runes[e.A0]
			} else {
				in += tb.runes[e.B1] - tb.runes[e.B0]
			}
		}
		for k := i; k < j; k++ {
			size[k] = max(d, in)
		}
		i = j
	}
	absorbed := append(s.absorbed[:0], make([]bool, len(edits))...)
	for i := 1; i+1 < len(edits); i++ {
		if edits[i].Op != Eq || edits[i-1].Op == Eq || edits[i+1].Op == Eq {
			continue
		}
		e := edits[i]
		blank := ta.words[e.A1] == ta.words[e.A0]
		absorbed[i] = blank || ta.runes[e.A1]-ta.runes[e.A0] <= min(size[i-1], size[i+1])
	}
	s.size, s.absorbed = size, absorbed
	return absorbed
}

package textdiff

import (
	"strings"
	"unicode/utf8"
)

// writer collects the segments of a text diff, merging neighbours of the
// same kind and stopping at max bytes.
type writer struct {
	segs      []Segment
	max, n    int
	ins, del  int
	truncated bool
}

func (w *writer) result() *Result {
	return &Result{Segments: w.segs, Inserted: w.ins, Deleted: w.del, Truncated: w.truncated}
}

// add appends a segment, cutting its text when the byte budget runs out.
func (w *writer) add(op Op, text string, lines int) {
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
func (w *writer) equalLines(ls []string, first, last bool, ctx int) {
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
func (w *writer) changedLines(as, bs []string, opt Options) {
	oldText, newText := strings.Join(as, ""), strings.Join(bs, "")
	ta, tb := Tokens(oldText), Tokens(newText)
	if len(ta)+len(tb) > opt.MaxWordTokens {
		w.del += countWords(ta)
		w.ins += countWords(tb)
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
	for _, e := range Diff(intern(ta), intern(tb), opt.MaxWordEdits) {
		switch e.Op {
		case Eq:
			raw = append(raw, Segment{Op: Eq, Text: strings.Join(ta[e.A0:e.A1], "")})
		case Del:
			w.del += countWords(ta[e.A0:e.A1])
			raw = append(raw, Segment{Op: Del, Text: strings.Join(ta[e.A0:e.A1], "")})
		case Ins:
			w.ins += countWords(tb[e.B0:e.B1])
			raw = append(raw, Segment{Op: Ins, Text: strings.Join(tb[e.B0:e.B1], "")})
		}
	}
	for _, s := range cleanup(raw) {
		w.add(s.Op, s.Text, 0)
	}
}

func countWords(ts []string) int {
	n := 0
	for _, t := range ts {
		if !isSpace(t) {
			n++
		}
	}
	return n
}

// cleanup makes a word diff readable: an unchanged piece between two changes
// that is no longer than the changes on either side (white space, a short
// word) is counted as changed, and each run of changes becomes one deletion
// followed by one insertion.
func cleanup(raw []Segment) []Segment {
	size := func(from, step int) int {
		d, in := 0, 0
		for i := from; i >= 0 && i < len(raw) && raw[i].Op != Eq; i += step {
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

package textdiff

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gap is the Op of a Segment that stands for unchanged lines left out.
const Gap Op = 3

// Segment is a piece of a text diff: text kept (Eq), deleted (Del),
// inserted (Ins), or Lines unchanged lines left out (Gap, Text "").
type Segment struct {
	Op    Op
	Text  string
	Lines int
}

// Options bound Text's work and result. Zero values take the defaults.
type Options struct {
	// Context is how many unchanged lines are kept on each side of a
	// change (default 2; negative keeps none).
	Context int
	// MaxLineEdits bounds the line pass's edit distance (default 2000).
	MaxLineEdits int
	// MaxWordTokens is the largest run of changed lines, in tokens on both
	// sides together, that is compared word by word (default 6000);
	// larger runs are shown as whole lines deleted and inserted.
	MaxWordTokens int
	// MaxWordEdits bounds the word pass's edit distance (default 1000).
	MaxWordEdits int
	// MaxBytes bounds the text of the result (default 256 KiB); what is
	// left out is reported by Result.Truncated.
	MaxBytes int
}

func (o Options) withDefaults() Options {
	orDefault := func(v, def int) int { return cmp.Or(max(v, 0), def) }
	if o.Context == 0 {
		o.Context = 2
	}
	o.Context = max(o.Context, 0)
	o.MaxLineEdits = orDefault(o.MaxLineEdits, 2000)
	o.MaxWordTokens = orDefault(o.MaxWordTokens, 6000)
	o.MaxWordEdits = orDefault(o.MaxWordEdits, 1000)
	o.MaxBytes = orDefault(o.MaxBytes, 256<<10)
	return o
}

// Result is a text diff.
type Result struct {
	Segments []Segment
	// Inserted and Deleted count the changed words (tokens other than
	// white space) on each side.
	Inserted, Deleted int
	// Truncated reports that the result was cut at Options.MaxBytes.
	Truncated bool
}

// Equal reports whether the texts compared equal.
func (r *Result) Equal() bool {
	return !slices.ContainsFunc(r.Segments, func(s Segment) bool { return s.Op == Del || s.Op == Ins })
}

// Text compares old and new text; see the package comment.
func Text(old, new string, opt Options) *Result {
	opt = opt.withDefaults()
	w := &writer{max: opt.MaxBytes}
	la, sa := split(old, lineSize)
	if old == new {
		// The common case of a revision that changed only front matter.
		w.equalLines(old, sa, true, true, 0)
		return &Result{Segments: w.segs}
	}
	lb, sb := split(new, lineSize)
	edits := Diff(la, lb, opt.MaxLineEdits)
	for i := 0; i < len(edits); i++ {
		e := edits[i]
		if e.Op == Eq {
			w.equalLines(old, sa[e.A0:e.A1+1], i == 0, i == len(edits)-1, opt.Context)
			continue
		}
		// A run of changed lines: every edit up to the next Eq.
		j := i
		a1, b1 := e.A1, e.B1
		for j+1 < len(edits) && edits[j+1].Op != Eq {
			j++
			a1, b1 = max(a1, edits[j].A1), max(b1, edits[j].B1)
		}
		w.changedLines(old[sa[e.A0]:sa[a1]], new[sb[e.B0]:sb[b1]], opt)
		i = j
	}
	return &Result{Segments: w.segs, Inserted: w.ins, Deleted: w.del, Truncated: w.truncated}
}

// split cuts s into pieces, size(t) being the length of the piece that t
// starts with, and returns them and where each starts, then len(s).
func split(s string, size func(string) int) (pieces []string, starts []int) {
	starts = append(starts, 0)
	for i := 0; i < len(s); {
		n := size(s[i:])
		pieces = append(pieces, s[i:i+n])
		i += n
		starts = append(starts, i)
	}
	return pieces, starts
}

// lineSize is the length of s's first line, its "\n" included.
func lineSize(s string) int {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return i + 1
	}
	return len(s)
}

// tokenSize is the length of s's first token (see Tokens).
func tokenSize(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	cls := class(r)
	if cls == clsOther || cls == clsNewline {
		return n
	}
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if class(r) != cls {
			break
		}
		n += size
	}
	return n
}

// The classes of characters that make tokens.
const (
	clsWord = iota
	clsSpace
	clsNewline
	clsOther
)

func class(r rune) int {
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

// words counts the tokens that are not white space.
func words(toks []string) (n int) {
	for _, t := range toks {
		if r, _ := utf8.DecodeRuneInString(t); !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// writer collects the segments of a text diff, merging neighbours of the
// same kind and stopping at max bytes.
type writer struct {
	segs      []Segment
	max, n    int
	ins, del  int
	truncated bool
}

// add appends a segment, cutting its text when the byte budget runs out.
func (w *writer) add(op Op, text string, lines int) {
	if w.truncated || op != Gap && text == "" {
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

// equalLines adds the unchanged lines of text that start at starts (then
// where the last ends): Context lines next to each change, the rest as a
// Gap. first and last say that no change precedes or follows.
func (w *writer) equalLines(text string, starts []int, first, last bool, ctx int) {
	head, tail := ctx, ctx
	if first {
		head = 0
	}
	if last {
		tail = 0
	}
	n := len(starts) - 1
	if head+tail >= n {
		w.add(Eq, text[starts[0]:starts[n]], 0)
		return
	}
	w.add(Eq, text[starts[0]:starts[head]], 0)
	w.add(Gap, "", n-head-tail)
	w.add(Eq, text[starts[n-tail]:starts[n]], 0)
}

// changedLines adds a run of deleted lines and inserted lines, compared
// word by word when small enough. An unchanged piece between two changes
// that is white space or no longer (in characters) than the changes on
// either side (the larger of a run's deletions and insertions) is counted
// as changed, and each run of changes becomes one deletion followed by one
// insertion, so that a rewritten phrase reads as one change.
func (w *writer) changedLines(old, new string, opt Options) {
	toksA, ta := split(old, tokenSize)
	toksB, tb := split(new, tokenSize)
	if len(toksA)+len(toksB) > opt.MaxWordTokens {
		w.del += words(toksA)
		w.ins += words(toksB)
		w.add(Del, old, 0)
		w.add(Ins, new, 0)
		return
	}
	edits := Diff(toksA, toksB, opt.MaxWordEdits)
	// size[i] of a change: the larger of its run's deleted and inserted
	// characters.
	size := make([]int, len(edits))
	for i := 0; i < len(edits); {
		if edits[i].Op == Eq {
			i++
			continue
		}
		j, d, in := i, 0, 0
		for ; j < len(edits) && edits[j].Op != Eq; j++ {
			if e := edits[j]; e.Op == Del {
				w.del += words(toksA[e.A0:e.A1])
				d += utf8.RuneCountInString(old[ta[e.A0]:ta[e.A1]])
			} else {
				w.ins += words(toksB[e.B0:e.B1])
				in += utf8.RuneCountInString(new[tb[e.B0]:tb[e.B1]])
			}
		}
		for k := i; k < j; k++ {
			size[k] = max(d, in)
		}
		i = j
	}
	absorbed := func(i int) bool {
		if i == 0 || i+1 == len(edits) || edits[i].Op != Eq || edits[i-1].Op == Eq || edits[i+1].Op == Eq {
			return false
		}
		text := old[ta[edits[i].A0]:ta[edits[i].A1]]
		return strings.TrimSpace(text) == "" || utf8.RuneCountInString(text) <= min(size[i-1], size[i+1])
	}
	for i := 0; i < len(edits); i++ {
		e := edits[i]
		if e.Op == Eq && !absorbed(i) {
			w.add(Eq, old[ta[e.A0]:ta[e.A1]], 0)
			continue
		}
		j := i
		for j+1 < len(edits) && (edits[j+1].Op != Eq || absorbed(j+1)) {
			j++
		}
		w.add(Del, old[ta[e.A0]:ta[edits[j].A1]], 0)
		w.add(Ins, new[tb[e.B0]:tb[edits[j].B1]], 0)
		i = j
	}
}

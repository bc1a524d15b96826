package textdiff

import (
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
	if o.Context == 0 {
		o.Context = 2
	}
	if o.Context < 0 {
		o.Context = 0
	}
	if o.MaxLineEdits <= 0 {
		o.MaxLineEdits = 2000
	}
	if o.MaxWordTokens <= 0 {
		o.MaxWordTokens = 6000
	}
	if o.MaxWordEdits <= 0 {
		o.MaxWordEdits = 1000
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 256 << 10
	}
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
func (r *Result) Equal() bool { return !r.hasChange() }

func (r *Result) hasChange() bool {
	for _, s := range r.Segments {
		if s.Op == Del || s.Op == Ins {
			return true
		}
	}
	return false
}

// Text compares old and new text; see the package comment.
func Text(old, new string, opt Options) *Result {
	opt = opt.withDefaults()
	if old == new {
		// The common case of a revision that changed only front matter.
		w := &writer{max: opt.MaxBytes}
		if n := lineCount(old); n > 0 {
			w.add(Gap, "", n)
		}
		return w.result()
	}
	a, b := splitLines(old), splitLines(new)
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
	edits := Diff(intern(a), intern(b), opt.MaxLineEdits)
	w := &writer{max: opt.MaxBytes}
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

// lineCount is len(splitLines(s)).
func lineCount(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

// splitLines splits s after each "\n"; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	out := make([]string, 0, lineCount(s))
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

// Tokens splits s into words (runs of letters, marks and digits), runs of
// white space other than newlines, newlines, and single other characters.
// Joined, the tokens give s back.
func Tokens(s string) []string {
	var out []string
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		cls := class(r)
		if cls == clsOther || cls == clsNewline {
			out = append(out, s[:n])
			s = s[n:]
			continue
		}
		i := n
		for i < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[i:])
			if class(r2) != cls {
				break
			}
			i += n2
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

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

func isSpace(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	c := class(r)
	return c == clsSpace || c == clsNewline
}

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
	w := &writer{max: opt.MaxBytes, old: old, new: new}
	if old == new {
		// The common case of a revision that changed only front matter.
		if n := lineCount(old); n > 0 {
			w.add(Gap, srcNone, 0, 0, n)
		}
		return w.result()
	}
	s := getScratch()
	defer putScratch(s)
	s.lineA = lineStarts(s.lineA[:0], old)
	s.lineB = lineStarts(s.lineB[:0], new)
	s.idA = s.ids.lines(s.idA[:0], old, s.lineA)
	s.idB = s.ids.lines(s.idB[:0], new, s.lineB)
	s.lineEdits = appendDiff(s.lineEdits[:0], s.idA, s.idB, opt.MaxLineEdits, &s.trace, s.dist)
	edits := s.lineEdits
	for i := 0; i < len(edits); i++ {
		e := edits[i]
		if e.Op == Eq {
			w.equalLines(s.lineA, e.A0, e.A1, i == 0, i == len(edits)-1, opt.Context)
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
		w.changedLines(s, s.lineA[a0], s.lineA[a1], s.lineB[b0], s.lineB[b1], opt)
		i = j
	}
	return w.result()
}

// lineCount is the number of lines of s: the last one may lack a "\n".
func lineCount(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

// lineStarts appends to dst where each line of s starts, each line ending
// after a "\n" (the last one may lack it), then len(s): line i is
// s[starts[i]:starts[i+1]].
func lineStarts(dst []int, s string) []int {
	dst = append(dst, 0)
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return append(dst, len(s))
		}
		i += j + 1
		dst = append(dst, i)
	}
	return dst
}

// lines appends to dst the ids of the lines of s that start at starts.
func (t *interner) lines(dst []int32, s string, starts []int) []int32 {
	for i := 0; i+1 < len(starts); i++ {
		dst = append(dst, t.id(s[starts[i]:starts[i+1]]))
	}
	return dst
}

// Tokens splits s into words (runs of letters, marks and digits), runs of
// white space other than newlines, newlines, and single other characters.
// Joined, the tokens give s back.
func Tokens(s string) []string {
	var l tokenList
	l.split(s)
	var out []string
	for i := 0; i+1 < len(l.start); i++ {
		out = append(out, s[l.start[i]:l.start[i+1]])
	}
	return out
}

// tokenList is a text split into tokens (see Tokens): token i is
// text[start[i]:start[i+1]]; words[i] is the number of tokens before it
// that are not white space and runes[i] the number of characters before
// it (as utf8.RuneCountInString counts them). Each slice ends with the
// total.
type tokenList struct {
	start, words, runes []int
}

// len is the number of tokens.
func (l *tokenList) len() int { return len(l.start) - 1 }

// split sets l to the tokens of s, reusing l's memory.
func (l *tokenList) split(s string) {
	start, words, runes := append(l.start[:0], 0), append(l.words[:0], 0), append(l.runes[:0], 0)
	nw, nr := 0, 0
	for i := 0; i < len(s); {
		cls, j := classAt(s, i)
		nr++
		if cls == clsWord || cls == clsSpace {
			for j < len(s) {
				c, k := classAt(s, j)
				if c != cls {
					break
				}
				j = k
				nr++
			}
		}
		if cls == clsWord || cls == clsOther {
			nw++
		}
		start = append(start, j)
		words = append(words, nw)
		runes = append(runes, nr)
		i = j
	}
	l.start, l.words, l.runes = start, words, runes
}

// classAt is the class of the character at s[i] and where the next one
// starts.
func classAt(s string, i int) (cls, next int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiClass[c], i + 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return class(r), i + n
}

// The classes of characters that make tokens.
const (
	clsWord = iota
	clsSpace
	clsNewline
	clsOther
)

// class is the class of r. Besides ASCII, the blocks that Vietnamese text
// lives in are answered without searching the Unicode tables (TestClass
// checks them against the tables).
func class(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case 0x100 <= r && r <= 0x24F, 0x1E00 <= r && r <= 0x1EFF:
		// Latin Extended-A and -B, Latin Extended Additional: letters.
		return clsWord
	case 0x300 <= r && r <= 0x36F:
		// Combining Diacritical Marks.
		return clsWord
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return clsWord
	case unicode.IsSpace(r):
		return clsSpace
	}
	return clsOther
}

// asciiClass is the class of each ASCII character (a table never written
// after its initialisation).
var asciiClass = func() (t [utf8.RuneSelf]int) {
	for c := range t {
		switch {
		case c == '\n':
			t[c] = clsNewline
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = clsWord
		case c == ' ', '\t' <= c && c <= '\r':
			t[c] = clsSpace
		default:
			t[c] = clsOther
		}
	}
	return t
}()

package render

import (
	"github.com/snnptnt-nghean/qms/internal/textdiff"
)

// diffOptions bound the body diff of a revision page: the lines around each
// change, the work, and at most 256 KiB of text.
var diffOptions = textdiff.Options{Context: 3}

// diffView is a text diff as the "diff" template of revision.html shows
// it to readers: kept text as is, deletions and insertions marked (each
// labelled for screen readers, so that the change is not told by colour
// or line style alone), unchanged lines left out as a count.
type diffView struct {
	Pieces []diffPiece
	// Truncated says the rest of the texts was too long to compare.
	Truncated bool
}

// diffPiece is a run of a diff: kept text, or deleted (Del) or inserted
// (Ins) text, or a gap of unchanged lines left out (Gap).
type diffPiece struct {
	Text          string // e-mail addresses hidden
	Del, Ins, Gap bool
	Lines         int // of a gap: the unchanged lines left out
}

// newDiffView prepares a diff for the template, e-mail addresses hidden.
func newDiffView(r *textdiff.Result) *diffView {
	v := &diffView{Pieces: make([]diffPiece, len(r.Segments)), Truncated: r.Truncated}
	for i, s := range r.Segments {
		v.Pieces[i] = diffPiece{Text: s.Text, Del: s.Op == textdiff.Del, Ins: s.Op == textdiff.Ins, Gap: s.Op == textdiff.Gap, Lines: s.Lines}
	}
	return v
}

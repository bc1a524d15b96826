package change

import (
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Options configure Compare.
type Options struct {
	// Today is the date statuses are evaluated at.
	Today qms.Date
	// BaseName names the base in messages ("origin/main"); "" for "phiên
	// bản gốc".
	BaseName string
}

// comparison is the state shared by the rules of one Compare.
type comparison struct {
	base, head *Tree
	opt        Options
	pairs      *pairing
	headAt     map[string]qms.Document // head documents by path
	// baseRel and headRel index supersession for status derivation.
	baseRel, headRel *qms.Relations
	diags            []qms.Diagnostic
}

func (c *comparison) report(ch *check.Check, pos qms.Pos, format string, args ...any) {
	c.diags = append(c.diags, qms.Diagnostic{
		Pos: pos, Severity: ch.Severity, Check: ch.ID, Message: fmt.Sprintf(format, args...),
	})
}

func (c *comparison) baseName() string {
	if c.opt.BaseName == "" {
		return "phiên bản gốc"
	}
	return c.opt.BaseName
}

// Compare runs the change-control rules (Checks) on the change from base to
// head and returns their diagnostics, sorted. Positions are in head, except
// for deleted files.
func Compare(base, head *Tree, opt Options) []qms.Diagnostic {
	c := &comparison{base: base, head: head, opt: opt, pairs: pair(base.Corpus, head.Corpus),
		headAt: map[string]qms.Document{}, baseRel: base.Corpus.Relations(), headRel: head.Corpus.Relations()}
	for _, d := range head.Corpus.Documents() {
		c.headAt[d.Base().Path] = d
	}
	c.revisions()
	c.deleted()
	c.idChanged()
	c.suspect()
	return qms.SortDiagnostics(c.diags)
}

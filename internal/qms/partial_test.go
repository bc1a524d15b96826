package qms

import "testing"

// TestCorpusPartial: a document with a syntax error is kept out of the
// kind slices and Documents but found by the lookups, after a complete
// document of the same identity.
func TestCorpusPartial(t *testing.T) {
	num, err := ParseNumber("12/QĐ-UBND")
	if err != nil {
		t.Fatal(err)
	}
	full := &Process{Doc: Doc{Path: "processes/qt-01.md"}, Code: "QT-01"}
	dup := &Process{Doc: Doc{Path: "processes/qt-01-cu.md", Partial: true}, Code: "QT-01"}
	broken := &Procedure{Doc: Doc{Path: "procedures/x.md", Partial: true}, Code: "X"}
	dec := &Decision{Doc: Doc{Path: "decisions/12.md", Partial: true}, Number: num}
	c := &Corpus{}
	for _, d := range []Document{dec, dup, broken, full} {
		c.Add(d)
	}
	c.Index()
	if len(c.Processes) != 1 || len(c.Procedures) != 0 || len(c.Decisions) != 0 || len(c.Documents()) != 1 {
		t.Errorf("slices: %d processes, %d procedures, %d decisions", len(c.Processes), len(c.Procedures), len(c.Decisions))
	}
	if len(c.Partial) != 3 || c.Partial[0] != dec || c.Partial[1] != broken || c.Partial[2] != dup {
		t.Errorf("Partial not sorted by path: %v", c.Partial)
	}
	if c.Process("QT-01") != full || c.Procedure("X") != broken {
		t.Error("lookups by code")
	}
	if d, res, _ := c.Resolve(Ref{Number: num}); d != dec || res != Resolved {
		t.Errorf("Resolve = %v, %v", d, res)
	}
}

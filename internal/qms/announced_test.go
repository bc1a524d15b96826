package qms

import "testing"

func TestAnnouncedCounts(t *testing.T) {
	n := func(v int) *int { return &v }
	dec := func(path, num string, issued Date, announces *int) *Decision {
		nb, err := ParseNumber(num)
		if err != nil {
			t.Fatal(err)
		}
		return &Decision{Doc: Doc{Kind: KindDecision, Path: path}, Number: nb, Issued: issued, Announces: announces}
	}
	cite := func(s string) Citation {
		r, err := ParseRef(s)
		if err != nil {
			t.Fatal(err)
		}
		return Citation{Text: s, Ref: r}
	}
	proc := func(code string, cites ...string) *Procedure {
		p := &Procedure{Doc: Doc{Kind: KindProcedure, Path: "procedures/" + code + ".md"}, Code: code}
		for _, s := range cites {
			p.AnnouncedBy = append(p.AnnouncedBy, cite(s))
		}
		return p
	}
	c := &Corpus{
		Decisions: []*Decision{
			dec("decisions/a.md", "3463/QĐ-UBND", Date{2020, 10, 6}, n(115)),
			dec("decisions/b.md", "3465/QĐ-UBND", Date{2019, 9, 4}, n(1)),
			dec("decisions/c.md", "1067/QĐ-SNN-VP", Date{2019, 12, 16}, nil),
		},
		Procedures: []*Procedure{
			proc("NA-01", "3463/QĐ-UBND", "3463/QĐ-UBND ngày 06/10/2020", "3465/QĐ-UBND"),
			proc("NA-02", "3463/QĐ-UBND", "1067/QĐ-SNN-VP"),
			proc("NA-03", "3465/QĐ-UBND"),
			proc("NA-04", "9/QĐ-UBND"), // resolves to nothing: counts for none
		},
	}
	c.Index()
	got := c.AnnouncedCounts()
	if len(got) != 2 {
		t.Fatalf("got %d counts, want 2 (decisions without announces are left out): %+v", len(got), got)
	}
	if a := got[0]; a.Decision != c.Decisions[0] || a.Recorded != 2 || a.Announced != 115 || a.Complete() || a.Over() {
		t.Errorf("3463: %+v, want 2 of 115, incomplete", a)
	}
	if l := got[0].Label(); l != "2 trên 115 thủ tục đã ghi nhận" {
		t.Errorf("Label = %q", l)
	}
	if a := got[1]; a.Decision != c.Decisions[1] || a.Recorded != 2 || a.Announced != 1 || !a.Over() || !a.Complete() {
		t.Errorf("3465: %+v, want 2 of 1, over", a)
	}
}

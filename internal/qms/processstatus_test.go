package qms

import "testing"

// TestProcessStatusOn: a process is not yet effective before its first
// issue, active from it, abolished from the effective date of the
// decision that abolishes it, at once when that decision is missing; a
// draft stays a draft.
func TestProcessStatusOn(t *testing.T) {
	day := func(y, m, d int) Date { return Date{y, m, d} }
	cite := func(s string) *Citation {
		r, err := ParseRef(s)
		if err != nil {
			t.Fatal(err)
		}
		return &Citation{Text: s, Ref: r}
	}
	n, err := ParseNumber("400/QĐ-SNN")
	if err != nil {
		t.Fatal(err)
	}
	abolisher := &Decision{Doc: Doc{Path: "decisions/400.md"}, Number: n, Issued: day(2022, 1, 10)}
	twoIssues := &Process{Status: StatusActive, Revision: 2, Effective: day(2022, 3, 1), Revisions: []Amendment{
		{Revision: 1, Effective: day(2021, 4, 1)}, {Revision: 2, Effective: day(2022, 3, 1)},
	}}
	abolished := &Process{Status: StatusAbolished, Revision: 1, Effective: day(2020, 1, 1), AbolishedBy: cite("400/QĐ-SNN")}
	missing := &Process{Status: StatusAbolished, Revision: 1, Effective: day(2020, 1, 1), AbolishedBy: cite("999/QĐ-SNN")}
	draft := &Process{Status: StatusDraft, Revision: 1, Effective: day(2020, 1, 1)}
	c := &Corpus{Decisions: []*Decision{abolisher}, Processes: []*Process{twoIssues, abolished, missing, draft}}
	c.Index()

	for _, tt := range []struct {
		p    *Process
		asOf Date
		want string
		rev  int
	}{
		{twoIssues, day(2021, 3, 31), string(NotYetEffective), 0},
		{twoIssues, day(2021, 4, 1), StatusActive, 1},
		{twoIssues, day(2022, 2, 28), StatusActive, 1},
		{twoIssues, day(2022, 3, 1), StatusActive, 2},
		{abolished, day(2019, 12, 31), string(NotYetEffective), 0},
		{abolished, day(2022, 1, 9), StatusActive, 1},
		{abolished, day(2022, 1, 10), StatusAbolished, 1},
		{missing, day(2020, 1, 1), StatusAbolished, 1},
		{draft, day(2025, 1, 1), StatusDraft, 1},
	} {
		if got := c.ProcessStatusOn(tt.p, tt.asOf); got != tt.want {
			t.Errorf("%v on %s: %s, want %s", tt.p.Status, tt.asOf, got, tt.want)
		}
		if a, _ := tt.p.IssueOn(tt.asOf); a.Revision != tt.rev {
			t.Errorf("%v on %s: issue %d, want %d", tt.p.Status, tt.asOf, a.Revision, tt.rev)
		}
	}
	if c.ProcessAbolishedBy(abolished) != abolisher || c.ProcessAbolishedBy(missing) != nil || c.ProcessAbolishedBy(draft) != nil {
		t.Error("ProcessAbolishedBy does not find the abolishing decision")
	}
}

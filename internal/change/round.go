package change

import (
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Round is the outcome of a review round between two states of the manual:
// the figures the Department reports ("66 quy trình: 16 xây dựng mới, 50
// sửa đổi, bổ sung; 5 bãi bỏ").
type Round struct {
	From, To End
	// ProcessesNew are processes active at the end that did not exist, or
	// were drafts, at the start: first promulgations.
	ProcessesNew []RoundItem
	// ProcessesAmended are processes active at both ends (or abolished at
	// the start and active again) whose revision rose.
	ProcessesAmended []RoundItem
	// ProcessesAbolished are processes abolished at the end and not at the
	// start.
	ProcessesAbolished []RoundItem
	// ProceduresAdded are procedures that did not exist at the start.
	ProceduresAdded []RoundItem
	// ProceduresAbolished are procedures that name an abolishing decision
	// at the end and did not at the start.
	ProceduresAbolished []RoundItem
	// DecisionsAdded are decisions that did not exist at the start.
	DecisionsAdded []RoundItem
}

// End names one end of a round for readers.
type End struct {
	Ref    string   // as given: "v2023", "origin/main", "HEAD"
	Commit string   // abbreviated hash; "" for a working tree
	Date   qms.Date // the commit date; zero for a working tree
}

// RoundItem is one document counted in a round.
type RoundItem struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Path  string `json:"path"`
	// FromRevision and Revision are a process's revision at the start (0
	// when new) and at the end.
	FromRevision int `json:"from_revision,omitempty"`
	Revision     int `json:"revision,omitempty"`
}

// Promulgated is the number of processes promulgated in the round: new
// plus amended.
func (r *Round) Promulgated() int { return len(r.ProcessesNew) + len(r.ProcessesAmended) }

// CompareRound counts what changed from the corpus from to the corpus to.
// Documents are paired as Compare pairs them, so a renamed file is the
// same document.
func CompareRound(from, to *qms.Corpus) *Round {
	p := pair(from, to)
	r := &Round{}
	for _, h := range to.Processes {
		if h.Code == "" {
			continue
		}
		b, _ := p.toBase[h].(*qms.Process)
		it := RoundItem{ID: h.Code, Title: h.Title, Path: h.Path, Revision: h.Revision}
		if b != nil {
			it.FromRevision = b.Revision
		}
		switch {
		case h.Status == qms.StatusAbolished && (b == nil || b.Status != qms.StatusAbolished):
			r.ProcessesAbolished = append(r.ProcessesAbolished, it)
		case h.Status != qms.StatusActive:
		case b == nil || b.Status == qms.StatusDraft:
			it.FromRevision = 0
			r.ProcessesNew = append(r.ProcessesNew, it)
		case h.Revision > b.Revision:
			r.ProcessesAmended = append(r.ProcessesAmended, it)
		}
	}
	for _, h := range to.Procedures {
		if h.Code == "" {
			continue
		}
		b, _ := p.toBase[h].(*qms.Procedure)
		it := RoundItem{ID: h.Code, Title: h.Title, Path: h.Path}
		if b == nil {
			r.ProceduresAdded = append(r.ProceduresAdded, it)
		}
		if h.AbolishedBy != nil && (b == nil || b.AbolishedBy == nil) {
			r.ProceduresAbolished = append(r.ProceduresAbolished, it)
		}
	}
	for _, h := range to.Decisions {
		if h.Number.IsZero() {
			continue
		}
		if p.toBase[h] == nil {
			r.DecisionsAdded = append(r.DecisionsAdded, RoundItem{ID: h.Number.String(), Title: h.Title, Path: h.Path})
		}
	}
	for _, l := range [][]RoundItem{r.ProcessesNew, r.ProcessesAmended, r.ProcessesAbolished, r.ProceduresAdded, r.ProceduresAbolished, r.DecisionsAdded} {
		sortRoundItems(l)
	}
	return r
}

func sortRoundItems(items []RoundItem) {
	sortByID(items, func(it RoundItem) (string, string) { return it.ID, it.Path })
}

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

// End names one end of a round for readers: a git revision, or a date
// for a round computed from the record (RecordRound).
type End struct {
	Ref    string   // as given: "v2023", "origin/main", "HEAD", "2020-10-01"
	Commit string   // abbreviated hash; "" for a working tree or a date
	Date   qms.Date // the commit date, or the date itself; zero for a working tree
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

// RecordRound counts the round from from to to, both days included, from
// the content alone: the dates recorded in one corpus, no git history.
//
//   - A process is new when the first row of its amendment record
//     (Process.Record) takes effect in the round and is revision 1 (or
//     gives none), amended when a later row does; its Revision is the
//     last row effective in the round, its FromRevision the row before
//     the first such row (0 when the record does not go back that far).
//   - A process is abolished when its abolished_by decision was issued or
//     took effect in the round; it is then counted only as abolished, as
//     CompareRound counts it. Drafts are not counted: they were never
//     promulgated.
//   - A procedure is added when the first decision that announced it
//     (announced_by, by date of issue) was issued in the round, abolished
//     when its abolished_by decision was issued or took effect in it.
//   - A decision is added when it was issued in the round.
//
// Citations that do not resolve to one decision (qms check reports them)
// date nothing, so the document is not counted. From and To are the dates
// with Ref set to their ISO form.
func RecordRound(c *qms.Corpus, from, to qms.Date) *Round {
	in := func(d qms.Date) bool { return !d.IsZero() && !d.Before(from) && !d.After(to) }
	decided := func(ct *qms.Citation) *qms.Decision {
		if ct == nil {
			return nil
		}
		return c.Lookup(ct.Ref)
	}
	r := &Round{
		From: End{Ref: from.String(), Date: from},
		To:   End{Ref: to.String(), Date: to},
	}
	for _, p := range c.Processes {
		if p.Code == "" || p.Status == qms.StatusDraft {
			continue
		}
		it := RoundItem{ID: p.Code, Title: p.Title, Path: p.Path}
		rec := p.Record()
		if d := decided(p.AbolishedBy); d != nil && (in(d.Issued) || in(d.EffectiveDate())) {
			if a, ok := p.IssueOn(to); ok {
				it.FromRevision, it.Revision = a.Revision, a.Revision
			}
			r.ProcessesAbolished = append(r.ProcessesAbolished, it)
			continue
		}
		first := -1
		for i, a := range rec {
			if in(a.Effective) {
				if first < 0 {
					first = i
				}
				it.Revision = a.Revision
			}
		}
		switch {
		case first < 0:
		case first == 0 && rec[0].Revision <= 1:
			r.ProcessesNew = append(r.ProcessesNew, it)
		default:
			if first > 0 {
				it.FromRevision = rec[first-1].Revision
			}
			r.ProcessesAmended = append(r.ProcessesAmended, it)
		}
	}
	for _, p := range c.Procedures {
		if p.Code == "" {
			continue
		}
		it := RoundItem{ID: p.Code, Title: p.Title, Path: p.Path}
		var announced qms.Date
		for i := range p.AnnouncedBy {
			d := decided(&p.AnnouncedBy[i])
			if d == nil {
				continue
			}
			if day := d.Issued; !day.IsZero() && (announced.IsZero() || day.Before(announced)) {
				announced = day
			}
		}
		if in(announced) {
			r.ProceduresAdded = append(r.ProceduresAdded, it)
		}
		if d := decided(p.AbolishedBy); d != nil && (in(d.Issued) || in(d.EffectiveDate())) {
			r.ProceduresAbolished = append(r.ProceduresAbolished, it)
		}
	}
	for _, d := range c.Decisions {
		if !d.Number.IsZero() && in(d.Issued) {
			r.DecisionsAdded = append(r.DecisionsAdded, RoundItem{ID: d.Number.String(), Title: d.Title, Path: d.Path})
		}
	}
	for _, l := range [][]RoundItem{r.ProcessesNew, r.ProcessesAmended, r.ProcessesAbolished, r.ProceduresAdded, r.ProceduresAbolished, r.DecisionsAdded} {
		sortRoundItems(l)
	}
	return r
}

// Package timeline computes, for the page of the manual on a date
// (hieu-luc/), what the status of each published document depends on and
// every change of that status, from the corpus alone.
//
// A change is found by evaluating the document's status (the functions the
// rest of the site and the export use: qms.Corpus.StatusOf,
// ProcedureAbolished, ProcessStatusOn and Process.IssueOn) on each date its
// data names and on the day before, so the timeline says exactly what those
// functions say on every date. The data (Data) holds the documents' dated
// events, not statuses, so that the page's script can evaluate any date
// the way Go does.
//
// The package knows no site: the caller names documents (Ref) and the
// pages of issues, and turns changes into the page.
package timeline

import (
	"slices"
	"sort"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Always stands for "from before every date" in the data: the abolition of
// a document by a decision the manual does not have, or that has no date,
// which Go counts as abolished on every date. It compares below every
// YYYY-MM-DD string.
const Always = "0000-00-00"

// Statuses of processes and procedures as the export spells them.
const (
	NotYet  = string(qms.NotYetEffective)
	InForce = string(qms.InForce)
)

// Data is, per document, what its status on any date depends on. Dates
// are YYYY-MM-DD, which compare as strings.
type Data struct {
	// Tags gives, by kind ("process", "procedure", "decision") and status
	// (as the export spells it), the label and colour shown; the caller
	// sets it.
	Tags       map[string]map[string]Tag `json:"tags"`
	Processes  []Process                 `json:"processes"`
	Procedures []Procedure               `json:"procedures"`
	Decisions  []Decision                `json:"decisions"`
}

// Tag is how the page shows a status.
type Tag struct {
	Label string `json:"label"`
	Class string `json:"class"`
}

// Ref names a document: its number or code, title and page.
type Ref struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	URL   string `json:"url,omitempty"`
}

// Process: the issue in force on a date is the last of Issues (amendment
// record order) whose Effective is on or before it; while none is, the
// process is not yet effective. A draft stays a draft. From Abolished
// (Always: from its first issue) a process in force is abolished.
type Process struct {
	Ref
	Draft       bool    `json:"draft,omitempty"`
	Issues      []Issue `json:"issues"`
	Abolished   string  `json:"abolished,omitempty"`
	AbolishedBy *Ref    `json:"abolished_by,omitempty"`
}

// Issue is one issue of a process; URL is its page.
type Issue struct {
	Revision  int    `json:"revision"`
	Effective string `json:"effective"`
	URL       string `json:"url"`
}

// Procedure: abolished from Abolished (Always: on every date).
type Procedure struct {
	Ref
	Abolished   string `json:"abolished,omitempty"`
	AbolishedBy *Ref   `json:"abolished_by,omitempty"`
}

// Decision mirrors qms.Corpus.StatusOf: not yet effective before
// Effective; superseded from the earliest date of SupersededBy on or
// before the day (the first of equals); repealed from Repealed when that
// is earlier; else expired from Expires; else amended when an AmendedBy
// date is on or before the day; else in force. Relations without a date
// never take effect and are left out.
type Decision struct {
	Ref
	Effective    string  `json:"effective,omitempty"`
	SupersededBy []Dated `json:"superseded_by,omitempty"`
	Repealed     string  `json:"repealed,omitempty"`
	Expires      string  `json:"expires,omitempty"`
	AmendedBy    []Dated `json:"amended_by,omitempty"`
}

// Dated is a document that acts from Date.
type Dated struct {
	Date string `json:"date"`
	Ref
}

// Change is one change of a document's status on Date; a zero Date is an
// abolition without a date (abolished on every date).
type Change struct {
	Date qms.Date
	Doc  qms.Document
	Kind qms.Kind
	// Text says what changed, but for an issue (Issued), which the
	// caller writes from its revision.
	Text string
	By   []qms.Document // the decisions the change names, after Text
	// Detail adds to an undated abolition.
	Detail string
	// Issued is set when an issue of a process takes effect: the one at
	// Index in the process's amendment record.
	Issued bool
	Index  int
	// Status is the status from that day: Status of a process or
	// procedure (qms.StatusActive, NotYet, ...), Decision of a decision.
	Status   string
	Decision qms.Status
}

// Builder collects the data and the changes, one document at a time.
type Builder struct {
	Data Data
	c    *qms.Corpus
	ref  func(qms.Document) Ref
}

// New returns a builder over c; ref names a document in the data.
func New(c *qms.Corpus, ref func(qms.Document) Ref) *Builder {
	return &Builder{c: c, ref: ref, Data: Data{Processes: []Process{}, Procedures: []Procedure{}, Decisions: []Decision{}}}
}

// Process adds published process p, whose issue at index i of its
// amendment record has the page issueURL(i), and returns its changes.
func (b *Builder) Process(p *qms.Process, issueURL func(i int) string) []Change {
	c := b.c
	record := p.Record()
	pj := Process{Ref: b.ref(p), Draft: p.Status == qms.StatusDraft, Issues: []Issue{}}
	var dates []qms.Date
	for i, a := range record {
		if a.Effective.IsZero() {
			continue
		}
		pj.Issues = append(pj.Issues, Issue{Revision: a.Revision, Effective: a.Effective.String(), URL: issueURL(i)})
		dates = append(dates, a.Effective)
	}
	var out []Change
	by := c.ProcessAbolishedBy(p)
	if p.Status == qms.StatusAbolished {
		pj.Abolished = Always
		if by != nil {
			ref := b.ref(by)
			pj.AbolishedBy = &ref
			if e := by.EffectiveDate(); !e.IsZero() {
				pj.Abolished = e.String()
				dates = append(dates, e)
			}
		}
		if pj.Abolished == Always {
			out = append(out, undated(p, qms.KindProcess, by))
		}
	}
	b.Data.Processes = append(b.Data.Processes, pj)
	if pj.Draft {
		return out // a draft is not in force on any date: no change to list
	}
	state := func(d qms.Date) (string, qms.Amendment) {
		a, _ := p.IssueOn(d)
		return c.ProcessStatusOn(p, d), a
	}
	for _, d := range sortDates(dates) {
		st, a := state(d)
		pst, pa := state(d.AddDays(-1))
		ev := Change{Date: d, Kind: qms.KindProcess, Doc: p, Status: st}
		if a.Effective == d && (a.Revision != pa.Revision || a.Effective != pa.Effective) {
			e := ev
			e.Issued = true
			for i, r := range record {
				if r.Revision == a.Revision && r.Effective == a.Effective {
					e.Index = i
				}
			}
			out = append(out, e)
		}
		// An abolition without a date is undated; one with a date names
		// its decision.
		if st == qms.StatusAbolished && pst != qms.StatusAbolished && pj.Abolished != Always {
			e := ev
			e.Text, e.By = "Bị bãi bỏ theo", []qms.Document{by}
			out = append(out, e)
		}
	}
	return out
}

// Procedure adds procedure p and returns its changes.
func (b *Builder) Procedure(p *qms.Procedure) []Change {
	var out []Change
	pj := Procedure{Ref: b.ref(p)}
	if p.AbolishedBy != nil {
		// As ProcedureAbolished: from the date of the decision it names,
		// at once when the manual does not have it.
		by := b.c.Lookup(p.AbolishedBy.Ref)
		pj.Abolished = Always
		if by != nil {
			ref := b.ref(by)
			pj.AbolishedBy = &ref
			if e := by.EffectiveDate(); !e.IsZero() {
				pj.Abolished = e.String()
				out = append(out, Change{
					Date: e, Kind: qms.KindProcedure, Doc: p,
					Text: "Bị bãi bỏ theo", By: []qms.Document{by}, Status: qms.StatusAbolished,
				})
			}
		}
		if pj.Abolished == Always {
			out = append(out, undated(p, qms.KindProcedure, by))
		}
	}
	b.Data.Procedures = append(b.Data.Procedures, pj)
	return out
}

// Decision adds decision d and returns its changes.
func (b *Builder) Decision(d *qms.Decision) []Change {
	c := b.c
	dj := Decision{Ref: b.ref(d), Effective: d.EffectiveDate().String(), Repealed: d.Repealed.String(), Expires: d.Expires.String()}
	dates := []qms.Date{d.EffectiveDate(), d.Repealed, d.Expires}
	for _, o := range c.SupersededBy(d) {
		if e := o.EffectiveDate(); !e.IsZero() {
			dj.SupersededBy = append(dj.SupersededBy, Dated{e.String(), b.ref(o)})
			dates = append(dates, e)
		}
	}
	for _, o := range c.AmendedBy(d) {
		if e := o.EffectiveDate(); !e.IsZero() {
			dj.AmendedBy = append(dj.AmendedBy, Dated{e.String(), b.ref(o)})
			dates = append(dates, e)
		}
	}
	b.Data.Decisions = append(b.Data.Decisions, dj)
	var out []Change
	for _, day := range sortDates(dates) {
		out = append(out, decisionChanges(d, day, c.StatusOf(d, day.AddDays(-1)), c.StatusOf(d, day))...)
	}
	return out
}

// decisionChanges describes what changed for decision d on day, from its
// status the day before (prev) to its status that day (st).
func decisionChanges(d *qms.Decision, day qms.Date, prev, st qms.Status) []Change {
	var out []Change
	add := func(text string, by []qms.Document) {
		out = append(out, Change{Date: day, Kind: qms.KindDecision, Doc: d, Decision: st, Text: text, By: by})
	}
	if prev.Kind == qms.NotYetEffective && st.Kind != qms.NotYetEffective {
		add("Có hiệu lực", nil)
	}
	switch st.Kind {
	case qms.Amended:
		var by []qms.Document
		for _, o := range st.AmendedBy {
			if o.EffectiveDate() == day {
				by = append(by, o)
			}
		}
		if len(by) > 0 {
			add("Được sửa đổi, bổ sung bởi", by)
		}
	case qms.Superseded:
		if prev.Kind != qms.Superseded {
			add("Bị thay thế bởi", []qms.Document{st.By})
		}
	case qms.Repealed:
		if prev.Kind != qms.Repealed {
			add("Bị bãi bỏ", nil)
		}
	case qms.Expired:
		if prev.Kind != qms.Expired {
			add("Hết thời hạn hiệu lực", nil)
		}
	}
	return out
}

// undated is the change of a document abolished by a decision the manual
// does not have (by nil) or that has no date.
func undated(doc qms.Document, kind qms.Kind, by *qms.Decision) Change {
	e := Change{Kind: kind, Doc: doc, Status: qms.StatusAbolished, Text: "Bị bãi bỏ, không rõ từ ngày nào"}
	if by != nil {
		e.Text, e.By = "Bị bãi bỏ theo", []qms.Document{by}
		e.Detail = "văn bản này không ghi ngày có hiệu lực"
	}
	return e
}

// sortDates sorts the non-zero dates and drops repeats.
func sortDates(ds []qms.Date) []qms.Date {
	var out []qms.Date
	for _, d := range ds {
		if !d.IsZero() {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, qms.Date.Compare)
	return slices.Compact(out)
}

// Year is the items of one year, by month, newest first.
type Year[T any] struct {
	Year   int
	Months []Month[T]
}

// Month is the items of one month.
type Month[T any] struct {
	Year, Month int
	Items       []T
}

// ByMonth sorts items newest first by date (the items of one day in the
// order given) and groups them by year and month.
func ByMonth[T any](items []T, date func(T) qms.Date) []Year[T] {
	sort.SliceStable(items, func(i, j int) bool { return date(items[i]).After(date(items[j])) })
	var out []Year[T]
	for _, it := range items {
		d := date(it)
		if n := len(out); n == 0 || out[n-1].Year != d.Year {
			out = append(out, Year[T]{Year: d.Year})
		}
		y := &out[len(out)-1]
		if n := len(y.Months); n == 0 || y.Months[n-1].Month != d.Month {
			y.Months = append(y.Months, Month[T]{Year: d.Year, Month: d.Month})
		}
		m := &y.Months[len(y.Months)-1]
		m.Items = append(m.Items, it)
	}
	return out
}

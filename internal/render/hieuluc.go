package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// The page of the manual on a date, hieu-luc/ ("Còn hiệu lực ngày …").
//
// Without JavaScript it is a timeline: every change of a published
// document's issue or status, dated, newest first, grouped by year and
// month. A change is found by evaluating the document's status (the
// functions the rest of the site and the export use: qms.Corpus.StatusOf,
// ProcedureAbolished, ProcessStatusOn and Process.IssueOn) on each date
// its data names and on the day before, so the timeline says exactly what
// those functions say on every date.
//
// With JavaScript, static/hieu-luc.js answers for the date in ?ngay=: each
// document's status then, the issue of each process then in force, and
// the timeline's changes in the month around the date. It reads the
// page's own data, a JSON data block (hieuLucJSON) embedded in the page:
// the documents' dated events, not statuses, so that it can evaluate any
// date the way Go does (the build's tests run both and compare).

// hieuLucData is the data of hieu-luc.html.
type hieuLucData struct {
	Years []*hlYear // newest first
	// Undated lists the documents recorded as abolished by a decision
	// with no date in the manual: abolished on every date.
	Undated []hlEvent
	// JSON is the data block hieu-luc.js reads.
	JSON template.JS
}

// hlYear and hlMonth group the timeline.
type hlYear struct {
	ID, Label string
	Months    []*hlMonth
}

type hlMonth struct {
	ID, Label string
	Events    []hlEvent
}

// hlEvent is one change of a document on a date.
type hlEvent struct {
	Date   qms.Date
	Kind   string // "Quy trình", ...
	Doc    docLink
	Text   string
	Links  []docLink // the decisions the change names, after Text
	Detail string    // what an issue changed, from the amendment record
	// Version is the page of the issue (issueURL).
	Version string
	Tag     *tag // the status from that day
}

// ISO is the event's date as YYYY-MM-DD, for the data-ngay attribute.
func (e hlEvent) ISO() string { return e.Date.String() }

// VN is the event's date as dd/mm/yyyy.
func (e hlEvent) VN() string { return e.Date.VN() }

// hlAlways stands for "from before every date" in the data block: the
// abolition of a document by a decision the manual does not have, or that
// has no date, which Go counts as abolished on every date. It compares
// below every YYYY-MM-DD string.
const hlAlways = "0000-00-00"

// hlJSON is the data block: per document, what its status on any date
// depends on. Dates are YYYY-MM-DD, which compare as strings.
type hlJSON struct {
	// Tags gives, by kind ("process", "procedure", "decision") and status
	// (as the export spells it), the label and colour shown.
	Tags       map[string]map[string]hlTagJSON `json:"tags"`
	Processes  []hlProcessJSON                 `json:"processes"`
	Procedures []hlProcedureJSON               `json:"procedures"`
	Decisions  []hlDecisionJSON                `json:"decisions"`
}

type hlTagJSON struct {
	Label string `json:"label"`
	Class string `json:"class"`
}

type hlDocJSON struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	URL   string `json:"url,omitempty"`
}

// hlProcessJSON: the issue in force on a date is the last of Issues
// (amendment record order) whose Effective is on or before it; while
// none is, the process is not yet effective. A draft stays a draft. From
// Abolished (hlAlways: from its first issue) a process in force is
// abolished.
type hlProcessJSON struct {
	hlDocJSON
	Draft       bool          `json:"draft,omitempty"`
	Issues      []hlIssueJSON `json:"issues"`
	Abolished   string        `json:"abolished,omitempty"`
	AbolishedBy *hlDocJSON    `json:"abolished_by,omitempty"`
}

type hlIssueJSON struct {
	Revision  int    `json:"revision"`
	Effective string `json:"effective"`
	// URL is the issue's page (issueURL).
	URL string `json:"url"`
}

// hlProcedureJSON: abolished from Abolished (hlAlways: on every date).
type hlProcedureJSON struct {
	hlDocJSON
	Abolished   string     `json:"abolished,omitempty"`
	AbolishedBy *hlDocJSON `json:"abolished_by,omitempty"`
}

// hlDecisionJSON mirrors qms.Corpus.StatusOf: not yet effective before
// Effective; superseded from the earliest date of SupersededBy on or
// before the day (the first of equals); repealed from Repealed when that
// is earlier; else expired from Expires; else amended when an AmendedBy
// date is on or before the day; else in force. Relations without a date
// never take effect and are left out.
type hlDecisionJSON struct {
	hlDocJSON
	Effective    string        `json:"effective,omitempty"`
	SupersededBy []hlDatedJSON `json:"superseded_by,omitempty"`
	Repealed     string        `json:"repealed,omitempty"`
	Expires      string        `json:"expires,omitempty"`
	AmendedBy    []hlDatedJSON `json:"amended_by,omitempty"`
}

type hlDatedJSON struct {
	Date string `json:"date"`
	hlDocJSON
}

// Statuses of processes and procedures as the export spells them.
const (
	hlNotYet  = string(qms.NotYetEffective)
	hlInForce = string(qms.InForce)
)

// hlTags are the labels the page shows for each status.
func hlTags() map[string]map[string]*tag {
	dec := map[string]*tag{}
	for _, k := range []qms.StatusKind{qms.InForce, qms.Amended, qms.Superseded, qms.Repealed, qms.Expired, qms.NotYetEffective} {
		dec[string(k)] = decisionTag(qms.Status{Kind: k})
	}
	return map[string]map[string]*tag{
		"process":   {qms.StatusActive: {"Đang áp dụng", "green"}, hlNotYet: {"Chưa có hiệu lực", "yellow"}, qms.StatusAbolished: {"Hết hiệu lực", "red"}, qms.StatusDraft: {"Dự thảo", "grey"}},
		"procedure": {hlInForce: {"Còn hiệu lực", "green"}, qms.StatusAbolished: {"Đã bãi bỏ", "red"}},
		"decision":  dec,
	}
}

func (s *Site) writeHieuLuc(w io.Writer) error {
	p := s.newPage("Còn hiệu lực ngày …", "hieu-luc", "hieu-luc/")
	p.Description = "Sổ tay tại một ngày: quy trình, thủ tục hành chính và văn bản còn hiệu lực vào ngày bạn chọn, và mọi thay đổi về hiệu lực theo thời gian — " + s.org.Title + " của " + s.org.Name + "."
	p.Crumbs = []link{{"Trang chủ", s.base}}
	p.Scripts = []string{s.base + "static/hieu-luc.js"}
	d, err := s.hieuLuc()
	if err != nil {
		return err
	}
	p.Data = d
	return s.exec(w, "hieu-luc", p)
}

// hieuLuc builds the page's timeline and data block.
func (s *Site) hieuLuc() (*hieuLucData, error) {
	b := &hlBuilder{s: s, tags: hlTags(), data: hlJSON{
		Tags: map[string]map[string]hlTagJSON{}, Processes: []hlProcessJSON{}, Procedures: []hlProcedureJSON{}, Decisions: []hlDecisionJSON{},
	}}
	for kind, m := range b.tags {
		b.data.Tags[kind] = map[string]hlTagJSON{}
		for st, t := range m {
			b.data.Tags[kind][st] = hlTagJSON{t.Label, t.Class}
		}
	}
	for _, p := range s.processes {
		b.process(p)
	}
	for _, p := range s.procedures {
		b.procedure(p)
	}
	for _, d := range s.decisions {
		b.decision(d)
	}

	out := &hieuLucData{Undated: b.undated}
	// Newest first; on one day processes, procedures, then decisions, each
	// in list order (the order they were appended in).
	sort.SliceStable(b.events, func(i, j int) bool { return b.events[i].Date.After(b.events[j].Date) })
	for _, e := range b.events {
		y := fmt.Sprintf("%04d", e.Date.Year)
		if n := len(out.Years); n == 0 || out.Years[n-1].Label != y {
			out.Years = append(out.Years, &hlYear{ID: "nam-" + y, Label: y})
		}
		yr := out.Years[len(out.Years)-1]
		m := fmt.Sprintf("%02d/%04d", e.Date.Month, e.Date.Year)
		if n := len(yr.Months); n == 0 || yr.Months[n-1].Label != m {
			yr.Months = append(yr.Months, &hlMonth{ID: fmt.Sprintf("thang-%04d-%02d", e.Date.Year, e.Date.Month), Label: m})
		}
		mo := yr.Months[len(yr.Months)-1]
		mo.Events = append(mo.Events, e)
	}

	js, err := json.Marshal(b.data) // escapes <, > and &: safe in a script element
	if err != nil {
		return nil, fmt.Errorf("render: hieu-luc: %w", err)
	}
	out.JSON = template.JS(js) //nolint:gosec // JSON with HTML characters escaped
	return out, nil
}

// hlBuilder collects the data block, the timeline's events and the
// undated abolitions, one document at a time.
type hlBuilder struct {
	s       *Site
	tags    map[string]map[string]*tag
	data    hlJSON
	events  []hlEvent
	undated []hlEvent
}

func (b *hlBuilder) process(p *qms.Process) {
	s, c := b.s, b.s.x.c
	record := p.Record()
	rows := s.amendmentRows(p, p) // record's rows, with their versions
	pj := hlProcessJSON{hlDocJSON: s.hlDoc(p), Draft: p.Status == qms.StatusDraft, Issues: []hlIssueJSON{}}
	var dates []qms.Date
	for i, a := range record {
		if a.Effective.IsZero() {
			continue
		}
		pj.Issues = append(pj.Issues, hlIssueJSON{Revision: a.Revision, Effective: a.Effective.String(), URL: s.issueURL(p, rows[i])})
		dates = append(dates, a.Effective)
	}
	by := c.ProcessAbolishedBy(p)
	if p.Status == qms.StatusAbolished {
		pj.Abolished = hlAlways
		if by != nil {
			ref := s.hlDoc(by)
			pj.AbolishedBy = &ref
			if e := by.EffectiveDate(); !e.IsZero() {
				pj.Abolished = e.String()
				dates = append(dates, e)
			}
		}
		if pj.Abolished == hlAlways {
			b.undated = append(b.undated, s.hlAbolished(p, qms.KindProcess, by, b.tags["process"][qms.StatusAbolished]))
		}
	}
	b.data.Processes = append(b.data.Processes, pj)
	if pj.Draft {
		return // a draft is not in force on any date: no change to list
	}
	state := func(d qms.Date) (string, qms.Amendment) {
		a, _ := p.IssueOn(d)
		return c.ProcessStatusOn(p, d), a
	}
	for _, d := range hlDates(dates) {
		st, a := state(d)
		pst, pa := state(d.AddDays(-1))
		ev := hlEvent{Date: d, Kind: qms.KindProcess.Label(), Doc: s.hlLink(p), Tag: b.tags["process"][st]}
		if a.Effective == d && (a.Revision != pa.Revision || a.Effective != pa.Effective) {
			e := ev
			e.Text = "Lần ban hành " + revisionText(a.Revision) + " có hiệu lực"
			for i, r := range record {
				if r.Revision == a.Revision && r.Effective == a.Effective {
					e.Detail, e.Version = rows[i].Change, s.issueURL(p, rows[i])
				}
			}
			b.events = append(b.events, e)
		}
		// An abolition without a date is in undated; one with a date
		// names its decision.
		if st == qms.StatusAbolished && pst != qms.StatusAbolished && pj.Abolished != hlAlways {
			e := ev
			e.Text, e.Links = "Bị bãi bỏ theo", []docLink{s.hlRef(by)}
			b.events = append(b.events, e)
		}
	}
}

func (b *hlBuilder) procedure(p *qms.Procedure) {
	s := b.s
	pj := hlProcedureJSON{hlDocJSON: s.hlDoc(p)}
	if p.AbolishedBy != nil {
		// As ProcedureAbolished: from the date of the decision it names,
		// at once when the manual does not have it.
		by := s.x.c.Lookup(p.AbolishedBy.Ref)
		pj.Abolished = hlAlways
		if by != nil {
			ref := s.hlDoc(by)
			pj.AbolishedBy = &ref
			if e := by.EffectiveDate(); !e.IsZero() {
				pj.Abolished = e.String()
				b.events = append(b.events, hlEvent{
					Date: e, Kind: qms.KindProcedure.Label(), Doc: s.hlLink(p),
					Text: "Bị bãi bỏ theo", Links: []docLink{s.hlRef(by)}, Tag: b.tags["procedure"][qms.StatusAbolished],
				})
			}
		}
		if pj.Abolished == hlAlways {
			b.undated = append(b.undated, s.hlAbolished(p, qms.KindProcedure, by, b.tags["procedure"][qms.StatusAbolished]))
		}
	}
	b.data.Procedures = append(b.data.Procedures, pj)
}

func (b *hlBuilder) decision(d *qms.Decision) {
	s, rel := b.s, b.s.x.rel
	dj := hlDecisionJSON{hlDocJSON: s.hlDoc(d), Effective: d.EffectiveDate().String(), Repealed: d.Repealed.String(), Expires: d.Expires.String()}
	dates := []qms.Date{d.EffectiveDate(), d.Repealed, d.Expires}
	for _, o := range rel.SupersededBy(d) {
		if e := o.EffectiveDate(); !e.IsZero() {
			dj.SupersededBy = append(dj.SupersededBy, hlDatedJSON{e.String(), s.hlDoc(o)})
			dates = append(dates, e)
		}
	}
	for _, o := range rel.AmendedBy(d) {
		if e := o.EffectiveDate(); !e.IsZero() {
			dj.AmendedBy = append(dj.AmendedBy, hlDatedJSON{e.String(), s.hlDoc(o)})
			dates = append(dates, e)
		}
	}
	b.data.Decisions = append(b.data.Decisions, dj)
	for _, day := range hlDates(dates) {
		b.events = append(b.events, s.decisionEvents(d, day, rel.StatusOf(d, day.AddDays(-1)), rel.StatusOf(d, day))...)
	}
}

// decisionEvents describes what changed for decision d on day, from its
// status the day before (prev) to its status that day (st).
func (s *Site) decisionEvents(d *qms.Decision, day qms.Date, prev, st qms.Status) []hlEvent {
	ev := hlEvent{Date: day, Kind: qms.KindDecision.Label(), Doc: s.hlLink(d), Tag: decisionTag(st)}
	var out []hlEvent
	add := func(text string, links []docLink) {
		e := ev
		e.Text, e.Links = text, links
		out = append(out, e)
	}
	if prev.Kind == qms.NotYetEffective && st.Kind != qms.NotYetEffective {
		add("Có hiệu lực", nil)
	}
	switch st.Kind {
	case qms.Amended:
		var links []docLink
		for _, o := range st.AmendedBy {
			if o.EffectiveDate() == day {
				links = append(links, s.hlRef(o))
			}
		}
		if len(links) > 0 {
			add("Được sửa đổi, bổ sung bởi", links)
		}
	case qms.Superseded:
		if prev.Kind != qms.Superseded {
			add("Bị thay thế bởi", []docLink{s.hlRef(st.By)})
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

// hlAbolished is the line of Undated for a document abolished by a
// decision the manual does not have (by nil) or that has no date.
func (s *Site) hlAbolished(doc qms.Document, kind qms.Kind, by *qms.Decision, t *tag) hlEvent {
	e := hlEvent{Kind: kind.Label(), Doc: s.hlLink(doc), Tag: t, Text: "Bị bãi bỏ, không rõ từ ngày nào"}
	if by != nil {
		e.Text = "Bị bãi bỏ theo"
		e.Links = []docLink{s.hlRef(by)}
		e.Detail = "văn bản này không ghi ngày có hiệu lực"
	}
	return e
}

// hlDates sorts the non-zero dates and drops repeats.
func hlDates(ds []qms.Date) []qms.Date {
	var out []qms.Date
	for _, d := range ds {
		if !d.IsZero() {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	n := 0
	for i, d := range out {
		if i == 0 || d != out[n-1] {
			out[n] = d
			n++
		}
	}
	return out[:n]
}

// hlLink links to a document without its status (statuses on this page
// are those of a date).
func (s *Site) hlLink(doc qms.Document) docLink {
	l := s.x.docLinkOf(doc)
	l.Tag = nil
	return l
}

// hlRef links to a decision an event names by its number alone.
func (s *Site) hlRef(doc qms.Document) docLink {
	l := s.hlLink(doc)
	l.Title = ""
	return l
}

func (s *Site) hlDoc(doc qms.Document) hlDocJSON {
	l := s.hlLink(doc)
	return hlDocJSON{ID: l.Text, Title: l.Title, URL: l.URL}
}

// issueURL is the page of an issue of process p, from its row of the
// amendment record (record.go): the revision that introduced it when the
// history has one, else the amendment record on the process's page.
func (s *Site) issueURL(p *qms.Process, r amendmentRow) string {
	if r.Version != "" {
		return r.Version
	}
	return s.x.url(p) + "#theo-doi-sua-doi"
}

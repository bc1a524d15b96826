// Package export turns a loaded manual into data: one JSON object with the
// organisation and every document, their statuses and relations evaluated
// as of a date, in the format docs/du-lieu-so-tay.md describes and Schema
// (manual.schema.json, JSON Schema draft 2020-12) defines.
//
// The field names are an interface other systems read: add fields, never
// rename or remove one (see the stability promise in the docs).
package export

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"sort"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Schema is the JSON Schema (draft 2020-12) of the export.
//
//go:embed manual.schema.json
var Schema []byte

// Options control what New exports.
type Options struct {
	// AsOf is the date statuses, issues in force and the organisation's
	// name are evaluated at. Required.
	AsOf qms.Date
	// Drafts gives draft processes a url, as a site built with drafts
	// has pages for them.
	Drafts bool
}

// Data is the exported manual, the JSON object.
type Data struct {
	AsOf         string       `json:"as_of"`
	Organization Organization `json:"organization"`
	// Documents holds *Process, *Procedure and *Decision values, sorted
	// by kind (processes, procedures, decisions), then by id (compareIDs),
	// then by path.
	Documents []any `json:"documents"`
}

// Organization is the body the manual belongs to.
type Organization struct {
	// Name is the name in force on AsOf.
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	// FormerNames is qms.yaml's record of former names, by date.
	FormerNames []FormerName `json:"former_names"`
}

// FormerName is a name used until a date: Until is its last day.
type FormerName struct {
	Name     string `json:"name"`
	Until    string `json:"until,omitempty"`
	Decision string `json:"decision,omitempty"`
}

// Common are the fields every document has.
type Common struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Title string `json:"title"`
	Path  string `json:"path"`
	// URL is the path of the document's page relative to the site's
	// root, "/processes/qt-01/"; empty (omitted) when it has none.
	URL    string `json:"url,omitempty"`
	Status string `json:"status"`
}

// Procedure statuses as of a date.
const (
	statusInForce   = string(qms.InForce)
	statusAbolished = qms.StatusAbolished
)

// Process is an exported process. Its status is
// qms.Corpus.ProcessStatusOn's on the export's date (draft, active,
// not-yet-effective or abolished); Revision, Effective and ApprovedBy are
// those of the issue in force on that date.
type Process struct {
	Common
	ProcessKind string       `json:"process_kind,omitempty"`
	Unit        string       `json:"unit,omitempty"`
	Revision    int          `json:"revision,omitempty"`
	Effective   string       `json:"effective,omitempty"`
	ApprovedBy  string       `json:"approved_by,omitempty"`
	Revisions   []Revision   `json:"revisions"`
	UnderReview *UnderReview `json:"under_review,omitempty"`
	ReviewBy    string       `json:"review_by,omitempty"`
	Procedures  []string     `json:"procedures"`
	LegalBasis  []string     `json:"legal_basis"`
	AbolishedBy string       `json:"abolished_by,omitempty"`
	Steps       []Step       `json:"steps"`
	// StepsWorkingHours is the steps' total when every step gives a
	// working time.
	StepsWorkingHours *int     `json:"steps_working_hours,omitempty"`
	Forms             []Form   `json:"forms"`
	Records           []Record `json:"records"`
}

// Step is one step of a process.
type Step struct {
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Time   *Duration `json:"time,omitempty"`
	Forms  []string  `json:"forms"`
}

// Form is a form (biểu mẫu) of a process.
type Form struct {
	Code  string `json:"code,omitempty"`
	Title string `json:"title,omitempty"`
}

// Record is a record (hồ sơ) a process keeps.
type Record struct {
	Name      string `json:"name"`
	Keeper    string `json:"keeper,omitempty"`
	Retention string `json:"retention,omitempty"`
}

// Revision is one row of a process's amendment record.
type Revision struct {
	Revision   int    `json:"revision"`
	Effective  string `json:"effective,omitempty"`
	ApprovedBy string `json:"approved_by,omitempty"`
	Change     string `json:"change,omitempty"`
}

// UnderReview says a process is being re-issued.
type UnderReview struct {
	Since  string `json:"since,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Procedure is an exported administrative procedure.
type Procedure struct {
	Common
	Field       string    `json:"field,omitempty"`
	Level       string    `json:"level,omitempty"`
	Agency      string    `json:"agency,omitempty"`
	Receiving   string    `json:"receiving,omitempty"`
	TimeLimit   *Duration `json:"time_limit,omitempty"`
	Fee         string    `json:"fee,omitempty"`
	AnnouncedBy []string  `json:"announced_by"`
	LegalBasis  []string  `json:"legal_basis"`
	AbolishedBy string    `json:"abolished_by,omitempty"`
}

// Duration is a procedure's legal processing time or a step's time: as
// written and, when it parses, its amount and unit; WorkingHours only for
// working time.
type Duration struct {
	Text         string `json:"text"`
	Value        *int   `json:"value,omitempty"`
	Unit         string `json:"unit,omitempty"`
	WorkingHours *int   `json:"working_hours,omitempty"`
}

// Decision is an exported legal or administrative document.
type Decision struct {
	Common
	// StatusSince is the date the status began (superseded, repealed,
	// expired) or will begin (not-yet-effective).
	StatusSince  string   `json:"status_since,omitempty"`
	Number       string   `json:"number"`
	Type         string   `json:"type,omitempty"`
	Issuer       string   `json:"issuer,omitempty"`
	Issued       string   `json:"issued,omitempty"`
	Effective    string   `json:"effective,omitempty"`
	Expires      string   `json:"expires,omitempty"`
	Repealed     string   `json:"repealed,omitempty"`
	Announces    *int     `json:"announces,omitempty"`
	Source       string   `json:"source,omitempty"`
	Supersedes   []string `json:"supersedes"`
	Amends       []string `json:"amends"`
	SupersededBy []string `json:"superseded_by"`
	AmendedBy    []string `json:"amended_by"`
}

// Duration units in the export.
var durationUnits = map[qms.DurationUnit]string{
	qms.WorkHours:     "working-hours",
	qms.WorkDays:      "working-days",
	qms.CalendarHours: "hours",
	qms.CalendarDays:  "days",
}

// JSON encodes m indented by two spaces, with a final newline, HTML
// characters (<, >, &) as they are and e-mail addresses hidden
// (qms.HideEmailsIn): the data is published with the site.
func (m *Data) JSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return qms.HideEmailsIn(b.Bytes()), nil
}

// exporter holds what every document's export needs.
type exporter struct {
	c     *qms.Corpus
	rel   *qms.Relations
	asOf  qms.Date
	pages map[qms.Document]string
	// shared lists the numbers (Number.Key) several decisions have.
	shared map[string]bool
}

// New exports c as of opts.AsOf. Documents whose front matter could not
// be read (Corpus.Partial) are left out, as they are from the site.
func New(c *qms.Corpus, opts Options) *Data {
	x := &exporter{c: c, rel: c.Relations(), asOf: opts.AsOf, pages: c.PagePaths(opts.Drafts), shared: map[string]bool{}}
	for _, d := range c.Decisions {
		if !d.Number.IsZero() && len(c.DecisionsByNumber(d.Number)) > 1 {
			x.shared[d.Number.Key()] = true
		}
	}
	m := &Data{AsOf: opts.AsOf.String(), Organization: x.organization(), Documents: []any{}}
	type entry struct {
		kind     int
		id, path string
		v        any
	}
	var entries []entry
	for _, doc := range c.Documents() {
		var v any
		switch d := doc.(type) {
		case *qms.Process:
			v = x.process(d)
		case *qms.Procedure:
			v = x.procedure(d)
		case *qms.Decision:
			v = x.decision(d)
		}
		b := doc.Base()
		entries = append(entries, entry{kindOrder(b.Kind), x.id(doc), b.Path, v})
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if r := compareIDs(a.id, b.id); r != 0 {
			return r < 0
		}
		return a.path < b.path
	})
	for _, e := range entries {
		m.Documents = append(m.Documents, e.v)
	}
	return m
}

// kindOrder places processes first, then procedures, then decisions.
func kindOrder(k qms.Kind) int {
	for i, o := range qms.Kinds {
		if o == k {
			return i
		}
	}
	return len(qms.Kinds)
}

func (x *exporter) organization() Organization {
	o := &x.c.Org
	org := Organization{Name: o.NameOn(x.asOf), ShortName: o.ShortName, FormerNames: []FormerName{}}
	for _, h := range o.History {
		f := FormerName{Name: h.Name, Until: h.Until.String()}
		if h.Decision != nil {
			f.Decision = x.cite(*h.Decision)
		}
		org.FormerNames = append(org.FormerNames, f)
	}
	sort.SliceStable(org.FormerNames, func(i, j int) bool { return org.FormerNames[i].Until < org.FormerNames[j].Until })
	return org
}

// id is the document's identity in the export: a process's or procedure's
// code, a decision's canonical number, followed by " ngày dd/mm/yyyy" (its
// issued date, the way Vietnamese texts cite it) when other decisions of
// the manual share the number; a number that does not parse (a check
// error) as written.
func (x *exporter) id(doc qms.Document) string {
	d, ok := doc.(*qms.Decision)
	if !ok {
		return strings.TrimSpace(doc.ID())
	}
	if d.Number.IsZero() {
		return strings.TrimSpace(d.NumberText)
	}
	if x.shared[d.Number.Key()] && !d.Issued.IsZero() {
		return qms.Ref{Number: d.Number, Date: d.Issued}.String()
	}
	return d.ID()
}

// cite is the id of the decision a citation names: the id of the document
// it resolves to (also when it matches only once diacritics are removed,
// a check error), else the canonical form of the number it cites, else
// (it does not parse) the text as written.
func (x *exporter) cite(c qms.Citation) string {
	if !c.Valid() {
		return strings.TrimSpace(c.Text)
	}
	d, res, _ := x.c.Resolve(c.Ref)
	if d != nil && (res == qms.Resolved || res == qms.DateMismatch || res == qms.FoldedOnly) {
		return x.id(d)
	}
	n := c.Ref.Number
	if cn, ok := n.Canonical(); ok {
		n = cn
	}
	return n.String()
}

func (x *exporter) citeAll(cs []qms.Citation) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, x.cite(c))
	}
	return out
}

func (x *exporter) citeOpt(c *qms.Citation) string {
	if c == nil {
		return ""
	}
	return x.cite(*c)
}

func (x *exporter) ids(ds []*qms.Decision) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		out = append(out, x.id(d))
	}
	sort.Strings(out)
	return out
}

func (x *exporter) common(doc qms.Document, status string) Common {
	b := doc.Base()
	c := Common{Kind: b.Kind.String(), ID: x.id(doc), Title: doc.Heading(), Path: b.Path, Status: status}
	if p, ok := x.pages[doc]; ok {
		c.URL = "/" + p
	}
	return c
}

func (x *exporter) process(p *qms.Process) *Process {
	issue, inForce := p.IssueOn(x.asOf)
	out := &Process{
		Common:      x.common(p, x.c.ProcessStatusOn(p, x.asOf)),
		ProcessKind: p.ProcKind,
		Unit:        p.Unit,
		Revisions:   []Revision{},
		ReviewBy:    p.ReviewBy.String(),
		Procedures:  []string{},
		LegalBasis:  x.citeAll(p.LegalBasis),
		AbolishedBy: x.citeOpt(p.AbolishedBy),
	}
	if inForce {
		out.Revision = issue.Revision
		out.Effective = issue.Effective.String()
		out.ApprovedBy = x.citeOpt(issue.ApprovedBy)
	}
	for _, r := range p.Record() {
		out.Revisions = append(out.Revisions, Revision{
			Revision:   r.Revision,
			Effective:  r.Effective.String(),
			ApprovedBy: x.citeOpt(r.ApprovedBy),
			Change:     r.Change,
		})
	}
	if u := p.UnderReview; u != nil {
		out.UnderReview = &UnderReview{Since: u.Since.String(), Reason: u.Reason}
	}
	for _, r := range p.Procedures {
		out.Procedures = append(out.Procedures, strings.TrimSpace(r.Code))
	}
	out.Steps = make([]Step, 0, len(p.Steps))
	for _, st := range p.Steps {
		out.Steps = append(out.Steps, Step{Actor: st.Actor, Action: st.Action, Time: duration(st.TimeText, st.Time), Forms: append([]string{}, st.Forms...)})
	}
	if total, ok := p.StepsTotal(); ok && len(p.Steps) > 0 {
		out.StepsWorkingHours = &total
	}
	out.Forms = make([]Form, 0, len(p.Forms))
	for _, f := range p.Forms {
		out.Forms = append(out.Forms, Form{Code: f.Code, Title: f.Title})
	}
	out.Records = make([]Record, 0, len(p.Records))
	for _, r := range p.Records {
		out.Records = append(out.Records, Record{Name: r.Name, Keeper: r.Keeper, Retention: r.Retention})
	}
	return out
}

func (x *exporter) procedure(p *qms.Procedure) *Procedure {
	status := statusInForce
	if ab, _ := x.c.ProcedureAbolished(p, x.asOf); ab {
		status = statusAbolished
	}
	out := &Procedure{
		Common:      x.common(p, status),
		Field:       p.Field,
		Level:       p.Level,
		Agency:      p.Agency,
		Receiving:   p.Receiving,
		Fee:         p.Fee,
		AnnouncedBy: x.citeAll(p.AnnouncedBy),
		LegalBasis:  x.citeAll(p.LegalBasis),
		AbolishedBy: x.citeOpt(p.AbolishedBy),
	}
	out.TimeLimit = duration(p.TimeLimitText, p.TimeLimit)
	return out
}

// duration exports a time as written (text) and parsed (d); nil when
// nothing is written.
func duration(text string, d qms.Duration) *Duration {
	if text == "" {
		return nil
	}
	out := &Duration{Text: text}
	if !d.IsZero() {
		v := d.Value
		out.Value, out.Unit = &v, durationUnits[d.Unit]
		if h, ok := d.WorkingHours(); ok {
			out.WorkingHours = &h
		}
	}
	return out
}

func (x *exporter) decision(d *qms.Decision) *Decision {
	st := x.rel.StatusOf(d, x.asOf)
	out := &Decision{
		Common:       x.common(d, string(st.Kind)),
		StatusSince:  st.Since.String(),
		Number:       d.Number.String(),
		Type:         d.Type,
		Issuer:       d.Issuer,
		Issued:       d.Issued.String(),
		Effective:    d.EffectiveDate().String(),
		Expires:      d.Expires.String(),
		Repealed:     d.Repealed.String(),
		Announces:    d.Announces,
		Source:       d.Source,
		Supersedes:   x.citeAll(d.Supersedes),
		Amends:       x.citeAll(d.Amends),
		SupersededBy: x.ids(x.rel.SupersededBy(d)),
		AmendedBy:    x.ids(x.rel.AmendedBy(d)),
	}
	if d.Number.IsZero() {
		out.Number = strings.TrimSpace(d.NumberText)
	}
	return out
}

// compareIDs orders ids the way codes and numbers are read: runs of digits
// by their value ("5/2018/NĐ-CP" before "30/QĐ-UBND", "QT-9" before
// "QT-10"), everything else by Unicode code point; ids equal so far by
// their bytes. It needs no collation tables, so another system reading
// the export can reproduce it.
func compareIDs(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			x := strings.TrimLeft(a[si:i], "0")
			y := strings.TrimLeft(b[sj:j], "0")
			if len(x) != len(y) {
				return cmp.Compare(len(x), len(y))
			}
			if r := strings.Compare(x, y); r != 0 {
				return r
			}
			continue
		}
		if a[i] != b[j] {
			// Bytes of UTF-8 compare as their code points do.
			return cmp.Compare(int(a[i]), int(b[j]))
		}
		i++
		j++
	}
	if r := cmp.Compare(len(a)-i, len(b)-j); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/timeline"
)

// The page of the manual on a date, hieu-luc/ ("Còn hiệu lực ngày …"):
// the timeline of every change of a published document's issue or status
// (internal/timeline finds them), newest first, grouped by year and month;
// and the data block (timeline.Data) with which static/hieu-luc.js answers
// for the date in ?ngay= the way Go does.

// hieuLucData is the data of hieu-luc.html.
type hieuLucData struct {
	Years []timeline.Year[hlEvent] // newest first
	// Undated lists the documents recorded as abolished by a decision
	// with no date in the manual: abolished on every date.
	Undated []hlEvent
	// JSON is the data block hieu-luc.js reads.
	JSON template.JS
}

// hlEvent is one change of a document on a date.
type hlEvent struct {
	Date   qms.Date // zero for Undated
	Kind   string   // "Quy trình", ...
	Doc    docLink
	Text   string
	Links  []docLink // the decisions the change names, after Text
	Detail string    // what an issue changed, from the amendment record
	// Version is the page of the issue (issueURL).
	Version string
	Tag     *tag // the status from that day
}

// hlTags are the labels the page shows for each status, by kind.
func hlTags() map[string]map[string]timeline.Tag {
	dec := map[string]timeline.Tag{}
	for _, k := range []qms.StatusKind{qms.InForce, qms.Amended, qms.Superseded, qms.Repealed, qms.Expired, qms.NotYetEffective} {
		dec[string(k)] = timeline.Tag(*decisionTag(qms.Status{Kind: k}))
	}
	t := func(label, class string) timeline.Tag { return timeline.Tag{Label: label, Class: class} }
	return map[string]map[string]timeline.Tag{
		"process":   {qms.StatusActive: t("Đang áp dụng", "green"), timeline.NotYet: t("Chưa có hiệu lực", "yellow"), qms.StatusAbolished: t("Hết hiệu lực", "red"), qms.StatusDraft: t("Dự thảo", "grey")},
		"procedure": {timeline.InForce: t("Còn hiệu lực", "green"), qms.StatusAbolished: t("Đã bãi bỏ", "red")},
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
	b := timeline.New(s.x.c, s.hlDoc)
	b.Data.Tags = hlTags()
	out := &hieuLucData{}
	var events []hlEvent
	add := func(changes []timeline.Change, rows []amendmentRow) {
		for _, c := range changes {
			t := tag(b.Data.Tags[c.Kind.String()][c.Status])
			e := hlEvent{Date: c.Date, Kind: c.Kind.Label(), Doc: s.hlLink(c.Doc), Text: c.Text, Detail: c.Detail, Tag: &t}
			for _, by := range c.By {
				e.Links = append(e.Links, s.hlRef(by))
			}
			if c.Kind == qms.KindDecision {
				e.Tag = decisionTag(c.Decision)
			}
			if c.Issued {
				e.Text = "Lần ban hành " + rows[c.Index].Revision + " có hiệu lực"
				e.Detail, e.Version = rows[c.Index].Change, s.issueURL(c.Doc.(*qms.Process), rows[c.Index])
			}
			if c.Date.IsZero() {
				out.Undated = append(out.Undated, e)
			} else {
				events = append(events, e)
			}
		}
	}
	for _, p := range s.processes {
		rows := s.amendmentRows(p, p) // the record's rows, with their versions
		add(b.Process(p, func(i int) string { return s.issueURL(p, rows[i]) }), rows)
	}
	for _, p := range s.procedures {
		add(b.Procedure(p), nil)
	}
	for _, d := range s.decisions {
		add(b.Decision(d), nil)
	}

	// On one day processes, procedures, then decisions, each in list
	// order (the order they were appended in).
	out.Years = timeline.ByMonth(events, func(e hlEvent) qms.Date { return e.Date })
	js, err := json.Marshal(b.Data) // escapes <, > and &: safe in a script element
	if err != nil {
		return nil, fmt.Errorf("render: hieu-luc: %w", err)
	}
	out.JSON = template.JS(js) //nolint:gosec // JSON with HTML characters escaped
	return out, nil
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

func (s *Site) hlDoc(doc qms.Document) timeline.Ref {
	l := s.hlLink(doc)
	return timeline.Ref{ID: l.Text, Title: l.Title, URL: l.URL}
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

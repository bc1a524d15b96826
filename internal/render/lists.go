package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// listPage is an index page: a table of documents.
type listPage struct {
	rel     string
	tmpl    string
	title   string
	section string
	crumbs  []link
	// data makes the page's data when it is written: the rows of tens of
	// thousands of documents are then made by the writers, in parallel,
	// not while the list of files is made.
	data func() any
}

// processList is the data of processes.html.
type processList struct {
	Heading string
	Intro   string
	Rows    []processRow
	Filters []filterGroup
	Current string
}

type processRow struct {
	doc       *qms.Process // the row's document, which its markup is cached by (rows.go)
	Link      docLink
	Unit      link
	Kind      string
	Revision  string
	Effective string
	Review    *tag // "Đang rà soát", nil when not under review
}

type filterGroup struct {
	Label string
	Items []count
}

// procedureList is the data of procedures.html.
type procedureList struct {
	Heading string
	Rows    []procedureRow
}

type procedureRow struct {
	doc       *qms.Procedure // the row's document, which its markup is cached by (rows.go)
	Link      docLink
	Field     link
	Level     string
	Receiving string
	Limit     string
	Processes int
}

// decisionList is the data of decisions.html.
type decisionList struct {
	Heading string
	Rows    []decisionRow
}

type decisionRow struct {
	Link   docLink
	Type   string
	Issuer string
	Issued string
}

// processKindLabels and processStatusLabels name the enums for readers.
var processKindLabels = map[string]string{
	qms.KindFramework: "Quy trình hệ thống",
	qms.KindTask:      "Quy trình giải quyết công việc",
}

var processStatusLabels = map[string]string{
	qms.StatusActive:    "Đang áp dụng",
	qms.StatusDraft:     "Dự thảo",
	qms.StatusAbolished: "Hết hiệu lực",
}

func labelOr(m map[string]string, k string) string {
	if v, ok := m[k]; ok {
		return v
	}
	if k == "" {
		return "—"
	}
	return k
}

// buildLists sorts the published documents of each kind for the index
// pages: processes by code, procedures by field then title, decisions
// newest first.
func (s *Site) buildLists(col *collator) {
	for _, p := range s.x.c.Processes {
		if s.x.published(p) {
			s.processes = append(s.processes, p)
		}
	}
	type processKey struct {
		code collated
		path string
	}
	sortByKey(s.processes, func(p *qms.Process) processKey {
		return processKey{collated{col.codeKey(p.Code), p.Code}, p.Path}
	}, func(a, b processKey) int {
		if a.code.s != b.code.s {
			return compareCollated(a.code, b.code)
		}
		return strings.Compare(a.path, b.path)
	})
	s.procedures = append(s.procedures, s.x.c.Procedures...)
	type procedureKey struct {
		field, title collated
		path         string
	}
	sortByKey(s.procedures, func(p *qms.Procedure) procedureKey {
		return procedureKey{collated{col.textKey(p.Field), p.Field}, collated{col.textKey(p.Title), p.Title}, p.Path}
	}, func(a, b procedureKey) int {
		if a.field.s != b.field.s {
			return compareCollated(a.field, b.field)
		}
		if a.title.s != b.title.s {
			return compareCollated(a.title, b.title)
		}
		return strings.Compare(a.path, b.path)
	})
	s.decisions = append(s.decisions, s.x.c.Decisions...)
	type decisionKey struct {
		issued     qms.Date
		numberText string
		number     collated
		path       string
	}
	sortByKey(s.decisions, func(d *qms.Decision) decisionKey {
		n := d.Number.String()
		return decisionKey{d.Issued, d.NumberText, collated{col.codeKey(n), n}, d.Path}
	}, func(a, b decisionKey) int {
		if c := a.issued.Compare(b.issued); c != 0 {
			return -c // newest first
		}
		if a.numberText != b.numberText {
			return compareCollated(a.number, b.number)
		}
		return strings.Compare(a.path, b.path)
	})
}

func (s *Site) listWriter(l listPage) func(io.Writer) error {
	return func(w io.Writer) error {
		p := s.newPage(l.title, l.section, l.rel)
		p.Crumbs = l.crumbs
		p.Data = l.data()
		return s.exec(w, l.tmpl, p)
	}
}

func (s *Site) processRows(ps []*qms.Process) []processRow {
	rows := make([]processRow, 0, len(ps))
	for _, p := range ps {
		rows = append(rows, processRow{
			doc:       p,
			Link:      s.x.docLinkOf(p),
			Unit:      s.unitLink(p.Unit),
			Kind:      labelOr(processKindLabels, p.ProcKind),
			Revision:  revisionText(p.Revision),
			Effective: dateVN(p.Effective),
			Review:    reviewTag(p),
		})
	}
	return rows
}

func revisionText(r int) string {
	if r <= 0 {
		return "—"
	}
	if r < 10 {
		return "0" + strconv.Itoa(r)
	}
	return strconv.Itoa(r)
}

func (s *Site) processesList() listPage {
	return listPage{
		rel: "processes/", tmpl: "processes", title: "Quy trình", section: "processes",
		crumbs: []link{{"Trang chủ", s.base}},
		data: func() any {
			return processList{
				Heading: "Quy trình",
				Intro:   "Các quy trình của hệ thống quản lý chất lượng theo TCVN ISO 9001:2015, kể cả quy trình đã hết hiệu lực.",
				Rows:    s.processRows(s.processes),
				Filters: s.processFilterGroups(),
				Current: s.base + "processes/",
			}
		},
	}
}

// processFilterGroups lists the filter pages: by kind, by status, by unit.
func (s *Site) processFilterGroups() []filterGroup {
	kinds, statuses := map[string]int{}, map[string]int{}
	for _, p := range s.processes {
		kinds[p.ProcKind]++
		statuses[p.Status]++
	}
	var out []filterGroup
	g := filterGroup{Label: "Theo loại"}
	for _, k := range []string{qms.KindFramework, qms.KindTask} {
		if kinds[k] > 0 {
			g.Items = append(g.Items, count{Label: processKindLabels[k], URL: s.base + "processes/by-kind/" + k + "/", N: kinds[k]})
		}
	}
	out = append(out, g)
	g = filterGroup{Label: "Theo trạng thái"}
	for _, k := range []string{qms.StatusActive, qms.StatusDraft, qms.StatusAbolished} {
		if statuses[k] > 0 {
			g.Items = append(g.Items, count{Label: processStatusLabels[k], URL: s.base + "processes/by-status/" + k + "/", N: statuses[k]})
		}
	}
	out = append(out, g)
	g = filterGroup{Label: "Theo đơn vị"}
	for _, u := range s.units {
		if len(u.Processes) > 0 {
			g.Items = append(g.Items, count{Label: u.Name, URL: s.base + u.rel, N: len(u.Processes)})
		}
	}
	return append(out, g)
}

// processFilters returns the filter pages by kind and by status.
func (s *Site) processFilters() []listPage {
	var out []listPage
	crumbs := []link{{"Trang chủ", s.base}, {"Quy trình", s.base + "processes/"}}
	filters := s.processFilterGroups()
	for _, k := range []string{qms.KindFramework, qms.KindTask} {
		var ps []*qms.Process
		for _, p := range s.processes {
			if p.ProcKind == k {
				ps = append(ps, p)
			}
		}
		if len(ps) == 0 {
			continue
		}
		rel := "processes/by-kind/" + k + "/"
		out = append(out, listPage{rel: rel, tmpl: "processes", title: processKindLabels[k], section: "processes", crumbs: crumbs,
			data: func() any {
				return processList{Heading: processKindLabels[k], Rows: s.processRows(ps), Filters: filters, Current: s.base + rel}
			}})
	}
	for _, k := range []string{qms.StatusActive, qms.StatusDraft, qms.StatusAbolished} {
		var ps []*qms.Process
		for _, p := range s.processes {
			if p.Status == k {
				ps = append(ps, p)
			}
		}
		if len(ps) == 0 {
			continue
		}
		rel := "processes/by-status/" + k + "/"
		h := "Quy trình " + lowerFirst(processStatusLabels[k])
		out = append(out, listPage{rel: rel, tmpl: "processes", title: h, section: "processes", crumbs: crumbs,
			data: func() any {
				return processList{Heading: h, Rows: s.processRows(ps), Filters: filters, Current: s.base + rel}
			}})
	}
	return out
}

func (s *Site) procedureRows(ps []*qms.Procedure) []procedureRow {
	rows := make([]procedureRow, 0, len(ps))
	for _, p := range ps {
		rows = append(rows, procedureRow{
			doc:       p,
			Link:      s.x.docLinkOf(p),
			Field:     s.fieldLink(p.Field),
			Level:     labelOr(qms.Levels, p.Level),
			Receiving: p.Receiving,
			Limit:     durationText(p.TimeLimit, p.TimeLimitText),
			Processes: len(s.x.implementers[p]),
		})
	}
	return rows
}

// durationText is the parsed duration, or the text as written.
func durationText(d qms.Duration, text string) string {
	if !d.IsZero() {
		return d.String()
	}
	if text == "" {
		return "—"
	}
	return text
}

func (s *Site) proceduresList() listPage {
	return listPage{
		rel: "procedures/", tmpl: "procedures", title: "Thủ tục hành chính", section: "procedures",
		crumbs: []link{{"Trang chủ", s.base}},
		data: func() any {
			return procedureList{Heading: "Thủ tục hành chính", Rows: s.procedureRows(s.procedures)}
		},
	}
}

func (s *Site) decisionsList() listPage {
	return listPage{
		rel: "decisions/", tmpl: "decisions", title: "Văn bản", section: "decisions",
		crumbs: []link{{"Trang chủ", s.base}},
		data: func() any {
			rows := make([]decisionRow, 0, len(s.decisions))
			for _, d := range s.decisions {
				rows = append(rows, decisionRow{
					Link:   s.x.docLinkOf(d),
					Type:   labelOr(qms.DecisionTypes, d.Type),
					Issuer: d.Issuer,
					Issued: dateVN(d.Issued),
				})
			}
			return decisionList{Heading: "Văn bản", Rows: rows}
		},
	}
}

package render

import (
	"io"
)

// checksData is the data of checks.html.
type checksData struct {
	Checks []checkView
}

type checkView struct {
	ID       string
	Name     string
	Severity string
	Title    string
	Body     []string
}

func (s *Site) writeChecks(w io.Writer) error {
	p := s.newPage("Các quy tắc kiểm tra", "checks", "checks/")
	p.Crumbs = []link{{"Trang chủ", s.base}}
	var d checksData
	for _, c := range s.opts.Checks {
		d.Checks = append(d.Checks, checkView{
			ID: c.ID, Name: c.Name, Severity: c.Severity.Label(), Title: c.Title, Body: paragraphs(c.Body),
		})
	}
	p.Data = d
	return s.exec(w, "checks", p)
}

func (s *Site) writeSearch(w io.Writer) error {
	p := s.newPage("Tìm kiếm", "search", "search/")
	p.Crumbs = []link{{"Trang chủ", s.base}}
	p.Scripts = []string{s.base + "static/search.js"}
	return s.exec(w, "search", p)
}

func (s *Site) writeNotFound(w io.Writer) error {
	p := s.newPage("Không tìm thấy trang", "", "404.html")
	return s.exec(w, "notfound", p)
}

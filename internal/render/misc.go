package render

import (
	"encoding/xml"
	"io"
	"strings"
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

type sitemapURL struct {
	Loc string `xml:"loc"`
}

type sitemap struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// writeSitemap lists every page (not 404.html) under the absolute base.
func (s *Site) writeSitemap(w io.Writer) error {
	sm := sitemap{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, f := range s.files(false) {
		if !strings.HasSuffix(f.Path, "index.html") {
			continue
		}
		sm.URLs = append(sm.URLs, sitemapURL{Loc: s.absBase + strings.TrimSuffix(f.Path, "index.html")})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(sm); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

package render

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// sitemapNS is the namespace of the sitemaps protocol
// (https://www.sitemaps.org/protocol.html).
const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

type sitemap struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap reports whether the site has a sitemap.xml: the sitemaps
// protocol requires absolute URLs, so only a site whose Options.BaseURL is
// an absolute http or https URL has one.
func (s *Site) Sitemap() bool {
	return strings.HasPrefix(s.absBase, "http://") || strings.HasPrefix(s.absBase, "https://")
}

// writeSitemap lists every page (not 404.html) under the absolute base,
// with the date of its last change where git knows it.
func (s *Site) writeSitemap(w io.Writer) error {
	sm := sitemap{NS: sitemapNS}
	mods := s.lastMods()
	for _, f := range s.files(false) {
		rel, ok := strings.CutSuffix(f.Path, "index.html")
		if !ok {
			continue
		}
		sm.URLs = append(sm.URLs, sitemapURL{Loc: s.absBase + rel, LastMod: mods[rel]})
	}
	return writeXML(w, sm)
}

// lastMods returns, by site-relative URL, the date (YYYY-MM-DD) of the
// last change of the pages whose content comes from git: a document's
// page and history page (the date its page shows as "Lần thay đổi cuối";
// none when a shallow clone hides it), a deleted document's pages (the
// deletion), and the change log's pages (their newest entry). Lists and
// the dashboard also change with the date statuses are evaluated at, so
// they get none.
func (s *Site) lastMods() map[string]string {
	m := map[string]string{}
	for doc, u := range s.x.urls {
		lc, ok := s.lastChange(doc.Base().Path)
		if !ok || lc.Truncated || lc.Date.IsZero() {
			continue
		}
		m[u] = lc.Date.String()
		if lc.HistoryURL != "" {
			m[lc.HistoryURL] = lc.Date.String()
		}
	}
	for _, dh := range s.histOrder {
		if dh.gone != "" && len(dh.revs) > 0 && !dh.revs[0].Boundary {
			d := qms.DateOf(dh.revs[0].Commit.Date).String()
			m[dh.url], m[dh.historyURL()] = d, d
		}
	}
	if s.changes != nil && len(s.changes.entries) > 0 {
		m["changes/"] = qms.DateOf(s.changes.entries[0].commit.Date).String()
		for _, mo := range s.changes.months {
			m[mo.url()] = qms.DateOf(mo.entries[0].commit.Date).String()
		}
	}
	return m
}

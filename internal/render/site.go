package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Site is the model of the whole site, ready to render. It is read-only
// after New; its files may be written concurrently.
type Site struct {
	opts    Options
	base    string // path-absolute base, ends in "/"
	absBase string // BaseURL with a trailing "/", for sitemap.xml and feeds
	x       *index
	tmpl    map[string]*template.Template
	md      goldmark.Markdown // the body renderer (markdown.go)

	units, fields   []*group
	unitBy, fieldBy map[string]*group
	processes       []*qms.Process   // published, in list order
	procedures      []*qms.Procedure // in list order
	decisions       []*qms.Decision  // in list order
	dash            *dashboard

	// org is the organisation as the pages name it (org.go); feedName is
	// the name feed ids are derived from (Site.feedID).
	org      *orgView
	feedName string

	// History (history.go); nil maps when the site has no history.
	hist      map[qms.Document]*docHistory
	histOrder []*docHistory
	changes   *changeLog
	blobs     *cache[blobKey, parsedBlob]
	bodies    *cache[bodyKey, markdownOut] // renderMarkdown's, for past versions
	docBodies sync.Map                     // bodyKey → *docBody: current documents' bodies (markdown.go)

	frames     map[string]*frame // by section (frame.go)
	pastFrames sync.Map          // section and former name → *frame (frame.go)
	// rows keeps the markup of each document's table row (rows.go),
	// rendered by rowTmpl.
	rows    sync.Map // qms.Document → template.HTML
	rowTmpl *template.Template
}

// File is one output file.
type File struct {
	// Path is '/'-separated and relative to the output directory:
	// "processes/qt-01/index.html".
	Path string
	// Write renders the file to w.
	Write func(w io.Writer) error
}

// pageTemplates are the templates that render a whole page; each defines
// "content" on top of base.html and partials.html.
var pageTemplates = []string{
	"dashboard", "processes", "process", "procedures", "procedure",
	"decisions", "decision", "groups", "group", "checks", "search", "notfound",
	"hieu-luc",
}

// New builds the site model.
func New(c *qms.Corpus, opts Options) (*Site, error) {
	if c == nil {
		return nil, errors.New("render: corpus is nil")
	}
	if opts.AsOf.IsZero() {
		return nil, errors.New("render: Options.AsOf is not set")
	}
	if opts.Templates == nil {
		return nil, errors.New("render: Options.Templates is not set")
	}
	base, abs, err := parseBase(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	s := &Site{opts: opts, base: base, absBase: abs, bodies: newCache[bodyKey, markdownOut](256)}
	s.md = s.newMarkdown()
	if err := s.parseTemplates(opts.Templates); err != nil {
		return nil, err
	}
	col := newCollator()
	s.x = newIndex(c, opts, base, col)
	s.org, s.feedName = newOrgView(s.x, &c.Org), earliestName(&c.Org)
	s.buildLists(col)
	s.buildGroups(col)
	s.dash = s.buildDashboard(col)
	if err := s.buildHistory(opts.Templates); err != nil {
		return nil, err
	}
	if err := s.buildFrames(); err != nil {
		return nil, err
	}
	return s, nil
}

// ShowDiagnostics replaces Options.Diagnostics: the diagnostics shown on
// the pages of the files they are about, for a model built before the
// checks ended. It must be called before any page is written.
func (s *Site) ShowDiagnostics(ds []qms.Diagnostic) {
	s.opts.Diagnostics = ds
	s.x.showDiagnostics(ds, s.opts.Warnings)
}

// parseBase splits a --base-url into the path used by links and the
// absolute prefix used by sitemap.xml.
func parseBase(raw string) (base, abs string, err error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "/", "/", nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", "", fmt.Errorf("render: base URL %q: %w", raw, err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return "", "", fmt.Errorf("render: base URL %q: scheme must be http or https", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", "", fmt.Errorf("render: base URL %q has a query or fragment", raw)
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	abs = p
	if u.Scheme != "" && u.Host != "" {
		abs = u.Scheme + "://" + u.Host + p
	}
	return p, abs, nil
}

func (s *Site) parseTemplates(fsys fs.FS) error {
	common, err := template.New("base").Funcs(template.FuncMap{
		"dict": dict,
		"inc":  func(i int) int { return i + 1 },

		"processRowHTML":   s.processRowHTML,
		"procedureRowHTML": s.procedureRowHTML,
	}).ParseFS(fsys, "templates/base.html", "templates/partials.html", "templates/record.html", "templates/flowchart.html")
	if err != nil {
		return fmt.Errorf("render: templates: %w", err)
	}
	s.tmpl = map[string]*template.Template{}
	for _, name := range pageTemplates {
		t, err := common.Clone()
		if err != nil {
			return fmt.Errorf("render: templates: %w", err)
		}
		if _, err := t.ParseFS(fsys, "templates/"+name+".html"); err != nil {
			return fmt.Errorf("render: template %s: %w", name, err)
		}
		s.tmpl[name] = t
	}
	s.rowTmpl = s.tmpl["notfound"]
	return nil
}

// newPage returns the frame of a page at rel (site-relative URL).
func (s *Site) newPage(title, section, rel string) *page {
	p := &page{
		Base: s.base, Title: title, Section: section, URL: s.base + rel,
		Description: title + " — " + s.org.Title + " của " + s.org.Name + ".",
		AsOf:        s.opts.AsOf.VN(), Commit: s.opts.Commit, Org: s.org,
	}
	if s.hist != nil {
		p.Changes = s.base + "changes/"
		p.Feeds = []link{{Text: "Thay đổi của sổ tay chất lượng", URL: s.base + "feed.xml"}}
	}
	return p
}

// exec renders p with the named page template.
func (s *Site) exec(w io.Writer, name string, p *page) error {
	t := s.tmpl[name]
	if t == nil {
		return fmt.Errorf("render: no template %q", name)
	}
	if s.opts.LiveReload != "" {
		p.Scripts = append(p.Scripts, s.base+s.opts.LiveReload)
	}
	f, err := s.frameOf(p)
	if err != nil {
		return err
	}
	p.Frame = f
	if err := t.ExecuteTemplate(w, "base", p); err != nil {
		return fmt.Errorf("render: %s %s: %w", name, p.URL, err)
	}
	return nil
}

// Files lists every file of the site except the static files and the
// search index, in a fixed order. A document's history files follow its
// page, so that the pages rendering the same bodies and blobs are written
// close together (renderMarkdown's and revisionDoc's caches).
func (s *Site) Files() []File { return s.files(true) }

// files lists the site's files; with interleave a document's history files
// follow its page, else they all follow the pages of the sections, as the
// sitemap lists them.
func (s *Site) files(interleave bool) []File {
	var fs []File
	add := func(rel string, w func(io.Writer) error) {
		p := rel + "index.html"
		if strings.HasSuffix(rel, ".html") || strings.HasSuffix(rel, ".xml") {
			p = rel
		}
		fs = append(fs, File{Path: p, Write: w})
	}
	done := map[*docHistory]bool{}
	addHistory := func(doc qms.Document) {
		if dh := s.hist[doc]; interleave && dh != nil && !done[dh] {
			done[dh] = true
			fs = s.appendDocHistoryFiles(fs, dh)
		}
	}
	add("", s.writeDashboard)
	add("processes/", s.listWriter(s.processesList()))
	for _, l := range s.processFilters() {
		add(l.rel, s.listWriter(l))
	}
	for _, p := range s.processes {
		add(s.x.urls[p], func(w io.Writer) error { return s.writeProcess(w, p) })
		addHistory(p)
	}
	add("procedures/", s.listWriter(s.proceduresList()))
	for _, p := range s.procedures {
		add(s.x.urls[p], func(w io.Writer) error { return s.writeProcedure(w, p) })
		addHistory(p)
	}
	add("decisions/", s.listWriter(s.decisionsList()))
	for _, d := range s.decisions {
		add(s.x.urls[d], func(w io.Writer) error { return s.writeDecision(w, d) })
		addHistory(d)
	}
	add("units/", func(w io.Writer) error { return s.writeGroups(w, "units", s.units) })
	for _, g := range s.units {
		add(g.rel, func(w io.Writer) error { return s.writeGroup(w, g) })
	}
	add("fields/", func(w io.Writer) error { return s.writeGroups(w, "fields", s.fields) })
	for _, g := range s.fields {
		add(g.rel, func(w io.Writer) error { return s.writeGroup(w, g) })
	}
	add("checks/", s.writeChecks)
	add("search/", s.writeSearch)
	add("hieu-luc/", s.writeHieuLuc)
	fs = append(fs, s.historyFilesExcept(done)...)
	add("404.html", s.writeNotFound)
	if s.Sitemap() {
		add("sitemap.xml", s.writeSitemap)
	}
	return fs
}

// dict builds a map from alternating keys and values, for passing several
// values to a partial template.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

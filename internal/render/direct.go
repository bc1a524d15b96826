package render

import (
	"html/template"
	"io"
)

// A page whose templates are the site's own (site/templates) is written
// without executing them: those templates only call the Go functions of
// pagehtml.go, processhtml.go, dochtml.go and historyhtml.go, and
// html/template spends more time calling them by reflection than they
// spend writing. A theme that changes one of these templates renders
// through it as before. direct_test.go checks that both ways give the same
// bytes.

// contentFunc writes the content of a page.
type contentFunc func(p *page) template.HTML

// directTemplates are the template texts (as parse.Tree's String prints
// them) for which a page is written directly, and what writes its content.
var directTemplates = map[string]struct {
	content string
	write   contentFunc
}{
	"process":   {`{{with .Data}}{{processHTML .}}{{end}}`, func(p *page) template.HTML { return processHTML(p.Data.(processData)) }},
	"procedure": {`{{with .Data}}{{procedureHTML .}}{{end}}`, func(p *page) template.HTML { return procedureHTML(p.Data.(procedureData)) }},
	"decision":  {`{{with .Data}}{{decisionHTML .}}{{end}}`, func(p *page) template.HTML { return decisionHTML(p.Data.(decisionData)) }},
	"history":   {`{{with .Data}}{{historyHTML .}}{{end}}`, func(p *page) template.HTML { return historyHTML(p.Data.(historyData)) }},
}

const (
	directBase     = `{{pageStartHTML .}}{{template "content" .}}{{pageEndHTML .}}`
	directRevision = "{{with .Revision}}{{if .HasDoc}}\n{{template \"doc-content\" $}}{{else}}{{revisionDocHTML .}}{{end}}{{revisionChangesHTML .}}{{end}}"
)

// findDirect returns, for each page template that can be written
// directly, what writes its content; nil when the theme's base template is
// not the site's own.
func (s *Site) findDirect() map[string]contentFunc {
	out := map[string]contentFunc{}
	for name, d := range directTemplates {
		t := s.tmpl[name]
		if t == nil || !sameText(t, "base", directBase) || !sameText(t, "content", d.content) {
			continue
		}
		out[name] = d.write
		r := s.tmpl["revision-"+name]
		if r == nil || !sameText(r, "base", directBase) || !sameText(r, "content", directRevision) || !sameText(r, "doc-content", d.content) {
			continue
		}
		write := d.write
		out["revision-"+name] = func(p *page) template.HTML {
			v := p.Revision
			var doc template.HTML
			if v.HasDoc {
				doc = "\n" + write(p)
			} else {
				doc = revisionDocHTML(v)
			}
			return doc + revisionChangesHTML(v)
		}
	}
	return out
}

// sameText reports whether the template name of t's set is text.
func sameText(t *template.Template, name, text string) bool {
	x := t.Lookup(name)
	return x != nil && x.Tree != nil && x.Tree.Root != nil && x.Tree.Root.String() == text
}

// writeDirect writes page p with content c as the "base" template would.
func writeDirect(w io.Writer, p *page, c contentFunc) error {
	for _, part := range []template.HTML{pageStartHTML(p), c(p), pageEndHTML(p)} {
		if _, err := io.WriteString(w, string(part)); err != nil {
			return err
		}
	}
	return nil
}

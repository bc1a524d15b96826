package render

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
)

// A page whose templates are the site's own (site/templates) is written
// without executing them: those templates only call the Go functions of
// pagehtml.go, processhtml.go, dochtml.go and historyhtml.go, or are
// written again in Go (changeshtml.go, listhtml.go), and html/template
// spends more time calling them by reflection, or walking their data,
// than they spend writing. A theme that changes one of these templates, or a partial one
// of them calls, renders through it as before. direct_test.go checks that
// both ways give the same bytes.

// contentFunc writes the content of a page.
type contentFunc func(b htmlWriter, p *page) error

// directTemplate is a page template whose "content" can be written in Go.
type directTemplate struct {
	// content is the "content" template's text (as parse.Tree's String
	// prints it) for which write writes the same bytes.
	content string
	// partials are the partials content calls (ownPartials): they too
	// must be the site's own.
	partials []string
	write    contentFunc
}

// directTemplates are the page templates that can be written directly.
var directTemplates = map[string]directTemplate{
	"process":   {content: `{{with .Data}}{{processHTML .}}{{end}}`, write: dataWriter(writeProcessContent)},
	"procedure": {content: `{{with .Data}}{{procedureHTML .}}{{end}}`, write: dataWriter(writeProcedureContent)},
	"decision":  {content: `{{with .Data}}{{decisionHTML .}}{{end}}`, write: dataWriter(writeDecisionContent)},
	"history":   {content: `{{with .Data}}{{historyHTML .}}{{end}}`, write: dataWriter(writeHistoryContent)},
	"changes":   {content: changesContent, partials: []string{"doclink", "summary"}, write: dataWriter(writeChangesContent)},

	"processes":  {content: processesContent, partials: []string{"processTable"}, write: dataWriter(writeProcessesContent)},
	"procedures": {content: proceduresContent, partials: []string{"procedureTable"}, write: pageDataWriter(writeProceduresContent)},
	"decisions":  {content: decisionsContent, partials: []string{"tag"}, write: pageDataWriter(writeDecisionsContent)},
	"groups":     {content: groupsContent, write: dataWriter(writeGroupsContent)},
	"group":      {content: groupContent, partials: []string{"processTable", "procedureTable"}, write: dataWriter(writeGroupContent)},
}

// ownPartials are the texts of the site's own partials (partials.html)
// that a directTemplate may call: each only calls its Go function.
var ownPartials = map[string]string{
	"doclink":        `{{docLinkHTML .}}`,
	"summary":        `{{summaryHTML .}}`,
	"tag":            `{{tagHTML .}}`,
	"processTable":   `{{processTableHTML .Caption .Rows}}`,
	"procedureTable": `{{procedureTableHTML .Caption .Rows}}`,
}

// dataWriter writes a page's content from its Data with write; like the
// template's {{with .Data}}, no Data writes nothing, and Data of another
// type is an error (where the template would fail to execute).
func dataWriter[T any](write func(htmlWriter, T)) contentFunc {
	return pageDataWriter(func(b htmlWriter, _ *page, d T) { write(b, d) })
}

// pageDataWriter is dataWriter for a template that also reads the page
// ($).
func pageDataWriter[T any](write func(htmlWriter, *page, T)) contentFunc {
	return func(b htmlWriter, p *page) error {
		if p.Data == nil {
			return nil
		}
		d, ok := p.Data.(T)
		if !ok {
			var want T
			return fmt.Errorf("page data is %T, not %T", p.Data, want)
		}
		write(b, p, d)
		return nil
	}
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
		if t == nil || !sameText(t, "base", directBase) || !sameText(t, "content", d.content) || !ownPartialsOf(t, d.partials) {
			continue
		}
		out[name] = d.write
		r := s.tmpl["revision-"+name]
		if r == nil || !sameText(r, "base", directBase) || !sameText(r, "content", directRevision) || !sameText(r, "doc-content", d.content) {
			continue
		}
		write := d.write
		out["revision-"+name] = func(b htmlWriter, p *page) error {
			v := p.Revision
			if v == nil {
				return nil
			}
			if v.HasDoc {
				b.WriteByte('\n')
				if err := write(b, p); err != nil {
					return err
				}
			} else {
				writeRevisionDoc(b, v)
			}
			writeRevisionChanges(b, v)
			return nil
		}
	}
	return out
}

// ownPartialsOf reports whether the named partials of t's set are the
// site's own.
func ownPartialsOf(t *template.Template, names []string) bool {
	for _, name := range names {
		if !sameText(t, name, ownPartials[name]) {
			return false
		}
	}
	return true
}

// sameText reports whether the template name of t's set is text.
func sameText(t *template.Template, name, text string) bool {
	x := t.Lookup(name)
	return x != nil && x.Tree != nil && x.Tree.Root != nil && x.Tree.Root.String() == text
}

// writeDirect writes page p with content c as the "base" template would,
// straight into w when it is buffered.
func writeDirect(w io.Writer, p *page, c contentFunc) error {
	b, ok := w.(htmlWriter)
	var bw *bufio.Writer
	if !ok {
		bw = bufio.NewWriter(w)
		b = bw
	}
	writePageStart(b, p)
	if err := c(b, p); err != nil {
		return err
	}
	writePageEnd(b, p)
	if bw != nil {
		return bw.Flush()
	}
	return nil
}

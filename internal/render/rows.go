package render

import (
	"html/template"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// A process or procedure is a row of the tables on several pages: its
// list, the filter pages, its unit's and its field's pages, the pages of
// the procedures it carries out and their revisions. The row is the same
// on all of them, so the tables ("processTable", "procedureTable") print
// it with processRowHTML and procedureRowHTML, which execute the
// "processRow" or "procedureRow" partial once per document and keep what
// it rendered.

// processRowHTML is a process's row of a table of processes.
func (s *Site) processRowHTML(r processRow) (template.HTML, error) {
	return s.rowHTML("processRow", r.doc, r)
}

// procedureRowHTML is a procedure's row of a table of procedures.
func (s *Site) procedureRowHTML(r procedureRow) (template.HTML, error) {
	return s.rowHTML("procedureRow", r.doc, r)
}

// rowHTML renders the partial name with data, the row of doc, once per
// document (every time for a row without one).
func (s *Site) rowHTML(name string, doc qms.Document, data any) (template.HTML, error) {
	if doc != nil {
		if v, ok := s.rows.Load(doc); ok {
			return v.(template.HTML), nil
		}
	}
	var b strings.Builder
	if err := s.rowTmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String()) //nolint:gosec // rendered by html/template
	if doc != nil {
		s.rows.Store(doc, h)
	}
	return h, nil
}

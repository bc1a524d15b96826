package render

import (
	"slices"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/search"
)

// SearchEntries returns the search index's input, one search.Doc per
// published document, in the order of the index pages (processes,
// procedures, decisions).
func (s *Site) SearchEntries() ([]search.Doc, error) {
	x := s.x
	out := make([]search.Doc, 0, len(s.processes)+len(s.procedures)+len(s.decisions))
	add := func(doc qms.Document, obsolete bool, fields []string) error {
		b := doc.Base()
		t := x.tagOf(doc)
		body, err := s.bodyText(b.Body, b.Path)
		if err != nil {
			return err
		}
		e := search.Doc{
			URL: x.urls[doc], Kind: b.Kind.String(), KindLabel: b.Kind.Label(),
			Code: doc.ID(), Title: doc.Heading(), Obsolete: obsolete, Body: body,
		}
		if t != nil {
			e.Status = t.Label
		}
		for _, f := range fields {
			if f != "" {
				e.Fields = append(e.Fields, f)
			}
		}
		out = append(out, e)
		return nil
	}
	for _, p := range s.processes {
		fields := []string{p.Unit}
		for _, st := range p.Steps {
			fields = append(fields, st.Actor)
			fields = append(fields, st.Forms...)
		}
		for _, f := range p.Forms {
			fields = append(fields, f.Code, f.Title)
		}
		if err := add(p, processObsolete(p), dedupe(fields)); err != nil {
			return nil, err
		}
	}
	for _, p := range s.procedures {
		ab, _ := x.procedureAbolished(p)
		if err := add(p, ab, dedupe([]string{p.Field, p.Agency, p.Receiving})); err != nil {
			return nil, err
		}
	}
	for _, d := range s.decisions {
		if err := add(d, x.status[d].Kind.Obsolete(), []string{d.Issuer, qms.DecisionTypes[d.Type]}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dedupe returns ss without empty strings and repeats, in the order of
// their first occurrence, reusing ss. The lists are short: each string is
// looked for among those kept.
func dedupe(ss []string) []string {
	out := ss[:0]
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

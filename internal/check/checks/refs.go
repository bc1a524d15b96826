package checks

import (
	"strconv"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// ref is a citation of a decision in a document's front matter.
type ref struct {
	doc qms.Document
	// field is the front-matter key the citation is in: "legal_basis".
	field string
	cit   qms.Citation
}

// refs returns every parsed citation of a decision in c, document by
// document, field by field. Citations that failed to parse are left out:
// the loader has reported them.
func refs(c *qms.Corpus) []ref {
	var out []ref
	add := func(doc qms.Document, field string, cs ...qms.Citation) {
		for _, ct := range cs {
			if ct.Valid() {
				out = append(out, ref{doc, field, ct})
			}
		}
	}
	addp := func(doc qms.Document, field string, ct *qms.Citation) {
		if ct != nil {
			add(doc, field, *ct)
		}
	}
	for _, p := range c.Processes {
		addp(p, "approved_by", p.ApprovedBy)
		addp(p, "abolished_by", p.AbolishedBy)
		add(p, "legal_basis", p.LegalBasis...)
	}
	for _, p := range c.Procedures {
		add(p, "announced_by", p.AnnouncedBy...)
		add(p, "legal_basis", p.LegalBasis...)
		addp(p, "abolished_by", p.AbolishedBy)
	}
	for _, d := range c.Decisions {
		add(d, "supersedes", d.Supersedes...)
		add(d, "amends", d.Amends...)
	}
	return out
}

// processCites returns the citations a process relies on directly:
// legal_basis, then approved_by.
func processCites(p *qms.Process) []ref {
	var out []ref
	for _, ct := range p.LegalBasis {
		if ct.Valid() {
			out = append(out, ref{p, "legal_basis", ct})
		}
	}
	if p.ApprovedBy != nil && p.ApprovedBy.Valid() {
		out = append(out, ref{p, "approved_by", *p.ApprovedBy})
	}
	return out
}

// dated is a decision's number with its issued date, the way a citation
// that must name one of several documents sharing a number is written.
func dated(d *qms.Decision) string {
	return qms.Ref{Number: d.Number, Date: d.Issued}.String()
}

// since formats " từ ngày dd/mm/yyyy", or "" for the zero date.
func since(d qms.Date) string {
	if d.IsZero() {
		return ""
	}
	return " từ ngày " + d.VN()
}

// quoted quotes s for a message: “s”.
func quoted(s string) string { return "“" + s + "”" }

// itoa is strconv.Itoa.
func itoa(n int) string { return strconv.Itoa(n) }

package checks

import (
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// ref is a citation of a decision in a document's front matter.
type ref struct {
	doc qms.Document
	// field is the front-matter key the citation is in: "legal_basis".
	field string
	cit   qms.Citation
}

// resolver resolves citations for the rules. It passes over citations the
// rules must not look at: those that failed to parse (the loader reported
// them) and those that name, by file name, a decision whose number was
// changed in place (ID002 reports that one mistake; the citations would
// otherwise not resolve, or resolve to the wrong document).
type resolver struct {
	c *qms.Corpus
	// renumbered maps the number slug a misnamed decision's file name
	// gives to that decision's issued dates.
	renumbered map[string][]qms.Date
	// misspelt maps the canonical key of a decision number that lacks a
	// diacritic (ID003 reports it) to that decision's issued dates: a
	// citation spelt correctly would otherwise be reported as matching
	// only without diacritics, or not at all.
	misspelt map[string][]qms.Date
}

func newResolver(c *qms.Corpus) *resolver {
	r := &resolver{c: c, renumbered: map[string][]qms.Date{}, misspelt: map[string][]qms.Date{}}
	for _, d := range c.Decisions {
		if n, ok := d.Number.Canonical(); ok {
			r.misspelt[n.Key()] = append(r.misspelt[n.Key()], d.Issued)
		}
		if _, _, ok := decisionStem(c, d); ok || d.Number.IsZero() {
			continue
		}
		if old := trimYear(d.Stem); old != d.Number.Slug() {
			r.renumbered[old] = append(r.renumbered[old], d.Issued)
		}
	}
	return r
}

// ok reports whether the rules should look at ct.
func (r *resolver) ok(ct qms.Citation) bool {
	if !ct.Valid() {
		return false
	}
	if dates, hit := r.misspelt[ct.Ref.Number.Key()]; hit && !r.elsewhere(ct, dates) {
		return false
	}
	if len(r.renumbered) == 0 {
		return true
	}
	dates, hit := r.renumbered[ct.Ref.Number.Slug()]
	return !hit || !ct.Ref.Date.IsZero() && r.elsewhere(ct, dates)
}

// elsewhere reports whether ct, whose number is that of a decision being
// reported for its own number (issued on one of dates), names another
// document: it gives another date, or it has no date and another
// decision has its number.
func (r *resolver) elsewhere(ct qms.Citation, dates []qms.Date) bool {
	if ct.Ref.Date.IsZero() {
		return len(r.c.DecisionsByNumber(ct.Ref.Number)) > 0
	}
	for _, d := range dates {
		if d == ct.Ref.Date {
			return false
		}
	}
	return true
}

// lookup is Corpus.Lookup for the citations the rules look at, else nil.
func (r *resolver) lookup(ct *qms.Citation) *qms.Decision {
	if ct == nil || !r.ok(*ct) {
		return nil
	}
	return r.c.Lookup(ct.Ref)
}

// refs returns every citation of a decision in the corpus that the rules
// look at, document by document, field by field.
func (r *resolver) refs() []ref {
	c := r.c
	var out []ref
	add := func(doc qms.Document, field string, cs ...qms.Citation) {
		for _, ct := range cs {
			if r.ok(ct) {
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
		for _, a := range p.Revisions {
			addp(p, amendmentField(a, "approved_by"), a.ApprovedBy)
		}
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
func (r *resolver) processCites(p *qms.Process) []ref {
	var out []ref
	for _, ct := range p.LegalBasis {
		if r.ok(ct) {
			out = append(out, ref{p, "legal_basis", ct})
		}
	}
	if p.ApprovedBy != nil && r.ok(*p.ApprovedBy) {
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

// trimYear removes a trailing "-YYYY" from a decision's file stem.
func trimYear(stem string) string {
	if i := len(stem) - 5; i > 0 && stem[i] == '-' && allDigits(stem[i+1:]) {
		return stem[:i]
	}
	return stem
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

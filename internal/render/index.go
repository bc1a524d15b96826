package render

import "github.com/snnptnt-nghean/qms/internal/qms"

// index holds what every page needs to know about the corpus, computed
// once: statuses as of the build date, reverse references and page URLs.
type index struct {
	c      *qms.Corpus
	asOf   qms.Date
	drafts bool
	base   string // path under which the site lives, ends in "/"

	rel          *qms.Relations
	status       map[*qms.Decision]qms.Status
	citedBy      map[*qms.Decision][]citer
	implementers map[*qms.Procedure][]*qms.Process // published processes, corpus order
	urls         map[qms.Document]string           // published documents → "processes/qt-01/"
	byPath       map[string]qms.Document           // content path → document
	errors       map[string][]qms.Diagnostic       // content path → diagnostics shown on its page
}

// citer is a process or procedure that relies on a decision, and how.
type citer struct {
	Doc  qms.Document
	Role string
}

func newIndex(c *qms.Corpus, opts Options, base string, col *collator) *index {
	x := &index{
		c: c, asOf: opts.AsOf, drafts: opts.Drafts, base: base,
		rel:          c.Relations(),
		status:       map[*qms.Decision]qms.Status{},
		citedBy:      map[*qms.Decision][]citer{},
		implementers: map[*qms.Procedure][]*qms.Process{},
		urls:         map[qms.Document]string{},
		byPath:       map[string]qms.Document{},
	}
	x.showDiagnostics(opts.Diagnostics, opts.Warnings)
	x.assignURLs()
	for _, d := range c.Decisions {
		x.status[d] = x.rel.StatusOf(d, x.asOf)
	}
	for _, p := range c.Processes {
		if !x.published(p) {
			continue
		}
		x.cite(p, p.ApprovedBy, "Phê duyệt quy trình")
		for _, l := range p.LegalBasis {
			x.cite(p, &l, "Căn cứ pháp lý")
		}
		x.cite(p, p.AbolishedBy, "Bãi bỏ quy trình")
		seen := map[*qms.Procedure]bool{}
		for _, r := range p.Procedures {
			if pr := c.Procedure(r.Code); pr != nil && !seen[pr] {
				seen[pr] = true
				x.implementers[pr] = append(x.implementers[pr], p)
			}
		}
	}
	for _, p := range c.Procedures {
		for _, l := range p.AnnouncedBy {
			x.cite(p, &l, "Công bố thủ tục")
		}
		for _, l := range p.LegalBasis {
			x.cite(p, &l, "Căn cứ pháp lý")
		}
		x.cite(p, p.AbolishedBy, "Bãi bỏ thủ tục")
	}
	// Lists of documents read in code order: processes, then procedures.
	for _, ps := range x.implementers {
		sortByKey(ps, func(p *qms.Process) collated { return collated{col.codeKey(p.Code), p.Code} }, compareCollated)
	}
	type citerKey struct {
		kind int
		id   collated
	}
	for _, cs := range x.citedBy {
		sortByKey(cs, func(c citer) citerKey {
			id := c.Doc.ID()
			return citerKey{kindOrder(c.Doc.Base().Kind), collated{col.codeKey(id), id}}
		}, func(a, b citerKey) int {
			if a.kind != b.kind {
				return a.kind - b.kind
			}
			return compareCollated(a.id, b.id)
		})
	}
	return x
}

// showDiagnostics sets the diagnostics shown on the pages of the files
// they are about: errors, and warnings too when warnings is set.
func (x *index) showDiagnostics(ds []qms.Diagnostic, warnings bool) {
	x.errors = map[string][]qms.Diagnostic{}
	for _, d := range ds {
		if d.Severity == qms.Error || warnings && d.Severity == qms.Warning {
			x.errors[d.Pos.Path] = append(x.errors[d.Pos.Path], d)
		}
	}
}

// kindOrder lists processes, then procedures, then decisions.
func kindOrder(k qms.Kind) int {
	for i, o := range qms.Kinds {
		if o == k {
			return i
		}
	}
	return len(qms.Kinds)
}

// assignURLs gives every published document its page URL, the way
// qms.Corpus.PagePaths does for every reader of the corpus (the manual's
// export too): in corpus order, so that a duplicate stem (a check error)
// still gets a page of its own.
func (x *index) assignURLs() {
	for _, doc := range x.c.Documents() {
		x.byPath[doc.Base().Path] = doc
	}
	x.urls = x.c.PagePaths(x.drafts)
}

func (x *index) cite(doc qms.Document, c *qms.Citation, role string) {
	d := x.lookup(*nonNil(c))
	if d == nil {
		return
	}
	for i, e := range x.citedBy[d] {
		if e.Doc == doc {
			if e.Role != role {
				x.citedBy[d][i].Role = e.Role + ", " + lowerFirst(role)
			}
			return
		}
	}
	x.citedBy[d] = append(x.citedBy[d], citer{Doc: doc, Role: role})
}

func nonNil(c *qms.Citation) *qms.Citation {
	if c == nil {
		return &qms.Citation{}
	}
	return c
}

// lookup returns the decision a citation names, or nil.
func (x *index) lookup(c qms.Citation) *qms.Decision {
	if !c.Valid() {
		return nil
	}
	return x.c.Lookup(c.Ref)
}

// published reports whether doc has a page.
func (x *index) published(doc qms.Document) bool {
	if p, ok := doc.(*qms.Process); ok && p.Status == qms.StatusDraft {
		return x.drafts
	}
	return true
}

// url returns the path-absolute URL of doc's page, or "" when it has none.
func (x *index) url(doc qms.Document) string {
	if doc == nil {
		return ""
	}
	if r, ok := x.urls[doc]; ok {
		return x.base + r
	}
	return ""
}

// procedureAbolished reports whether p is abolished as of the build date.
func (x *index) procedureAbolished(p *qms.Procedure) (bool, *qms.Decision) {
	return x.c.ProcedureAbolished(p, x.asOf)
}

// processObsolete reports whether a process no longer has effect.
func processObsolete(p *qms.Process) bool { return p.Status == qms.StatusAbolished }

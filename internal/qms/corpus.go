package qms

import "sort"

// Corpus is every document loaded from a content root, each kind sorted by
// path. Call Index after changing the slices.
type Corpus struct {
	Decisions  []*Decision
	Procedures []*Procedure
	Processes  []*Process
	// Partial are the documents whose front matter has a syntax error
	// (Doc.Partial), sorted by path: they are in no slice above, so they
	// have no page and are not checked, but Index puts them in the lookup
	// tables, after the others, so that references to them resolve.
	Partial []Document
	// Org is the manual's qms.yaml, or DefaultOrganization when it has
	// none.
	Org Organization

	byKey    map[string][]*Decision // Number.Key()
	byFolded map[string][]*Decision // Number.FoldedKey()
	byCode   map[string]*Procedure
	byPCode  map[string]*Process

	supersededBy map[*Decision][]*Decision
	amendedBy    map[*Decision][]*Decision
}

// Index (re)builds the lookup tables. Documents whose identity failed to
// parse are left out of the tables.
func (c *Corpus) Index() {
	sort.Slice(c.Decisions, func(i, j int) bool { return c.Decisions[i].Path < c.Decisions[j].Path })
	sort.Slice(c.Procedures, func(i, j int) bool { return c.Procedures[i].Path < c.Procedures[j].Path })
	sort.Slice(c.Processes, func(i, j int) bool { return c.Processes[i].Path < c.Processes[j].Path })
	sort.Slice(c.Partial, func(i, j int) bool { return c.Partial[i].Base().Path < c.Partial[j].Base().Path })
	decisions, procedures, processes := c.Decisions, c.Procedures, c.Processes
	for _, d := range c.Partial {
		switch x := d.(type) {
		case *Decision:
			decisions = append(decisions[:len(decisions):len(decisions)], x)
		case *Procedure:
			procedures = append(procedures[:len(procedures):len(procedures)], x)
		case *Process:
			processes = append(processes[:len(processes):len(processes)], x)
		}
	}
	c.byKey = map[string][]*Decision{}
	c.byFolded = map[string][]*Decision{}
	c.byCode = map[string]*Procedure{}
	c.byPCode = map[string]*Process{}
	for _, d := range decisions {
		if d.Number.IsZero() {
			continue
		}
		c.byKey[d.Number.Key()] = append(c.byKey[d.Number.Key()], d)
		c.byFolded[d.Number.FoldedKey()] = append(c.byFolded[d.Number.FoldedKey()], d)
	}
	c.supersededBy = map[*Decision][]*Decision{}
	c.amendedBy = map[*Decision][]*Decision{}
	for _, o := range c.Decisions {
		for _, s := range o.Supersedes {
			if d := c.Lookup(s.Ref); s.Valid() && d != nil && d != o {
				c.supersededBy[d] = append(c.supersededBy[d], o)
			}
		}
		for _, s := range o.Amends {
			if d := c.Lookup(s.Ref); s.Valid() && d != nil && d != o {
				c.amendedBy[d] = append(c.amendedBy[d], o)
			}
		}
	}
	for _, p := range procedures {
		if p.Code != "" {
			if _, dup := c.byCode[p.Code]; !dup {
				c.byCode[p.Code] = p
			}
		}
	}
	for _, p := range processes {
		if p.Code != "" {
			if _, dup := c.byPCode[p.Code]; !dup {
				c.byPCode[p.Code] = p
			}
		}
	}
}

// Add appends d to the slice of its kind, or to Partial; call Index
// afterwards.
func (c *Corpus) Add(d Document) {
	if d != nil && d.Base().Partial {
		c.Partial = append(c.Partial, d)
		return
	}
	switch x := d.(type) {
	case *Decision:
		c.Decisions = append(c.Decisions, x)
	case *Procedure:
		c.Procedures = append(c.Procedures, x)
	case *Process:
		c.Processes = append(c.Processes, x)
	}
}

// Documents returns every document: processes, procedures, decisions.
func (c *Corpus) Documents() []Document {
	out := make([]Document, 0, len(c.Decisions)+len(c.Procedures)+len(c.Processes))
	for _, p := range c.Processes {
		out = append(out, p)
	}
	for _, p := range c.Procedures {
		out = append(out, p)
	}
	for _, d := range c.Decisions {
		out = append(out, d)
	}
	return out
}

// DecisionsByNumber returns the decisions with number n (two documents may
// share a number in different years).
func (c *Corpus) DecisionsByNumber(n Number) []*Decision { return c.byKey[n.Key()] }

// Procedure returns the procedure with the given code, or nil.
func (c *Corpus) Procedure(code string) *Procedure { return c.byCode[code] }

// Process returns the process with the given code, or nil.
func (c *Corpus) Process(code string) *Process { return c.byPCode[code] }

// Resolution is the outcome of resolving a reference.
type Resolution int

// Resolution outcomes.
const (
	Resolved     Resolution = iota // exactly one document; Decision is set
	DateMismatch                   // one document, but the citation's date differs from its issued date (a warning)
	Ambiguous                      // several documents share the number and the citation has no date
	DateNoMatch                    // several share the number and the date names none of them
	FoldedOnly                     // matches only once diacritics are removed; Decision is the canonical one
	NotFound                       // nothing matches
)

// Resolve finds the decision a reference names. Candidates lists the
// documents involved for Ambiguous and DateNoMatch.
func (c *Corpus) Resolve(r Ref) (d *Decision, res Resolution, candidates []*Decision) {
	if r.Number.IsZero() {
		return nil, NotFound, nil
	}
	exact := c.byKey[r.Number.Key()]
	if len(exact) == 0 {
		folded := c.byFolded[r.Number.FoldedKey()]
		if len(folded) > 0 {
			return pickByDate(folded, r.Date), FoldedOnly, folded
		}
		return nil, NotFound, nil
	}
	if len(exact) == 1 {
		d := exact[0]
		if !r.Date.IsZero() && r.Date != d.Issued {
			return d, DateMismatch, exact
		}
		return d, Resolved, exact
	}
	if r.Date.IsZero() {
		return nil, Ambiguous, exact
	}
	for _, d := range exact {
		if d.Issued == r.Date {
			return d, Resolved, exact
		}
	}
	return nil, DateNoMatch, exact
}

func pickByDate(ds []*Decision, date Date) *Decision {
	for _, d := range ds {
		if d.Issued == date {
			return d
		}
	}
	return ds[0]
}

// Lookup returns the decision a citation resolves to, accepting a date
// mismatch; nil when it does not resolve to exactly one document.
func (c *Corpus) Lookup(r Ref) *Decision {
	d, res, _ := c.Resolve(r)
	if res == Resolved || res == DateMismatch {
		return d
	}
	return nil
}

package qms

// Relations indexes the supersedes and amends relations of a corpus once,
// so that the status of many decisions can be derived without scanning the
// corpus for each one (Corpus.StatusOf does that scan: fine for one
// decision, quadratic for all of them). Build it after Index and rebuild it
// after changing the corpus.
type Relations struct {
	c            *Corpus
	supersededBy map[*Decision][]*Decision
	amendedBy    map[*Decision][]*Decision
}

// Relations builds the index of c's supersedes and amends citations.
func (c *Corpus) Relations() *Relations {
	r := &Relations{c: c, supersededBy: map[*Decision][]*Decision{}, amendedBy: map[*Decision][]*Decision{}}
	for _, o := range c.Decisions {
		for _, s := range o.Supersedes {
			if d := c.Lookup(s.Ref); s.Valid() && d != nil && d != o {
				r.supersededBy[d] = append(r.supersededBy[d], o)
			}
		}
		for _, s := range o.Amends {
			if d := c.Lookup(s.Ref); s.Valid() && d != nil && d != o {
				r.amendedBy[d] = append(r.amendedBy[d], o)
			}
		}
	}
	return r
}

// SupersededBy is Corpus.SupersededBy from the index.
func (r *Relations) SupersededBy(d *Decision) []*Decision { return r.supersededBy[d] }

// AmendedBy is Corpus.AmendedBy from the index.
func (r *Relations) AmendedBy(d *Decision) []*Decision { return r.amendedBy[d] }

// StatusOf is Corpus.StatusOf from the index: the same rules, the same
// result (graph_test.go holds the two together).
func (r *Relations) StatusOf(d *Decision, asOf Date) Status {
	if eff := d.EffectiveDate(); !eff.IsZero() && asOf.Before(eff) {
		return Status{Kind: NotYetEffective, Since: eff}
	}
	var st Status
	for _, o := range r.supersededBy[d] {
		e := o.EffectiveDate()
		if e.IsZero() || e.After(asOf) {
			continue
		}
		if st.By == nil || e.Before(st.Since) {
			st = Status{Kind: Superseded, By: o, Since: e}
		}
	}
	if !d.Repealed.IsZero() && !d.Repealed.After(asOf) && (st.By == nil || d.Repealed.Before(st.Since)) {
		st = Status{Kind: Repealed, Since: d.Repealed}
	}
	if st.Kind == "" && !d.Expires.IsZero() && !d.Expires.After(asOf) {
		st = Status{Kind: Expired, Since: d.Expires}
	}
	if st.Kind != "" {
		return st
	}
	for _, o := range r.amendedBy[d] {
		if e := o.EffectiveDate(); !e.IsZero() && !e.After(asOf) {
			st.AmendedBy = append(st.AmendedBy, o)
		}
	}
	if len(st.AmendedBy) > 0 {
		st.Kind = Amended
		return st
	}
	return Status{Kind: InForce}
}

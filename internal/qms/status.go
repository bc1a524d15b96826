package qms

// StatusKind is the derived status of a decision as of a date.
type StatusKind string

// Decision statuses.
const (
	InForce         StatusKind = "in-force"
	Amended         StatusKind = "amended"
	Superseded      StatusKind = "superseded"
	Repealed        StatusKind = "repealed"
	Expired         StatusKind = "expired"
	NotYetEffective StatusKind = "not-yet-effective"
)

// Label is the Vietnamese label of the status.
func (s StatusKind) Label() string {
	switch s {
	case InForce:
		return "Còn hiệu lực"
	case Amended:
		return "Còn hiệu lực (được sửa đổi)"
	case Superseded:
		return "Hết hiệu lực (bị thay thế)"
	case Repealed:
		return "Hết hiệu lực (bị bãi bỏ)"
	case Expired:
		return "Hết hiệu lực (hết thời hạn)"
	case NotYetEffective:
		return "Chưa có hiệu lực"
	}
	return string(s)
}

// Obsolete reports whether the status means the document no longer has
// effect.
func (s StatusKind) Obsolete() bool {
	return s == Superseded || s == Repealed || s == Expired
}

// Status is a decision's status as of a date.
type Status struct {
	Kind StatusKind
	// By is the superseding document (Superseded).
	By *Decision
	// Since is the date the status began (Superseded, Repealed, Expired).
	Since Date
	// AmendedBy lists the in-effect documents that amend it, by path.
	AmendedBy []*Decision
}

// SupersededBy returns the decisions in c that declare they supersede d
// (from the index built by Index).
func (c *Corpus) SupersededBy(d *Decision) []*Decision { return c.supersededBy[d] }

// AmendedBy returns the decisions in c that declare they amend d.
func (c *Corpus) AmendedBy(d *Decision) []*Decision { return c.amendedBy[d] }

// StatusOf derives d's status as of asOf: not yet effective before its
// effective date; superseded from the effective date of the earliest
// superseding document in effect; repealed from Repealed; expired from
// Expires; amended when an amending document is in effect.
func (c *Corpus) StatusOf(d *Decision, asOf Date) Status {
	if eff := d.EffectiveDate(); !eff.IsZero() && asOf.Before(eff) {
		return Status{Kind: NotYetEffective, Since: eff}
	}
	var st Status
	for _, o := range c.SupersededBy(d) {
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
	for _, o := range c.AmendedBy(d) {
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

// ProcedureAbolished reports whether p is abolished as of asOf, and by which
// decision (nil when the abolishing decision is not in the corpus, in which
// case the procedure counts as abolished from the moment it names one).
func (c *Corpus) ProcedureAbolished(p *Procedure, asOf Date) (bool, *Decision) {
	if p.AbolishedBy == nil {
		return false, nil
	}
	d := c.Lookup(p.AbolishedBy.Ref)
	if d == nil {
		return true, nil
	}
	if d.EffectiveDate().After(asOf) {
		return false, d
	}
	return true, d
}

package qms

// ProcessStatusOn is p's status as of asOf: StatusDraft as written;
// NotYetEffective while no issue of its amendment record is in force
// (IssueOn); StatusAbolished, for a process whose status is abolished,
// from the effective date of the decision that abolishes it, at once when
// that decision is not in the corpus or has no date; else StatusActive.
// The manual's export and the site's page of the manual on a date both
// read statuses this way.
func (c *Corpus) ProcessStatusOn(p *Process, asOf Date) string {
	switch {
	case p.Status == StatusDraft:
		return StatusDraft
	case !p.inForceOn(asOf):
		return string(NotYetEffective)
	case p.Status == StatusAbolished:
		if by := c.ProcessAbolishedBy(p); by != nil && by.EffectiveDate().After(asOf) {
			return StatusActive
		}
		return StatusAbolished
	}
	return StatusActive
}

// ProcessAbolishedBy returns the decision in c that abolished p, nil when
// p names none or names one the corpus does not have.
func (c *Corpus) ProcessAbolishedBy(p *Process) *Decision {
	if p.AbolishedBy == nil || !p.AbolishedBy.Valid() {
		return nil
	}
	return c.Lookup(p.AbolishedBy.Ref)
}

func (p *Process) inForceOn(date Date) bool {
	_, ok := p.IssueOn(date)
	return ok
}

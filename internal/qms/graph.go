package qms

// Relations is a view of a corpus's supersedes and amends relations. The
// corpus indexes them in Index, so a Relations value is cheap; it is kept
// so that callers can pass the relations around on their own.
type Relations struct {
	c *Corpus
}

// Relations returns the view of c's supersedes and amends relations.
func (c *Corpus) Relations() *Relations { return &Relations{c: c} }

// SupersededBy is Corpus.SupersededBy.
func (r *Relations) SupersededBy(d *Decision) []*Decision { return r.c.SupersededBy(d) }

// AmendedBy is Corpus.AmendedBy.
func (r *Relations) AmendedBy(d *Decision) []*Decision { return r.c.AmendedBy(d) }

// StatusOf is Corpus.StatusOf.
func (r *Relations) StatusOf(d *Decision, asOf Date) Status { return r.c.StatusOf(d, asOf) }

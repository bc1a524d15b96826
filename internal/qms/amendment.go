package qms

// Amendment is one row of a process's amendment record ("theo dõi sửa
// đổi"): the issue Revision took effect on Effective, promulgated by
// ApprovedBy, changing what Change says.
type Amendment struct {
	Revision   int
	Effective  Date
	ApprovedBy *Citation // nil when not given
	Change     string
	// Pos is where the row starts in the front matter; for the row
	// implied by a process without `revisions`, where its revision is.
	Pos Pos
}

// UnderReview says a process is being re-issued ("Đang rà soát"),
// typically because its basis was repealed or replaced.
type UnderReview struct {
	Since  Date
	Reason string
	Pos    Pos
}

// FirstIssue is the change of the implied first row of an amendment
// record.
const FirstIssue = "Ban hành lần đầu"

// Record returns the process's amendment record, oldest first: its
// `revisions` when written, else one row made from the document itself
// (its revision, effective date and approving decision; the change is
// FirstIssue for revision 1, empty otherwise). The slice is the
// process's own when written: do not modify it.
func (p *Process) Record() []Amendment {
	if len(p.Revisions) > 0 {
		return p.Revisions
	}
	a := Amendment{Revision: p.Revision, Effective: p.Effective, ApprovedBy: p.ApprovedBy, Pos: p.At("revision")}
	if p.Revision == 1 {
		a.Change = FirstIssue
	}
	return []Amendment{a}
}

// IssueOn returns the issue of the process in force on date: the last
// row of Record whose Effective is on or before date. ok is false when
// no row is, e.g. when the first issue takes effect later.
func (p *Process) IssueOn(date Date) (a Amendment, ok bool) {
	for _, r := range p.Record() {
		if !r.Effective.IsZero() && !r.Effective.After(date) {
			a, ok = r, true
		}
	}
	return a, ok
}

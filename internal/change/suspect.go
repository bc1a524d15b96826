package change

import (
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// suspect runs CC005: processes relying on a decision or procedure that
// changed.
func (c *comparison) suspect() {
	changedDec := map[*qms.Decision]string{}
	for _, h := range c.head.Corpus.Decisions {
		if b, ok := c.pairs.toBase[h].(*qms.Decision); ok {
			if ch := c.decisionChanges(b, h); len(ch) > 0 {
				changedDec[h] = strings.Join(ch, "; ")
			}
		}
	}
	changedProc := map[*qms.Procedure]string{}
	for _, h := range c.head.Corpus.Procedures {
		if b, ok := c.pairs.toBase[h].(*qms.Procedure); ok {
			if ch := c.procedureChanges(b, h); len(ch) > 0 {
				changedProc[h] = strings.Join(ch, "; ")
			}
		}
	}
	if len(changedDec) == 0 && len(changedProc) == 0 {
		return
	}
	hc := c.head.Corpus
	for _, p := range hc.Processes {
		b, ok := c.pairs.toBase[p].(*qms.Process)
		if !ok || p.Status == qms.StatusAbolished || p.Revision > b.Revision {
			continue // new, abolished, or re-approved in this change
		}
		done := map[any]bool{}
		cite := func(ct qms.Citation, field string) {
			if !ct.Valid() {
				return
			}
			d := hc.Lookup(ct.Ref)
			what, ok := changedDec[d]
			if d == nil || !ok || done[d] {
				return
			}
			done[d] = true
			if c.reportedObsolete(p, d, nil) {
				return
			}
			c.report(Suspect, ct.Pos, "cần xem xét lại quy trình: văn bản %s mà quy trình dựa vào (%s) đã thay đổi: %s",
				d.Number, field, what)
		}
		for _, ct := range p.LegalBasis {
			cite(ct, "legal_basis")
		}
		if p.ApprovedBy != nil {
			cite(*p.ApprovedBy, "approved_by")
		}
		for _, cr := range p.Procedures {
			pr := hc.Procedure(cr.Code)
			if pr == nil {
				continue
			}
			if what, ok := changedProc[pr]; ok && !done[pr] {
				done[pr] = true
				c.report(Suspect, cr.Pos, "cần xem xét lại quy trình: thủ tục %s mà quy trình thực hiện đã thay đổi: %s",
					pr.Code, what)
			}
			for _, ct := range pr.AnnouncedBy {
				if !ct.Valid() {
					continue
				}
				d := hc.Lookup(ct.Ref)
				what, ok := changedDec[d]
				if d == nil || !ok || done[d] {
					continue
				}
				done[d] = true
				if c.reportedObsolete(p, d, pr) {
					continue
				}
				c.report(Suspect, cr.Pos, "cần xem xét lại quy trình: văn bản %s công bố thủ tục %s mà quy trình thực hiện đã thay đổi: %s",
					d.Number, pr.Code, what)
			}
		}
	}
}

// reportedObsolete reports whether ST001 (internal/check/checks) already
// reports that the process p relies on d, which is obsolete as of today:
// directly, or (pr not nil) as the announcing decision of a procedure p
// implements that is not abolished and was not announced again by d's
// successor. One mistake gives one diagnostic: CC005 does not repeat it.
func (c *comparison) reportedObsolete(p *qms.Process, d *qms.Decision, pr *qms.Procedure) bool {
	if p.Status != qms.StatusActive {
		return false
	}
	st := c.headRel.StatusOf(d, c.opt.Today)
	if !st.Kind.Obsolete() {
		return false
	}
	if pr == nil {
		return true
	}
	if ab, _ := c.head.Corpus.ProcedureAbolished(pr, c.opt.Today); ab {
		return false
	}
	if st.By != nil {
		for _, ct := range pr.AnnouncedBy {
			if ct.Valid() && c.head.Corpus.Lookup(ct.Ref) == st.By {
				return false
			}
		}
	}
	return true
}

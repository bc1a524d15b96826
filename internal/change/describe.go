package change

import (
	"sort"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// What changed in a decision or a procedure, described for readers. Each
// function returns one phrase per change, "" when nothing it looks at
// changed.

// decisionChanges describes how decision b of base became h of head.
func (c *comparison) decisionChanges(b, h *qms.Decision) []string {
	bc, hc := c.base.Corpus, c.head.Corpus
	var out []string
	bs, hs := c.baseRel.StatusOf(b, c.opt.Today), c.headRel.StatusOf(h, c.opt.Today)
	statusChanged := !sameStatus(bs, hs)
	if statusChanged {
		out = append(out, "tình trạng hôm nay: "+statusPhrase(bs)+" → "+statusPhrase(hs))
	}
	out = appendDate(out, "ngày ký (issued)", b.Issued, h.Issued)
	out = appendDate(out, "ngày hiệu lực (effective)", b.EffectiveDate(), h.EffectiveDate())
	out = appendDate(out, "ngày hết hiệu lực (expires)", b.Expires, h.Expires)
	out = appendDate(out, "ngày bị bãi bỏ (repealed)", b.Repealed, h.Repealed)
	out = appendSet(out, "thay thế (supersedes)", citeSet(bc, b.Supersedes), citeSet(hc, h.Supersedes))
	out = appendSet(out, "sửa đổi (amends)", citeSet(bc, b.Amends), citeSet(hc, h.Amends))
	if !statusChanged {
		out = c.appendIncoming(out, "bị thay thế", c.baseRel.SupersededBy(b), c.headRel.SupersededBy(h))
		out = c.appendIncoming(out, "được sửa đổi", c.baseRel.AmendedBy(b), c.headRel.AmendedBy(h))
	}
	return out
}

// appendIncoming describes the documents that newly supersede or amend a
// decision ("sẽ bị thay thế bởi X từ ngày …") or no longer do.
func (c *comparison) appendIncoming(out []string, verb string, base, head []*qms.Decision) []string {
	bs, hs := docSet(base), docSet(head)
	for _, d := range head {
		if _, ok := bs[docKey(d)]; ok {
			continue
		}
		future := ""
		if d.EffectiveDate().After(c.opt.Today) {
			future = "sẽ "
		}
		out = append(out, future+verb+" bởi "+d.Number.String()+fromDate(d.EffectiveDate()))
	}
	for _, d := range base {
		if _, ok := hs[docKey(d)]; !ok {
			out = append(out, "không còn "+verb+" bởi "+d.Number.String())
		}
	}
	return out
}

// procedureChanges describes how procedure b of base became h of head.
func (c *comparison) procedureChanges(b, h *qms.Procedure) []string {
	bc, hc := c.base.Corpus, c.head.Corpus
	var out []string
	if b.TimeLimit != h.TimeLimit {
		out = append(out, "thời hạn giải quyết: "+orNone(b.TimeLimitText)+" → "+orNone(h.TimeLimitText))
	}
	out = appendSet(out, "văn bản công bố (announced_by)", citeSet(bc, b.AnnouncedBy), citeSet(hc, h.AnnouncedBy))
	out = appendSet(out, "căn cứ pháp lý (legal_basis)", citeSet(bc, b.LegalBasis), citeSet(hc, h.LegalBasis))
	ba, hb := citePtrSet(bc, b.AbolishedBy), citePtrSet(hc, h.AbolishedBy)
	out = appendSet(out, "quyết định bãi bỏ (abolished_by)", ba, hb)
	if sameSet(ba, hb) {
		bab, _ := bc.ProcedureAbolished(b, c.opt.Today)
		hab, _ := hc.ProcedureAbolished(h, c.opt.Today)
		if bab != hab {
			out = append(out, "tình trạng hôm nay: "+abolishedPhrase(bab)+" → "+abolishedPhrase(hab))
		}
	}
	return out
}

func abolishedPhrase(ab bool) string {
	if ab {
		return "đã bãi bỏ"
	}
	return "đang thực hiện"
}

func sameStatus(a, b qms.Status) bool {
	if a.Kind != b.Kind || a.Since != b.Since || docKey(a.By) != docKey(b.By) {
		return false
	}
	return sameSet(docSet(a.AmendedBy), docSet(b.AmendedBy))
}

// statusPhrase is a decision's status in words, with the document and date
// it comes from.
func statusPhrase(s qms.Status) string {
	switch s.Kind {
	case qms.InForce:
		return "còn hiệu lực"
	case qms.Amended:
		return "còn hiệu lực, được sửa đổi bởi " + joinDocs(s.AmendedBy)
	case qms.Superseded:
		return "bị thay thế bởi " + s.By.Number.String() + fromDate(s.Since)
	case qms.Repealed:
		return "bị bãi bỏ" + fromDate(s.Since)
	case qms.Expired:
		return "hết hiệu lực" + fromDate(s.Since)
	case qms.NotYetEffective:
		return "chưa có hiệu lực (hiệu lực" + fromDate(s.Since) + ")"
	}
	return string(s.Kind)
}

func fromDate(d qms.Date) string {
	if d.IsZero() {
		return ""
	}
	return " từ ngày " + d.VN()
}

func joinDocs(ds []*qms.Decision) string {
	var names []string
	for _, d := range ds {
		names = append(names, d.Number.String())
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func appendDate(out []string, what string, a, b qms.Date) []string {
	if a == b {
		return out
	}
	return append(out, what+": "+orNone(a.VN())+" → "+orNone(b.VN()))
}

func orNone(s string) string {
	if s == "" {
		return "(không có)"
	}
	return s
}

// A set of documents keyed by identity, with the name shown to readers.
type set map[string]string

func docKey(d *qms.Decision) string {
	if d == nil {
		return ""
	}
	return d.Number.Key() + "@" + d.Issued.String()
}

func docSet(ds []*qms.Decision) set {
	s := set{}
	for _, d := range ds {
		s[docKey(d)] = d.Number.String()
	}
	return s
}

// citeSet keys citations by the document they resolve to, or by the
// reference itself when they do not resolve.
func citeSet(c *qms.Corpus, cs []qms.Citation) set {
	s := set{}
	for _, ct := range cs {
		if !ct.Valid() {
			continue
		}
		if d := c.Lookup(ct.Ref); d != nil {
			s[docKey(d)] = d.Number.String()
		} else {
			s[ct.Ref.Number.Key()+"@"+ct.Ref.Date.String()] = ct.Ref.String()
		}
	}
	return s
}

func citePtrSet(c *qms.Corpus, ct *qms.Citation) set {
	if ct == nil {
		return set{}
	}
	return citeSet(c, []qms.Citation{*ct})
}

func sameSet(a, b set) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

// appendSet describes the difference between two sets: "what: thêm X; bỏ Y".
func appendSet(out []string, what string, a, b set) []string {
	var added, removed []string
	for k, v := range b {
		if _, ok := a[k]; !ok {
			added = append(added, v)
		}
	}
	for k, v := range a {
		if _, ok := b[k]; !ok {
			removed = append(removed, v)
		}
	}
	if len(added) == 0 && len(removed) == 0 {
		return out
	}
	sort.Strings(added)
	sort.Strings(removed)
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "thêm "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		parts = append(parts, "bỏ "+strings.Join(removed, ", "))
	}
	return append(out, what+": "+strings.Join(parts, ", "))
}

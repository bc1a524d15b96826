package render

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/textdiff"
)

// fieldChange is one changed front-matter field of a revision, as readers
// see it: "Lần ban hành: 1 → 2", "Căn cứ pháp lý: + 3463/QĐ-UBND,
// − 3465/QĐ-UBND".
type fieldChange struct {
	Label string
	Text  string
}

// String is the change as one line.
func (c fieldChange) String() string { return c.Label + ": " + c.Text }

// field is a front-matter field's value for comparison: a scalar (list
// false, its value val) or a list of items (vals) compared as a set in
// order.
type field struct {
	label string
	list  bool
	val   string
	vals  []string
}

func scalar(label, v string) field { return field{label: label, val: v} }

func list(label string, vs []string) field { return field{label: label, list: true, vals: vs} }

func citations(cs []qms.Citation) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.Text)
	}
	return out
}

func citation(c *qms.Citation) string {
	if c == nil {
		return ""
	}
	return c.Text
}

func date(d qms.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.VN()
}

// fieldsOf lists a document's front-matter fields in the order its page
// shows them. Steps are compared apart (stepChanges).
func fieldsOf(doc qms.Document) []field {
	switch d := doc.(type) {
	case *qms.Process:
		var procs []string
		for _, r := range d.Procedures {
			procs = append(procs, r.Code)
		}
		var forms []string
		for _, f := range d.Forms {
			forms = append(forms, strings.TrimSpace(f.Code+" "+f.Title))
		}
		var recs []string
		for _, r := range d.Records {
			t := r.Name
			if extra := strings.Trim(r.Keeper+", "+r.Retention, ", "); extra != "" {
				t += " (" + extra + ")"
			}
			recs = append(recs, t)
		}
		rev := ""
		if d.Revision != 0 {
			rev = strconv.Itoa(d.Revision)
		}
		return []field{
			scalar("Mã hiệu", d.Code),
			scalar("Tên quy trình", d.Title),
			scalar("Lần ban hành", rev),
			scalar("Ngày hiệu lực", date(d.Effective)),
			scalar("Phê duyệt bởi", citation(d.ApprovedBy)),
			scalar("Đơn vị chủ trì", d.Unit),
			scalar("Loại quy trình", enumLabel(processKindLabels, d.ProcKind)),
			scalar("Trạng thái", enumLabel(processStatusLabels, d.Status)),
			scalar("Bãi bỏ bởi", citation(d.AbolishedBy)),
			scalar("Hạn rà soát", date(d.ReviewBy)),
			scalar("Trách nhiệm soạn thảo", d.PreparedBy),
			scalar("Trách nhiệm xem xét", d.ReviewedBy),
			scalar("Trách nhiệm phê duyệt", d.Approver),
			list("Thủ tục hành chính thực hiện", procs),
			list("Căn cứ pháp lý", citations(d.LegalBasis)),
			list("Biểu mẫu", forms),
			list("Hồ sơ cần lưu", recs),
		}
	case *qms.Procedure:
		return []field{
			scalar("Mã thủ tục", d.Code),
			scalar("Tên thủ tục", d.Title),
			scalar("Lĩnh vực", d.Field),
			scalar("Cấp thực hiện", enumLabel(qms.Levels, d.Level)),
			scalar("Cơ quan giải quyết", d.Agency),
			scalar("Nơi tiếp nhận, trả kết quả", d.Receiving),
			scalar("Thời hạn giải quyết", d.TimeLimitText),
			scalar("Phí, lệ phí", d.Fee),
			list("Công bố tại", citations(d.AnnouncedBy)),
			list("Căn cứ pháp lý", citations(d.LegalBasis)),
			scalar("Bãi bỏ bởi", citation(d.AbolishedBy)),
		}
	case *qms.Decision:
		return []field{
			scalar("Số, ký hiệu", d.NumberText),
			scalar("Loại văn bản", enumLabel(qms.DecisionTypes, d.Type)),
			scalar("Cơ quan ban hành", d.Issuer),
			scalar("Ngày ban hành", date(d.Issued)),
			scalar("Ngày có hiệu lực", date(d.Effective)),
			scalar("Ngày hết hiệu lực", date(d.Expires)),
			scalar("Ngày bị bãi bỏ", date(d.Repealed)),
			scalar("Trích yếu", d.Title),
			list("Thay thế văn bản", citations(d.Supersedes)),
			list("Sửa đổi, bổ sung văn bản", citations(d.Amends)),
			scalar("Nguồn văn bản", d.Source),
		}
	}
	return nil
}

// fieldChanges compares the front matter of two versions of a document.
func fieldChanges(old, new qms.Document) []fieldChange {
	if old == nil || new == nil {
		return nil
	}
	if old.Base().Kind != new.Base().Kind {
		return []fieldChange{{"Loại tài liệu", old.Base().Kind.Label() + " → " + new.Base().Kind.Label()}}
	}
	var out []fieldChange
	if old.Base().Path != new.Base().Path {
		out = append(out, fieldChange{"Tệp", old.Base().Path + " → " + new.Base().Path})
	}
	of, nf := fieldsOf(old), fieldsOf(new)
	for i := range nf {
		if i >= len(of) {
			break
		}
		if t, ok := compareField(of[i], nf[i]); ok {
			out = append(out, fieldChange{nf[i].label, t})
		}
	}
	op, ok1 := old.(*qms.Process)
	np, ok2 := new.(*qms.Process)
	if ok1 && ok2 {
		if t := stepChanges(op.Steps, np.Steps); t != "" {
			out = append(out, fieldChange{"Các bước thực hiện", t})
		}
	}
	return out
}

// compareField describes how a field changed; false when it did not.
func compareField(o, n field) (string, bool) {
	if !n.list {
		a, b := o.val, n.val
		if a == b {
			return "", false
		}
		return orEmpty(a) + " → " + orEmpty(b), true
	}
	if slices.Equal(o.vals, n.vals) {
		return "", false // as most lists of most revisions are
	}
	// Added items first, then removed ones, each in list order.
	var added, removed []string
	for _, e := range textdiff.Diff(o.vals, n.vals, 200) {
		switch e.Op {
		case textdiff.Ins:
			for _, v := range n.vals[e.B0:e.B1] {
				added = append(added, "+ "+v)
			}
		case textdiff.Del:
			for _, v := range o.vals[e.A0:e.A1] {
				removed = append(removed, "− "+v)
			}
		}
	}
	parts := append(added, removed...)
	if len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, ", "), true
}

// enumLabel is labelOr without the dash for an empty value.
func enumLabel(m map[string]string, k string) string {
	if k == "" {
		return ""
	}
	return labelOr(m, k)
}

func orEmpty(s string) string {
	if s == "" {
		return "(trống)"
	}
	return s
}

// stepChanges summarises how a process's steps changed: their number, the
// steps added and removed, and for each step kept what changed in it.
// Steps are matched by who does what (actor and action); a step whose
// actor or action changed in place counts as edited.
func stepChanges(old, new []qms.Step) string {
	key := func(st qms.Step) string { return st.Actor + "\x00" + st.Action }
	ok, nk := make([]string, len(old)), make([]string, len(new))
	for i, st := range old {
		ok[i] = key(st)
	}
	for i, st := range new {
		nk[i] = key(st)
	}
	var parts []string
	if len(old) != len(new) {
		parts = append(parts, strconv.Itoa(len(old))+" → "+strconv.Itoa(len(new))+" bước")
	}
	edits := textdiff.Diff(ok, nk, 200)
	for i := 0; i < len(edits); i++ {
		e := edits[i]
		switch e.Op {
		case textdiff.Eq:
			for k := 0; k < e.A1-e.A0; k++ {
				parts = append(parts, stepEdit(e.B0+k+1, old[e.A0+k], new[e.B0+k])...)
			}
		case textdiff.Del:
			// A deletion followed by an insertion of as many steps is an
			// edit of those steps in place.
			if i+1 < len(edits) && edits[i+1].Op == textdiff.Ins && edits[i+1].B1-edits[i+1].B0 == e.A1-e.A0 {
				ins := edits[i+1]
				for k := 0; k < e.A1-e.A0; k++ {
					parts = append(parts, stepEdit(ins.B0+k+1, old[e.A0+k], new[ins.B0+k])...)
				}
				i++
				continue
			}
			for k := e.A0; k < e.A1; k++ {
				parts = append(parts, "bỏ bước "+strconv.Itoa(k+1)+" cũ ("+stepLabel(old[k])+")")
			}
		case textdiff.Ins:
			for k := e.B0; k < e.B1; k++ {
				parts = append(parts, "thêm bước "+strconv.Itoa(k+1)+" ("+stepLabel(new[k])+")")
			}
		}
	}
	return strings.Join(parts, "; ")
}

// stepEdit describes what changed in step n (1-based, new numbering).
func stepEdit(n int, o, s qms.Step) []string {
	pre := "bước " + strconv.Itoa(n) + ": "
	var out []string
	if o.Actor != s.Actor {
		out = append(out, pre+"trách nhiệm "+orEmpty(o.Actor)+" → "+orEmpty(s.Actor))
	}
	if o.Action != s.Action {
		out = append(out, pre+"nội dung “"+clip(o.Action)+"” → “"+clip(s.Action)+"”")
	}
	if o.TimeText != s.TimeText {
		out = append(out, pre+"thời gian "+orEmpty(o.TimeText)+" → "+orEmpty(s.TimeText))
	}
	if t, ok := compareField(list("", o.Forms), list("", s.Forms)); ok {
		out = append(out, pre+"biểu mẫu "+t)
	}
	return out
}

func stepLabel(st qms.Step) string {
	if st.Actor == "" {
		return clip(st.Action)
	}
	return st.Actor + ": " + clip(st.Action)
}

// clip shortens a text to about 80 characters for a summary.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:77])) + "…"
}

package content

import (
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

func enumKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (d *decoder) decision(root *yaml.Node, base qms.Doc) *qms.Decision {
	x := &qms.Decision{Doc: base}
	d.fields(root, "", nil, []field{
		{"number", true, func(n *yaml.Node, key string) {
			s, ok := d.scalar(n, key, "một số và ký hiệu văn bản")
			if !ok {
				return
			}
			x.NumberText = s
			num, err := qms.ParseNumber(s)
			if err != nil {
				d.errorf(n, idNumber, "số và ký hiệu không hợp lệ %q: %v", s, err)
				return
			}
			x.Number = num
		}},
		{"type", true, d.enum(&x.Type, enumKeys(qms.DecisionTypes))},
		{"issuer", true, d.str(&x.Issuer)},
		{"issued", true, d.date(&x.Issued)},
		{"title", true, d.str(&x.Title)},
		{"effective", false, d.date(&x.Effective)},
		{"expires", false, d.date(&x.Expires)},
		{"supersedes", false, d.citations(&x.Supersedes)},
		{"amends", false, d.citations(&x.Amends)},
		{"repealed", false, d.date(&x.Repealed)},
		{"source", false, d.str(&x.Source)},
	})
	return x
}

func (d *decoder) procedure(root *yaml.Node, base qms.Doc) *qms.Procedure {
	x := &qms.Procedure{Doc: base}
	d.fields(root, "", nil, []field{
		{"code", true, d.code(&x.Code)},
		{"title", true, d.str(&x.Title)},
		{"field", true, d.str(&x.Field)},
		{"level", true, d.enum(&x.Level, []string{"tinh", "huyen", "xa"})},
		{"agency", true, d.str(&x.Agency)},
		{"receiving", true, d.str(&x.Receiving)},
		{"time_limit", true, d.duration(&x.TimeLimitText, &x.TimeLimit)},
		{"fee", false, d.str(&x.Fee)},
		{"announced_by", true, d.citations(&x.AnnouncedBy)},
		{"legal_basis", false, d.citations(&x.LegalBasis)},
		{"abolished_by", false, d.citationPtr(&x.AbolishedBy)},
	})
	if _, ok := x.Keys["announced_by"]; ok && len(x.AnnouncedBy) == 0 && !hasNull(root, "announced_by") {
		d.errorf(nodeOf(root, "announced_by"), idMissing, "trường \"announced_by\" cần ít nhất một quyết định công bố")
	}
	return x
}

func (d *decoder) process(root *yaml.Node, base qms.Doc) *qms.Process {
	x := &qms.Process{Doc: base}
	seen := d.fields(root, "", nil, []field{
		{"code", true, d.code(&x.Code)},
		{"title", true, d.str(&x.Title)},
		{"kind", true, d.enum(&x.ProcKind, []string{qms.KindFramework, qms.KindTask})},
		{"unit", true, d.str(&x.Unit)},
		{"revision", true, d.positiveInt(&x.Revision)},
		{"effective", true, d.date(&x.Effective)},
		{"approved_by", false, d.citationPtr(&x.ApprovedBy)},
		{"status", true, d.enum(&x.Status, []string{qms.StatusDraft, qms.StatusActive, qms.StatusAbolished})},
		{"abolished_by", false, d.citationPtr(&x.AbolishedBy)},
		{"procedures", false, d.codes(&x.Procedures)},
		{"legal_basis", false, d.citations(&x.LegalBasis)},
		{"review_by", false, d.date(&x.ReviewBy)},
		{"prepared_by", false, d.str(&x.PreparedBy)},
		{"reviewed_by", false, d.str(&x.ReviewedBy)},
		{"approver", false, d.str(&x.Approver)},
		{"steps", false, d.list(func(n *yaml.Node, key string) {
			s := qms.Step{Pos: d.pos(n)}
			d.fields(n, key+".", n, []field{
				{"actor", true, d.str(&s.Actor)},
				{"action", true, d.str(&s.Action)},
				{"time", true, d.duration(&s.TimeText, &s.Time)},
				{"forms", false, d.strList(&s.Forms)},
			})
			x.Steps = append(x.Steps, s)
		})},
		{"forms", false, d.list(func(n *yaml.Node, key string) {
			var f qms.Form
			d.fields(n, key+".", n, []field{
				{"code", true, d.code(&f.Code)},
				{"title", true, d.str(&f.Title)},
			})
			x.Forms = append(x.Forms, f)
		})},
		{"records", false, d.list(func(n *yaml.Node, key string) {
			var r qms.Record
			d.fields(n, key+".", n, []field{
				{"name", true, d.str(&r.Name)},
				{"keeper", false, d.str(&r.Keeper)},
				{"retention", false, d.str(&r.Retention)},
			})
			x.Records = append(x.Records, r)
		})},
	})
	if x.Status != qms.StatusDraft && x.Status != "" && !seen["approved_by"] {
		d.errorf(nil, idMissing, "thiếu trường bắt buộc \"approved_by\": quy trình không ở trạng thái dự thảo phải ghi quyết định ban hành")
	}
	if x.Status == qms.StatusAbolished && !seen["abolished_by"] {
		d.errorf(nodeOf(root, "status"), idMissing, "quy trình đã bãi bỏ (status: abolished) phải ghi \"abolished_by\": quyết định bãi bỏ")
	}
	return x
}

func nodeOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func hasNull(m *yaml.Node, key string) bool {
	n := nodeOf(m, key)
	return n != nil && n.Tag == "!!null"
}

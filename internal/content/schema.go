package content

import (
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// The front-matter schemas of docs/mo-hinh-noi-dung.md. Their decode functions
// capture nothing, so a document's decoding allocates no closures.
var (
	decisionFields = []field[*qms.Decision]{
		{"number", true, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) {
			s, ok := d.scalar(n, key, "một số và ký hiệu văn bản")
			if !ok {
				return
			}
			x.NumberText = s
			if isPlaceholder(s) {
				return
			}
			num, err := qms.ParseNumber(s)
			if err != nil {
				d.errorf(n, idNumber, "số và ký hiệu không hợp lệ %q: %v", s, err)
				return
			}
			x.Number = num
		}},
		{"type", true, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) {
			d.enum(n, key, &x.Type, decisionTypes)
		}},
		{"issuer", true, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.str(n, key, &x.Issuer) }},
		{"issued", true, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.date(n, key, &x.Issued) }},
		{"title", true, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.str(n, key, &x.Title) }},
		{"effective", false, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.date(n, key, &x.Effective) }},
		{"expires", false, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.date(n, key, &x.Expires) }},
		{"supersedes", false, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.citations(n, key, &x.Supersedes) }},
		{"amends", false, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.citations(n, key, &x.Amends) }},
		{"repealed", false, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.date(n, key, &x.Repealed) }},
		{"source", false, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.str(n, key, &x.Source) }},
		{"announces", false, func(d *decoder, x *qms.Decision, n *yaml.Node, key string) { d.count(n, key, &x.Announces) }},
	}

	procedureFields = []field[*qms.Procedure]{
		{"code", true, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) { d.code(n, key, &x.Code) }},
		{"title", true, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) { d.str(n, key, &x.Title) }},
		{"field", true, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) { d.str(n, key, &x.Field) }},
		{"level", true, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) {
			d.enum(n, key, &x.Level, procedureLevels)
		}},
		{"agency", true, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) { d.str(n, key, &x.Agency) }},
		{"receiving", true, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) { d.str(n, key, &x.Receiving) }},
		{"time_limit", true, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) {
			d.duration(n, key, &x.TimeLimitText, &x.TimeLimit)
		}},
		{"fee", false, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) { d.str(n, key, &x.Fee) }},
		{"announced_by", true, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) { d.citations(n, key, &x.AnnouncedBy) }},
		{"legal_basis", false, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) { d.citations(n, key, &x.LegalBasis) }},
		{"abolished_by", false, func(d *decoder, x *qms.Procedure, n *yaml.Node, key string) {
			d.citationPtr(n, key, &x.AbolishedBy)
		}},
	}

	processFields = []field[*qms.Process]{
		{"code", true, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.code(n, key, &x.Code) }},
		{"title", true, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.str(n, key, &x.Title) }},
		{"kind", true, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.enum(n, key, &x.ProcKind, processKinds) }},
		{"unit", true, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.str(n, key, &x.Unit) }},
		{"revision", true, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.positiveInt(n, key, &x.Revision) }},
		{"effective", true, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.date(n, key, &x.Effective) }},
		{"approved_by", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.citationPtr(n, key, &x.ApprovedBy) }},
		{"status", true, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.enum(n, key, &x.Status, processStatuses) }},
		{"abolished_by", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.citationPtr(n, key, &x.AbolishedBy) }},
		{"procedures", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.codes(n, key, &x.Procedures) }},
		{"legal_basis", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.citations(n, key, &x.LegalBasis) }},
		{"review_by", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.date(n, key, &x.ReviewBy) }},
		{"prepared_by", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.str(n, key, &x.PreparedBy) }},
		{"reviewed_by", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.str(n, key, &x.ReviewedBy) }},
		{"approver", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) { d.str(n, key, &x.Approver) }},
		{"revisions", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) {
			decodeList(d, n, key, &x.Revisions, startAmendment, amendmentFields)
		}},
		{"under_review", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) {
			if n.Kind == yaml.MappingNode {
				x.UnderReview = &qms.UnderReview{Pos: d.pos(n)}
			}
			decodeMap(d, n, key, x.UnderReview, underReviewFields)
		}},
		{"steps", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) {
			decodeList(d, n, key, &x.Steps, startStep, stepFields)
		}},
		{"forms", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) {
			decodeList(d, n, key, &x.Forms, nil, formFields)
		}},
		{"records", false, func(d *decoder, x *qms.Process, n *yaml.Node, key string) {
			decodeList(d, n, key, &x.Records, nil, recordFields)
		}},
	}

	stepFields = []field[*qms.Step]{
		{"actor", true, func(d *decoder, x *qms.Step, n *yaml.Node, key string) { d.str(n, key, &x.Actor) }},
		{"action", true, func(d *decoder, x *qms.Step, n *yaml.Node, key string) { d.str(n, key, &x.Action) }},
		{"time", true, func(d *decoder, x *qms.Step, n *yaml.Node, key string) { d.duration(n, key, &x.TimeText, &x.Time) }},
		{"forms", false, func(d *decoder, x *qms.Step, n *yaml.Node, key string) { d.strList(n, key, &x.Forms) }},
	}

	amendmentFields = []field[*qms.Amendment]{
		{"revision", true, func(d *decoder, x *qms.Amendment, n *yaml.Node, key string) { d.positiveInt(n, key, &x.Revision) }},
		{"effective", true, func(d *decoder, x *qms.Amendment, n *yaml.Node, key string) { d.date(n, key, &x.Effective) }},
		{"approved_by", false, func(d *decoder, x *qms.Amendment, n *yaml.Node, key string) {
			d.citationPtr(n, key, &x.ApprovedBy)
		}},
		{"change", false, func(d *decoder, x *qms.Amendment, n *yaml.Node, key string) { d.str(n, key, &x.Change) }},
	}

	underReviewFields = []field[*qms.UnderReview]{
		{"since", true, func(d *decoder, x *qms.UnderReview, n *yaml.Node, key string) { d.date(n, key, &x.Since) }},
		{"reason", true, func(d *decoder, x *qms.UnderReview, n *yaml.Node, key string) { d.str(n, key, &x.Reason) }},
	}

	formFields = []field[*qms.Form]{
		{"code", true, func(d *decoder, x *qms.Form, n *yaml.Node, key string) { d.code(n, key, &x.Code) }},
		{"title", true, func(d *decoder, x *qms.Form, n *yaml.Node, key string) { d.str(n, key, &x.Title) }},
	}

	recordFields = []field[*qms.Record]{
		{"name", true, func(d *decoder, x *qms.Record, n *yaml.Node, key string) { d.str(n, key, &x.Name) }},
		{"keeper", false, func(d *decoder, x *qms.Record, n *yaml.Node, key string) { d.str(n, key, &x.Keeper) }},
		{"retention", false, func(d *decoder, x *qms.Record, n *yaml.Node, key string) { d.str(n, key, &x.Retention) }},
	}

	decisionTypes   = enumKeys(qms.DecisionTypes)
	procedureLevels = []string{"tinh", "huyen", "xa"}
	processKinds    = []string{qms.KindFramework, qms.KindTask}
	processStatuses = []string{qms.StatusDraft, qms.StatusActive, qms.StatusAbolished}
)

func enumKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// startStep records where a step starts.
func startStep(d *decoder, it *yaml.Node, s *qms.Step) { s.Pos = d.pos(it) }

// startAmendment records where a row of the amendment record starts.
func startAmendment(d *decoder, it *yaml.Node, a *qms.Amendment) { a.Pos = d.pos(it) }

func (d *decoder) decision(root *yaml.Node, base qms.Doc) *qms.Decision {
	x := &qms.Decision{Doc: base}
	decodeFields(d, root, x, "", nil, decisionFields)
	return x
}

func (d *decoder) procedure(root *yaml.Node, base qms.Doc) *qms.Procedure {
	x := &qms.Procedure{Doc: base}
	decodeFields(d, root, x, "", nil, procedureFields)
	if n := nodeOf(root, "announced_by"); n != nil && n.Tag != "!!null" && len(x.AnnouncedBy) == 0 {
		d.errorf(n, idMissing, "trường \"announced_by\" cần ít nhất một quyết định công bố")
	}
	return x
}

func (d *decoder) process(root *yaml.Node, base qms.Doc) *qms.Process {
	x := &qms.Process{Doc: base}
	decodeFields(d, root, x, "", nil, processFields)
	if _, ok := x.Keys["approved_by"]; !ok && x.Status != qms.StatusDraft && x.Status != "" {
		d.errorf(nil, idMissing, "thiếu trường bắt buộc \"approved_by\": quy trình không ở trạng thái dự thảo phải ghi quyết định ban hành")
	}
	if _, ok := x.Keys["abolished_by"]; !ok && x.Status == qms.StatusAbolished {
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

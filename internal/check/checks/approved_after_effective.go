package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var approvedAfterEffective = &check.Check{
	ID: "DT002", Name: "approved-after-effective", Severity: qms.Error,
	Doc: `Quyết định phê duyệt ban hành sau ngày hiệu lực của quy trình
Văn bản phê duyệt (approved_by) của một lần ban hành quy trình phải được
ký (issued) vào hoặc trước ngày quy trình có hiệu lực (effective): quy
trình chỉ có hiệu lực khi đã được phê duyệt. Nếu quyết định phê duyệt ghi
"có hiệu lực kể từ ngày ký", effective của quy trình thường bằng ngày ký
đó. Văn bản trong legal_basis được kiểm tra ở DT001.`,
	Run: runApprovedAfterEffective,
}

func runApprovedAfterEffective(pass *check.Pass) error {
	res := newResolver(pass.Corpus)
	for _, p := range pass.Corpus.Processes {
		if p.Effective.IsZero() {
			continue
		}
		d := res.lookup(p.ApprovedBy)
		if d == nil || d.Issued.IsZero() || !d.Issued.After(p.Effective) {
			continue
		}
		pass.Reportf(p.ApprovedBy.Pos, "quyết định phê duyệt %s ký ngày %s, sau ngày hiệu lực %s của quy trình",
			d.Number, d.Issued.VN(), p.Effective.VN())
	}
	return nil
}

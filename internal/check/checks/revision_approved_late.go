package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var revisionApprovedLate = &check.Check{
	ID: "RV003", Name: "revision-approved-after-effective", Severity: qms.Error,
	Doc: `Quyết định phê duyệt một lần ban hành trước ký sau ngày hiệu lực
Mỗi dòng của bảng theo dõi sửa đổi (revisions) có approved_by phải dẫn
một văn bản có trong decisions/ (nếu không, lỗi XR001), và văn bản đó
phải được ký (issued) vào hoặc trước ngày hiệu lực (effective) của chính
dòng đó, như DT002 đòi hỏi ở lần ban hành hiện hành. Dòng cuối là lần ban
hành hiện hành, trùng với đầu quy trình (RV002), nên được kiểm tra ở
DT002, không báo lại ở đây. Sửa số quyết định hoặc ngày hiệu lực bị ghi
nhầm của dòng đó.`,
	Run: runRevisionApprovedLate,
}

func runRevisionApprovedLate(pass *check.Pass) error {
	res := newResolver(pass.Corpus)
	for _, p := range pass.Corpus.Processes {
		for i := 0; i+1 < len(p.Revisions); i++ {
			a := p.Revisions[i]
			if a.Effective.IsZero() {
				continue
			}
			d := res.lookup(a.ApprovedBy)
			if d == nil || d.Issued.IsZero() || !d.Issued.After(a.Effective) {
				continue
			}
			pass.Reportf(a.ApprovedBy.Pos, "quyết định phê duyệt %s ký ngày %s, sau ngày hiệu lực %s của %s",
				d.Number, d.Issued.VN(), a.Effective.VN(), revisionName(a))
		}
	}
	return nil
}

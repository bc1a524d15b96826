package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var citedBeforeIssued = &check.Check{
	ID: "DT001", Name: "cited-before-issued", Severity: qms.Error,
	Doc: `Quy trình dẫn văn bản ban hành sau ngày hiệu lực của quy trình
Mỗi văn bản trong legal_basis của quy trình phải được ban hành (issued) vào
hoặc trước ngày quy trình có hiệu lực (effective): một lần ban hành quy
trình không thể căn cứ vào văn bản chưa có. Thường là do quy trình được
sửa theo văn bản mới mà chưa nâng revision và ngày hiệu lực, hoặc do ngày
ban hành của văn bản bị ghi sai. Văn bản phê duyệt (approved_by) được kiểm
tra riêng ở DT002.`,
	Run: runCitedBeforeIssued,
}

func runCitedBeforeIssued(pass *check.Pass) error {
	res := newResolver(pass.Corpus)
	for _, p := range pass.Corpus.Processes {
		if p.Effective.IsZero() {
			continue
		}
		for _, ct := range p.LegalBasis {
			d := res.lookup(&ct)
			if d == nil || d.Issued.IsZero() || !d.Issued.After(p.Effective) {
				continue
			}
			pass.Reportf(ct.Pos, "văn bản %s ban hành ngày %s, sau ngày hiệu lực %s của quy trình (legal_basis)",
				d.Number, d.Issued.VN(), p.Effective.VN())
		}
	}
	return nil
}

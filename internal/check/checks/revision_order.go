package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var revisionOrder = &check.Check{
	ID: "RV001", Name: "revision-order", Severity: qms.Error,
	Doc: `Các lần ban hành trong revisions không theo thứ tự
Bảng theo dõi sửa đổi của quy trình (revisions) ghi mỗi lần ban hành một
dòng, từ lần đầu đến lần hiện hành: lần ban hành (revision) của mỗi dòng
phải lớn hơn của dòng ngay trước nó, và ngày hiệu lực (effective) phải sau
ngày hiệu lực của dòng trước. Lỗi được báo ở dòng phá vỡ thứ tự, so với
dòng ngay trước: dòng ghi trùng hoặc nhỏ hơn lần ban hành trước, hoặc
ghi ngày hiệu lực trùng hay sớm hơn. Khi lần ban hành đã sai thứ tự, ngày
hiệu lực của dòng đó không bị báo thêm. Sắp xếp lại các dòng, hoặc sửa số
lần ban hành, ngày hiệu lực bị gõ nhầm.`,
	Run: runRevisionOrder,
}

func runRevisionOrder(pass *check.Pass) error {
	for _, p := range pass.Corpus.Processes {
		for i := 1; i < len(p.Revisions); i++ {
			prev, a := p.Revisions[i-1], p.Revisions[i]
			badRevision, badEffective := rowOrder(prev, a)
			if badRevision {
				pass.Reportf(p.At(rowKey(i, "revision")),
					"lần ban hành %d ghi sau lần ban hành %d: các dòng của revisions phải theo lần ban hành tăng dần, mỗi lần một dòng",
					a.Revision, prev.Revision)
				continue
			}
			if badEffective {
				pass.Reportf(p.At(rowKey(i, "effective")),
					"ngày hiệu lực %s của %s không sau ngày hiệu lực %s của %s ở dòng trước",
					a.Effective.VN(), revisionName(a), prev.Effective.VN(), revisionName(prev))
			}
		}
	}
	return nil
}

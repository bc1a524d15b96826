package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var reviewOverdue = &check.Check{
	ID: "PR003", Name: "review-overdue", Severity: qms.Warning,
	Doc: `Quy trình quá hạn xem xét
Quy trình có status active và có ngày xem xét định kỳ (review_by) đã qua
tính đến hôm nay (ngày review_by trước hôm nay). Hãy xem xét lại quy trình;
nếu không cần sửa, ghi ngày xem xét tiếp theo vào review_by, nếu cần sửa
thì nâng revision và ban hành lại. Quy trình dự thảo hoặc đã bãi bỏ không
bị cảnh báo.`,
	Run: runReviewOverdue,
}

func runReviewOverdue(pass *check.Pass) error {
	for _, p := range pass.Corpus.Processes {
		if p.Status != qms.StatusActive || p.ReviewBy.IsZero() || !p.ReviewBy.Before(pass.Today) {
			continue
		}
		days := int(pass.Today.Time().Sub(p.ReviewBy.Time()).Hours() / 24)
		pass.Reportf(p.At("review_by"), "quy trình %s đến hạn xem xét ngày %s, đã quá %d ngày",
			p.Code, p.ReviewBy.VN(), days)
	}
	return nil
}

package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var announcedOver = &check.Check{
	ID: "RV004", Name: "announced-over-count", Severity: qms.Warning,
	Doc: `Số thủ tục ghi nhận nhiều hơn số văn bản đã công bố
Văn bản công bố danh mục thủ tục hành chính có thể ghi số thủ tục được
công bố (announces). Kho thường chỉ ghi nhận một phần các thủ tục đó;
trang tổng quan hiển thị "19 trên 115 thủ tục đã ghi nhận". Khi số thủ tục
trong procedures/ dẫn văn bản này ở announced_by lớn hơn announces, hoặc
announces ghi sai, hoặc có thủ tục dẫn nhầm văn bản công bố: đối chiếu
lại số thủ tục trong quyết định và announced_by của từng thủ tục.`,
	Run: runAnnouncedOver,
}

func runAnnouncedOver(pass *check.Pass) error {
	for _, a := range pass.Corpus.AnnouncedCounts() {
		if !a.Over() {
			continue
		}
		pass.Reportf(a.Decision.At("announces"), "văn bản %s công bố %d thủ tục nhưng có %d thủ tục dẫn văn bản này ở announced_by",
			a.Decision.Number, a.Announced, a.Recorded)
	}
	return nil
}

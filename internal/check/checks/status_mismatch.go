package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var statusMismatch = &check.Check{
	ID: "PR004", Name: "status-mismatch", Severity: qms.Error,
	Doc: `Văn bản bãi bỏ không khớp với trạng thái quy trình
Trạng thái (status) của quy trình phải có văn bản làm căn cứ và không được
mâu thuẫn với nó. Quy trình có abolished_by (văn bản bãi bỏ) mà status là
draft hoặc active là mâu thuẫn: hoặc đổi status thành abolished, hoặc bỏ
abolished_by nếu quy trình vẫn đang áp dụng.

Các trường hợp thiếu văn bản được trình nạp báo là thiếu trường bắt buộc
(LD003): quy trình đã bãi bỏ (abolished) phải có abolished_by; quy trình
đang áp dụng hoặc đã bãi bỏ phải có approved_by; quy trình dự thảo (draft)
chưa cần approved_by.`,
	Run: runStatusMismatch,
}

func runStatusMismatch(pass *check.Pass) error {
	for _, p := range pass.Corpus.Processes {
		if p.AbolishedBy == nil || p.Status == "" || p.Status == qms.StatusAbolished {
			continue
		}
		pass.Reportf(p.AbolishedBy.Pos, "quy trình %s có văn bản bãi bỏ (abolished_by) nhưng status là %s; nếu đã bãi bỏ, ghi status: abolished",
			p.Code, p.Status)
	}
	return nil
}

package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var implementsAbolished = &check.Check{
	ID: "PR001", Name: "implements-abolished", Severity: qms.Error,
	Doc: `Quy trình đang áp dụng thực hiện thủ tục đã bị bãi bỏ
Một quy trình có status active không được thực hiện (procedures) một thủ
tục hành chính đã bị bãi bỏ tính đến hôm nay. Thủ tục bị bãi bỏ từ ngày có
hiệu lực của văn bản trong abolished_by của nó; nếu văn bản đó chưa có
trong sổ tay, thủ tục được coi là đã bị bãi bỏ. Cách sửa: bỏ mã thủ tục khỏi
quy trình (hoặc thay bằng thủ tục mới), hoặc bãi bỏ quy trình (status:
abolished, abolished_by).`,
	Run: runImplementsAbolished,
}

func runImplementsAbolished(pass *check.Pass) error {
	c := pass.Corpus
	for _, p := range c.Processes {
		if p.Status != qms.StatusActive {
			continue
		}
		for _, cr := range p.Procedures {
			pr := c.Procedure(cr.Code)
			if pr == nil {
				continue
			}
			ab, by := c.ProcedureAbolished(pr, pass.Today)
			if !ab {
				continue
			}
			if by != nil {
				pass.Reportf(cr.Pos, "thủ tục %s đã bị bãi bỏ%s theo %s",
					pr.Code, since(by.EffectiveDate()), by.Number)
			} else {
				pass.Reportf(cr.Pos, "thủ tục %s đã bị bãi bỏ theo %s",
					pr.Code, pr.AbolishedBy.Text)
			}
		}
	}
	return nil
}

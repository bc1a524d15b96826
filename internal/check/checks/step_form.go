package checks

import (
	"fmt"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var stepForm = &check.Check{
	ID: "PR005", Name: "step-form-unknown", Severity: qms.Error,
	Doc: `Bước quy trình dùng biểu mẫu không có trong danh sách biểu mẫu
Trường forms của một bước (steps) ghi mã các biểu mẫu dùng ở bước đó; mỗi
mã phải là code của một biểu mẫu trong danh sách forms của chính quy trình
(mục Biểu mẫu), viết đúng từng ký tự. Mã không có trong danh sách thường
do gõ nhầm hoặc quên khai báo biểu mẫu: trên trang web, bước đó không dẫn
được tới biểu mẫu. Thông báo nêu mã và gợi ý mã gần nhất. Cách sửa: sửa
mã trong bước, hoặc thêm biểu mẫu vào forms của quy trình.`,
	Run: runStepForm,
}

func runStepForm(pass *check.Pass) error {
	for _, p := range pass.Corpus.Processes {
		codes := make([]string, 0, len(p.Forms))
		known := map[string]bool{}
		for _, f := range p.Forms {
			c := strings.TrimSpace(f.Code)
			codes = append(codes, c)
			known[c] = true
		}
		for i, s := range p.Steps {
			for j, code := range s.Forms {
				code = strings.TrimSpace(code)
				if known[code] {
					continue
				}
				pos, ok := p.Keys[fmt.Sprintf("steps.%d.forms.%d", i, j)]
				if !ok {
					pos = s.Pos
				}
				hint := "; quy trình không khai báo biểu mẫu nào trong forms"
				if len(codes) > 0 {
					if hint = didYouMean(code, codes); hint == "" {
						hint = "; thêm biểu mẫu này vào forms của quy trình hoặc sửa mã"
					}
				}
				pass.Reportf(pos, "bước %d dùng biểu mẫu %s, không có trong danh sách biểu mẫu (forms) của quy trình%s",
					i+1, quoted(code), hint)
			}
		}
	}
	return nil
}

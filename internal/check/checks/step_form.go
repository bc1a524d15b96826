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
				// The item's own position when the loader records it,
				// else found from the step's forms value.
				pos, ok := p.Keys[fmt.Sprintf("steps.%d.forms.%d", i, j)]
				if !ok {
					if pos, ok = p.Keys[fmt.Sprintf("steps.%d.forms", i)]; ok {
						pos = listItemPos(p.Source, pos, j, code)
					}
				}
				if !ok {
					pos = s.Pos
				}
				hint := "; quy trình không khai báo biểu mẫu nào trong forms"
				if len(codes) > 0 {
					hint = "; thêm biểu mẫu này vào forms của quy trình hoặc sửa mã"
					if near := nearest(code, codes); len(near) > 0 {
						q := make([]string, len(near))
						for k, n := range near {
							q[k] = quoted(n)
						}
						hint = "; có phải " + strings.Join(q, " hoặc ") + "?"
					}
				}
				pass.Reportf(pos, "bước %d dùng biểu mẫu %s, không có trong danh sách biểu mẫu (forms) của quy trình%s",
					i+1, quoted(code), hint)
			}
		}
	}
	return nil
}

// listItemPos returns the position of item j of the YAML list whose value
// starts at pos in src: in a flow list ("[a, b]") the first occurrence of
// text after the "["; in a block list, the j-th line whose "- " is at the
// list's column, after the "- ". It returns pos when it cannot tell.
func listItemPos(src []byte, pos qms.Pos, j int, text string) qms.Pos {
	lines := strings.Split(string(src), "\n")
	if pos.Line < 1 || pos.Line > len(lines) || pos.Col < 1 {
		return pos
	}
	col := pos.Col - 1
	first := lines[pos.Line-1]
	if col >= len(first) {
		return pos
	}
	switch first[col] {
	case '[':
		if k := strings.Index(first[col:], text); k >= 0 {
			return qms.Pos{Path: pos.Path, Line: pos.Line, Col: pos.Col + k}
		}
	case '-':
		n := 0
		for i := pos.Line - 1; i < len(lines); i++ {
			l := lines[i]
			if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
				continue
			}
			indent := len(l) - len(strings.TrimLeft(l, " "))
			if indent < col || indent == col && l[col] != '-' {
				break
			}
			if indent == col {
				if n == j {
					return qms.Pos{Path: pos.Path, Line: i + 1, Col: pos.Col + 2}
				}
				n++
			}
		}
	}
	return pos
}

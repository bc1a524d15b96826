package rules

import (
	"fmt"
	"io"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
)

// categories names the check categories, by ID prefix, for the editors'
// guide.
var categories = map[string]string{
	"LD": "Đọc tệp và phần đầu (LD)",
	"XR": "Trích dẫn văn bản (XR)",
	"ST": "Hiệu lực của văn bản được dựa vào (ST)",
	"DT": "Ngày tháng (DT)",
	"TM": "Thời gian giải quyết (TM)",
	"PR": "Quy trình và thủ tục (PR)",
	"GR": "Thay thế, sửa đổi văn bản (GR)",
	"RV": "Theo dõi sửa đổi và số thủ tục ghi nhận (RV)",
	"ID": "Định danh và cách viết (ID)",
	"LK": "Liên kết trong nội dung (LK)",
	"PH": "Chỗ trống của mẫu (PH)",
	"CC": "Kiểm soát thay đổi khi so với bản gốc (CC)",
}

// WriteMarkdown writes every check of cs as a Markdown section for the
// editors' guide: a heading per category, then for each check its ID and
// title, its name and severity, and its explanation. The guide's section
// "Các mã kiểm tra" is this output (a test holds it to the checks' Doc).
func WriteMarkdown(w io.Writer, cs []*check.Check) error {
	var b strings.Builder
	cat := ""
	for _, c := range cs {
		if p := c.ID[:2]; p != cat {
			cat = p
			name := categories[p]
			if name == "" {
				name = p
			}
			fmt.Fprintf(&b, "### %s\n\n", name)
		}
		fmt.Fprintf(&b, "#### %s — %s\n\n", c.ID, c.Title())
		fmt.Fprintf(&b, "*%s* · tên `%s`\n\n", c.Severity.Label(), c.Name)
		for _, para := range strings.Split(c.Body(), "\n\n") {
			fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(para))
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

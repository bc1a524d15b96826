package checks

import (
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var brokenAnchor = &check.Check{
	ID: "LK002", Name: "broken-anchor", Severity: qms.Error,
	Doc: `Liên kết tới một mục không có trong tài liệu
Liên kết tới một mục của tài liệu khác viết tên tệp rồi "#" và mã của
mục: [Nội dung quy trình](qt-01.md#5-noi-dung-quy-trinh). Mã của một mục
được tạo từ tiêu đề của nó như trên trang web: bỏ dấu, chữ thường, khoảng
trắng và dấu câu thành "-" ("## 5. Nội dung quy trình" →
5-noi-dung-quy-trinh); hai mục cùng tên thì mục sau thêm "-2". Mã không
ứng với tiêu đề nào của tài liệu đích là lỗi, vì liên kết sẽ chỉ mở đầu
trang; thông báo gợi ý mã gần nhất. Liên kết tới tài liệu không có được
báo ở LK001.`,
	Run: runBrokenAnchor,
}

func runBrokenAnchor(pass *check.Pass) error {
	docs := pass.Corpus.Documents()
	byPath := make(map[string]*qms.Doc, len(docs))
	for _, d := range docs {
		byPath[d.Base().Path] = d.Base()
	}
	cache := newHeadingCache(pass.Corpus)
	for _, d := range docs {
		b := d.Base()
		for _, l := range b.Links {
			r := resolveLink(b.Path, l.Dest)
			if r.msg != "" || !r.md || r.fragment == "" {
				continue
			}
			target := byPath[r.target]
			if target == nil {
				continue
			}
			hs := cache.of(target)
			ids := make([]string, len(hs))
			found := false
			for i, h := range hs {
				ids[i] = h.ID
				found = found || h.ID == r.fragment
			}
			if found {
				continue
			}
			hint := ""
			if near := nearest(r.fragment, ids); len(near) > 0 {
				q := make([]string, len(near))
				for i, id := range near {
					q[i] = quoted("#" + id)
				}
				hint = "; có phải " + strings.Join(q, " hoặc ") + "?"
			} else if len(ids) == 0 {
				hint = "; tài liệu này không có tiêu đề mục nào"
			}
			pass.Reportf(l.Pos, "liên kết %s: %s không có mục %s%s",
				quoted(l.Dest), r.target, quoted("#"+r.fragment), hint)
		}
	}
	return nil
}

package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var fileName = &check.Check{
	ID: "ID002", Name: "file-name", Severity: qms.Error,
	Doc: `Tên tệp không khớp với định danh
Tên tệp (không kể thư mục và phần .md) được suy ra từ định danh của tài
liệu, để đường dẫn trên trang web ổn định và dễ đoán: số văn bản bỏ dấu,
chữ thường, "/" và khoảng trắng thành "-" (3463/QĐ-UBND → 3463-qd-ubnd.md);
khi kho có nhiều văn bản cùng số (ở các năm khác nhau), thêm năm ban hành
(3463-qd-ubnd-2020.md), và dạng có năm này cũng luôn được chấp nhận. Mã
thủ tục giữ nguyên nếu là mã quốc gia (1.004359.md), mã địa phương và mã
quy trình bỏ dấu, chữ thường, "/" và khoảng trắng thành "-" (QT-TS-03 →
qt-ts-03.md). Thư mục con không ảnh hưởng. Cách sửa: đổi tên tệp (và sửa
các liên kết tới nó).`,
	Run: runFileName,
}

func runFileName(pass *check.Pass) error {
	c := pass.Corpus
	for _, d := range c.Decisions {
		if d.Number.IsZero() {
			continue
		}
		slug := d.Number.Slug()
		shared := len(c.DecisionsByNumber(d.Number)) > 1
		what := "số văn bản " + d.Number.String()
		if d.Issued.IsZero() {
			if !shared && d.Stem != slug {
				reportFileName(pass, &d.Doc, "number", what, slug)
			}
			continue
		}
		dated := slug + "-" + itoa(d.Issued.Year)
		switch {
		case d.Stem == dated || (!shared && d.Stem == slug):
		case shared:
			reportFileName(pass, &d.Doc, "number", what+" (có văn bản khác cùng số, cần thêm năm ban hành)", dated)
		default:
			reportFileName(pass, &d.Doc, "number", what, slug)
		}
	}
	for _, p := range c.Procedures {
		if p.Code != "" && p.Stem != qms.CodeSlug(p.Code) {
			reportFileName(pass, &p.Doc, "code", "mã thủ tục "+p.Code, qms.CodeSlug(p.Code))
		}
	}
	for _, p := range c.Processes {
		if p.Code != "" && p.Stem != qms.CodeSlug(p.Code) {
			reportFileName(pass, &p.Doc, "code", "mã quy trình "+p.Code, qms.CodeSlug(p.Code))
		}
	}
	return nil
}

// reportFileName reports at the value of key that d's file name does not
// match what (the ID, described) and should be want.md.
func reportFileName(pass *check.Pass, d *qms.Doc, key, what, want string) {
	pass.Reportf(d.At(key), "tên tệp %s.md không khớp với %s; cần đặt là %s.md", d.Stem, what, want)
}

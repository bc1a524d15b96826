package checks

import (
	"strconv"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var fileName = &check.Check{
	ID: "ID002", Name: "file-name", Severity: qms.Error,
	Doc: `Tên tệp không khớp với định danh
Tên tệp (không kể thư mục và phần .md) được suy ra từ định danh của tài
liệu, để đường dẫn trên trang web ổn định và dễ đoán: số văn bản bỏ dấu,
chữ thường, "/" và khoảng trắng thành "-" (3463/QĐ-UBND → 3463-qd-ubnd.md);
khi sổ tay có nhiều văn bản cùng số (ở các năm khác nhau), thêm năm ban hành
(3463-qd-ubnd-2020.md), và dạng có năm này cũng luôn được chấp nhận. Mã
thủ tục giữ nguyên nếu là mã quốc gia (1.004359.md), mã địa phương và mã
quy trình bỏ dấu, chữ thường, "/" và khoảng trắng thành "-" (QT-TS-03 →
qt-ts-03.md). Thư mục con không ảnh hưởng. Cách sửa: đổi tên tệp (và sửa
các liên kết tới nó); nếu lỗi xuất hiện vì vừa gõ nhầm số hay mã trong tệp,
hãy sửa lại số hay mã đó. Tài liệu trùng định danh với tài liệu khác được
báo ở ID001, không báo thêm ở đây.`,
	Run: runFileName,
}

func runFileName(pass *check.Pass) error {
	c := pass.Corpus
	dup := map[*qms.Doc]bool{}
	for _, d := range duplicates(c) {
		dup[d.doc] = true
	}
	for _, d := range c.Decisions {
		if want, why, ok := decisionStem(c, d); !ok && !dup[&d.Doc] {
			reportFileName(pass, &d.Doc, "number", "số văn bản "+d.Number.String()+why, want)
		}
	}
	for _, p := range c.Procedures {
		if want, ok := codeStem(&p.Doc, p.Code); !ok && !dup[&p.Doc] {
			reportFileName(pass, &p.Doc, "code", "mã thủ tục "+p.Code, want)
		}
	}
	for _, p := range c.Processes {
		if want, ok := codeStem(&p.Doc, p.Code); !ok && !dup[&p.Doc] {
			reportFileName(pass, &p.Doc, "code", "mã quy trình "+p.Code, want)
		}
	}
	return nil
}

// decisionStem reports whether d's file name fits its number: the number's
// slug, or the slug and the issued year (required when another decision
// has the same number). want is the expected stem and why explains a
// required year. A decision whose number did not parse fits any name.
func decisionStem(c *qms.Corpus, d *qms.Decision) (want, why string, ok bool) {
	if d.Number.IsZero() {
		return "", "", true
	}
	slug := d.Number.Slug()
	shared := len(c.DecisionsByNumber(d.Number)) > 1
	if d.Issued.IsZero() {
		return slug, "", shared || d.Stem == slug
	}
	dated := slug + "-" + strconv.Itoa(d.Issued.Year)
	switch {
	case d.Stem == dated || (!shared && d.Stem == slug):
		return dated, "", true
	case shared:
		return dated, " (có văn bản khác cùng số, cần thêm năm ban hành)", false
	}
	return slug, "", false
}

// codeStem reports whether a procedure's or process's file name is its
// code's slug (qms.CodeSlug), and returns that slug.
func codeStem(d *qms.Doc, code string) (want string, ok bool) {
	if code == "" {
		return "", true
	}
	want = qms.CodeSlug(code)
	return want, d.Stem == want
}

// reportFileName reports at the value of key that d's file name does not
// match what (the ID, described) and should be want.md.
func reportFileName(pass *check.Pass, d *qms.Doc, key, what, want string) {
	pass.Reportf(d.At(key), "tên tệp %s.md không khớp với %s; cần đặt là %s.md", d.Stem, what, want)
}

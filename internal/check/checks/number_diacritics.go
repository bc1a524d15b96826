package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var numberDiacritics = &check.Check{
	ID: "ID003", Name: "number-diacritics", Severity: qms.Error,
	Doc: `Số của văn bản viết thiếu dấu
Trường number của một văn bản viết chữ "Đ" của ký hiệu thành "D", ví dụ
79/QD-UBND thay cho 79/QĐ-UBND, 61/2018/ND-CP thay cho 61/2018/NĐ-CP,
12/2020/NQ-HDND thay cho 12/2020/NQ-HĐND. Ký hiệu là một phần của số
hiệu chính thức: viết thiếu dấu thì loại văn bản bị đọc sai (79/QD-UBND
bị coi là công văn) và các trích dẫn viết đúng không khớp với văn bản.
Thông báo cho biết cách viết đúng để chép lại. Trong khi lỗi này còn, các
trích dẫn viết đúng số đó không bị báo thêm lỗi tham chiếu (XR001, XR003).
Trích dẫn viết thiếu dấu trong các tài liệu khác được báo ở XR003.`,
	Run: runNumberDiacritics,
}

func runNumberDiacritics(pass *check.Pass) error {
	for _, d := range pass.Corpus.Decisions {
		if c, ok := d.Number.Canonical(); ok {
			pass.Reportf(d.At("number"), "số văn bản %s viết thiếu dấu; viết đúng là %s",
				quoted(d.NumberText), quoted(c.String()))
		}
	}
	return nil
}

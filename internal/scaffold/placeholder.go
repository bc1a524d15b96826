package scaffold

import (
	"bytes"
	"unicode/utf8"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Marker starts every placeholder the templates write: "<điền tên …>".
const Marker = "<điền"

// Checks lists the rules of this package.
var Checks = []*check.Check{Placeholder}

// Placeholder is PH001.
var Placeholder = &check.Check{
	ID: "PH001", Name: "unfilled-placeholder", Severity: qms.Error,
	Doc: `Chỗ trống của mẫu chưa được điền
Tài liệu tạo bằng "qms new" có các chỗ trống dạng "<điền …>" nói rõ cần ghi
gì. Mỗi chỗ trống còn lại trong phần thông tin đầu hay phần nội dung là một
lỗi, để tài liệu chưa hoàn chỉnh không lọt vào sổ tay. Cách sửa: thay cả cụm
"<điền …>" (kể cả dấu < >) bằng nội dung thật, hoặc xóa dòng nếu không cần.`,
	Run: runPlaceholder,
}

func runPlaceholder(pass *check.Pass) error {
	for _, d := range pass.Corpus.Documents() {
		for _, ph := range Find(d.Base().Source) {
			ph.Pos.Path = d.Base().Path
			pass.Reportf(ph.Pos, "chưa điền chỗ trống “%s”", ph.Text)
		}
	}
	return nil
}

// Found is one placeholder in a file.
type Found struct {
	// Pos has Line and Col (in runes) set; Path is left empty.
	Pos qms.Pos
	// Text is the placeholder from "<điền" to its ">" (or to the end of
	// the line when it is not closed).
	Text string
}

// Find returns the placeholders in src, in order.
func Find(src []byte) []Found {
	var out []Found
	marker := []byte(Marker)
	line := 1
	for len(src) > 0 {
		eol := bytes.IndexByte(src, '\n')
		l := src
		if eol >= 0 {
			l, src = src[:eol], src[eol+1:]
		} else {
			src = nil
		}
		off := 0
		for {
			i := bytes.Index(l[off:], marker)
			if i < 0 {
				break
			}
			start := off + i
			end := bytes.IndexByte(l[start:], '>')
			if end < 0 {
				end = len(l)
			} else {
				end += start + 1
			}
			out = append(out, Found{
				Pos:  qms.Pos{Line: line, Col: utf8.RuneCount(l[:start]) + 1},
				Text: string(l[start:end]),
			})
			off = end
		}
		line++
	}
	return out
}

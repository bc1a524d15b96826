package checks

import (
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var duplicateID = &check.Check{
	ID: "ID001", Name: "duplicate-id", Severity: qms.Error,
	Doc: `Trùng số văn bản hoặc trùng mã
Mỗi tài liệu có một định danh duy nhất: số và ký hiệu của văn bản, mã của
thủ tục, mã hiệu của quy trình. Hai văn bản được phép cùng số và ký hiệu
khi năm ban hành khác nhau (văn bản cá biệt đánh số lại từ đầu mỗi năm);
cùng số trong cùng một năm là trùng. Mã thủ tục và mã quy trình được so
sánh không kể chữ hoa/thường và dấu (như tên tệp). Lỗi được báo ở tài liệu
sau (theo đường dẫn) và nêu tệp đã có định danh đó; tài liệu này không bị
báo thêm lỗi tên tệp (ID002).`,
	Run: runDuplicateID,
}

func runDuplicateID(pass *check.Pass) error {
	for _, d := range duplicates(pass.Corpus) {
		pass.Reportf(d.doc.At(d.key), "%s", d.msg)
	}
	return nil
}

// duplicate is a document whose ID an earlier one (by path) already has.
type duplicate struct {
	doc *qms.Doc
	key string // "number" or "code"
	msg string
}

// duplicates returns the documents of c whose ID is already taken: a
// decision number issued twice in one year, a procedure or process code
// whose slug (qms.CodeSlug) an earlier one has.
func duplicates(c *qms.Corpus) []duplicate {
	var out []duplicate
	type yearKey struct {
		key  string
		year int
	}
	numbers := map[yearKey]*qms.Decision{}
	for _, d := range c.Decisions {
		if d.Number.IsZero() || d.Issued.IsZero() {
			continue
		}
		k := yearKey{d.Number.Key(), d.Issued.Year}
		if first, dup := numbers[k]; dup {
			out = append(out, duplicate{&d.Doc, "number",
				fmt.Sprintf("số %s năm %d đã là số của %s", d.Number, d.Issued.Year, first.Path)})
			continue
		}
		numbers[k] = d
	}
	codes := map[string]string{}
	for _, p := range c.Procedures {
		out = dupCode(out, codes, &p.Doc, p.Code, "mã thủ tục")
	}
	codes = map[string]string{}
	for _, p := range c.Processes {
		out = dupCode(out, codes, &p.Doc, p.Code, "mã quy trình")
	}
	return out
}

// dupCode appends d to out when its code's slug is already in seen (slug
// → path), and records it in seen otherwise.
func dupCode(out []duplicate, seen map[string]string, d *qms.Doc, code, what string) []duplicate {
	if code == "" {
		return out
	}
	k := qms.CodeSlug(code)
	if first, dup := seen[k]; dup {
		return append(out, duplicate{d, "code", fmt.Sprintf("%s %s đã là mã của %s", what, code, first)})
	}
	seen[k] = d.Path
	return out
}

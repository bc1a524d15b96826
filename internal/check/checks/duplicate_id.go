package checks

import (
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
sau (theo đường dẫn) và nêu tệp đã có định danh đó.`,
	Run: runDuplicateID,
}

func runDuplicateID(pass *check.Pass) error {
	c := pass.Corpus
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
			pass.Reportf(d.At("number"), "số %s năm %d đã là số của %s", d.Number, d.Issued.Year, first.Path)
			continue
		}
		numbers[k] = d
	}
	codes := map[string]string{}
	for _, p := range c.Procedures {
		reportDupCode(pass, codes, &p.Doc, p.Code, "mã thủ tục")
	}
	codes = map[string]string{}
	for _, p := range c.Processes {
		reportDupCode(pass, codes, &p.Doc, p.Code, "mã quy trình")
	}
	return nil
}

// reportDupCode reports code when its slug is already in seen (slug → path),
// and records it otherwise.
func reportDupCode(pass *check.Pass, seen map[string]string, d *qms.Doc, code, what string) {
	if code == "" {
		return
	}
	k := qms.CodeSlug(code)
	if first, dup := seen[k]; dup {
		pass.Reportf(d.At("code"), "%s %s đã là mã của %s", what, code, first)
		return
	}
	seen[k] = d.Path
}

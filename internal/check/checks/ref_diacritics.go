package checks

import (
	"sort"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var refDiacritics = &check.Check{
	ID: "XR003", Name: "ref-diacritics", Severity: qms.Error,
	Doc: `Số văn bản viết thiếu dấu
Trích dẫn chỉ khớp với một văn bản trong sổ tay khi bỏ dấu tiếng Việt, ví dụ
3463/QD-UBND thay cho 3463/QĐ-UBND, 61/2018/ND-CP thay cho 61/2018/NĐ-CP.
Ký hiệu văn bản là một phần của số hiệu chính thức nên phải viết đúng như
trên văn bản; thông báo cho biết cách viết đúng để chép lại.`,
	Run: runRefDiacritics,
}

func runRefDiacritics(pass *check.Pass) error {
	c := pass.Corpus
	for _, r := range newResolver(c).refs() {
		_, res, cands := c.Resolve(r.cit.Ref)
		if res != qms.FoldedOnly {
			continue
		}
		seen := map[string]bool{}
		var spell []string
		for _, d := range cands {
			s := qms.Ref{Number: d.Number, Date: r.cit.Ref.Date}.String()
			if !seen[s] {
				seen[s] = true
				spell = append(spell, quoted(s))
			}
		}
		sort.Strings(spell)
		pass.Reportf(r.cit.Pos, "trích dẫn %s chỉ khớp khi bỏ dấu (%s); viết đúng là %s",
			quoted(r.cit.Text), r.field, strings.Join(spell, " hoặc "))
	}
	return nil
}

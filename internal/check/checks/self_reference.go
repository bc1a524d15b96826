package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var selfReference = &check.Check{
	ID: "GR002", Name: "self-reference", Severity: qms.Error,
	Doc: `Văn bản tự thay thế hoặc tự sửa đổi chính nó
Trường supersedes hoặc amends của một văn bản dẫn tới chính văn bản đó.
Thường là do chép nhầm số của văn bản vào danh sách văn bản bị thay thế;
hãy ghi số của văn bản cũ mà văn bản này thay thế hoặc sửa đổi.`,
	Run: runSelfReference,
}

func runSelfReference(pass *check.Pass) error {
	res := newResolver(pass.Corpus)
	for _, d := range pass.Corpus.Decisions {
		for _, l := range []struct {
			cits  []qms.Citation
			field string
			verb  string
		}{{d.Supersedes, "supersedes", "thay thế"}, {d.Amends, "amends", "sửa đổi"}} {
			for _, ct := range l.cits {
				if res.lookup(&ct) == d {
					pass.Reportf(ct.Pos, "văn bản %s tự %s chính nó (%s)", d.Number, l.verb, l.field)
				}
			}
		}
	}
	return nil
}

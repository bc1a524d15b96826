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
	eachReplacement(pass.Corpus, func(d, t *qms.Decision, ct qms.Citation, field, verb string) {
		if t == d {
			pass.Reportf(ct.Pos, "văn bản %s tự %s chính nó (%s)", d.Number, verb, field)
		}
	})
	return nil
}

// eachReplacement calls f for every citation in a decision's supersedes
// and amends, with the decision t it resolves to (nil when none), the
// field's name and the Vietnamese verb for it.
func eachReplacement(c *qms.Corpus, f func(d, t *qms.Decision, ct qms.Citation, field, verb string)) {
	res := newResolver(c)
	for _, d := range c.Decisions {
		for _, ct := range d.Supersedes {
			f(d, res.lookup(&ct), ct, "supersedes", "thay thế")
		}
		for _, ct := range d.Amends {
			f(d, res.lookup(&ct), ct, "amends", "sửa đổi")
		}
	}
}

package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var refDateMismatch = &check.Check{
	ID: "XR004", Name: "ref-date-mismatch", Severity: qms.Warning,
	Doc: `Ngày trong trích dẫn khác ngày ban hành
Trích dẫn ghi ngày ("61/2018/NĐ-CP ngày 25/4/2018") nhưng chỉ có một văn
bản mang số đó và ngày ban hành (issued) của nó khác ngày được ghi. Văn
bản thật đôi khi cũng dẫn sai ngày, nên đây là cảnh báo: trích dẫn vẫn
được hiểu là văn bản duy nhất mang số đó. Hãy sửa ngày trong trích dẫn,
hoặc sửa issued nếu chính tệp văn bản ghi sai.`,
	Run: runRefDateMismatch,
}

func runRefDateMismatch(pass *check.Pass) error {
	c := pass.Corpus
	for _, r := range newResolver(c).refs() {
		d, res, _ := c.Resolve(r.cit.Ref)
		if res != qms.DateMismatch {
			continue
		}
		pass.Reportf(r.cit.Pos, "trích dẫn ghi ngày %s nhưng văn bản %s ban hành ngày %s (%s)",
			r.cit.Ref.Date.VN(), d.Number, d.Issued.VN(), d.Path)
	}
	return nil
}

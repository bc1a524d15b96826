package checks

import (
	"sort"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var ambiguousRef = &check.Check{
	ID: "XR002", Name: "ambiguous-ref", Severity: qms.Error,
	Doc: `Trích dẫn không chỉ rõ văn bản nào trong các văn bản cùng số
Văn bản cá biệt (quyết định, công văn, kế hoạch...) đánh số lại từ đầu mỗi
năm, nên hai văn bản có thể cùng số và ký hiệu, ví dụ 3463/QĐ-UBND năm 2019
và 3463/QĐ-UBND năm 2020. Khi sổ tay có nhiều văn bản cùng số, trích dẫn phải
ghi thêm ngày ban hành theo cách viết thông thường: "3463/QĐ-UBND ngày
06/10/2020". Thiếu ngày là lỗi; ngày không trùng ngày ban hành của văn bản
nào mang số đó cũng là lỗi. Thông báo liệt kê các văn bản cùng số kèm ngày
ban hành để chọn.`,
	Run: runAmbiguousRef,
}

func runAmbiguousRef(pass *check.Pass) error {
	c := pass.Corpus
	for _, r := range newResolver(c).refs() {
		_, res, cands := c.Resolve(r.cit.Ref)
		switch res {
		case qms.Ambiguous:
			pass.Reportf(r.cit.Pos, "số %s dùng cho %d văn bản, cần ghi thêm ngày ban hành (%s): %s",
				r.cit.Ref.Number, len(cands), r.field, candidateList(cands))
		case qms.DateNoMatch:
			pass.Reportf(r.cit.Pos, "không có văn bản số %s ban hành ngày %s (%s); các văn bản mang số này: %s",
				r.cit.Ref.Number, r.cit.Ref.Date.VN(), r.field, candidateList(cands))
		}
	}
	return nil
}

// candidateList lists decisions sharing a number as dated citations, by
// issued date.
func candidateList(ds []*qms.Decision) string {
	ds = append([]*qms.Decision(nil), ds...)
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].Issued != ds[j].Issued {
			return ds[i].Issued.Before(ds[j].Issued)
		}
		return ds[i].Path < ds[j].Path
	})
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = quoted(dated(d))
	}
	return strings.Join(s, ", ")
}

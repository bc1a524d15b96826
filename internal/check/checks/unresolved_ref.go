package checks

import (
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var unresolvedRef = &check.Check{
	ID: "XR001", Name: "unresolved-ref", Severity: qms.Error,
	Doc: `Tham chiếu tới tài liệu không có trong sổ tay
Mỗi số văn bản được dẫn trong supersedes, amends, announced_by,
legal_basis, abolished_by và approved_by phải là số của một văn bản có
trong decisions/; mỗi mã thủ tục trong procedures của quy trình phải là mã
của một thủ tục có trong procedures/. Số được so sánh sau khi chuẩn hóa
(tiền tố "Số:", khoảng trắng, các loại gạch ngang, số 0 ở đầu không tính).
Khi có số hoặc mã gần giống (khác một vài ký tự, không kể dấu và chữ
hoa/thường), thông báo gợi ý "có phải ...?". Văn bản chưa có trong sổ tay thì
thêm tệp cho nó vào decisions/. Khi số hay mã được dẫn đúng là tên tệp của
một tài liệu mà số hay mã bên trong đã bị sửa (lỗi ID002), các trích dẫn
đó không bị báo thêm: sửa tài liệu ấy trước.`,
	Run: runUnresolvedRef,
}

func runUnresolvedRef(pass *check.Pass) error {
	c := pass.Corpus
	var numbers []string
	for _, d := range c.Decisions {
		if !d.Number.IsZero() {
			numbers = append(numbers, d.Number.String())
		}
	}
	for _, r := range newResolver(c).refs() {
		if _, res, _ := c.Resolve(r.cit.Ref); res != qms.NotFound {
			continue
		}
		n := r.cit.Ref.Number.String()
		pass.Reportf(r.cit.Pos, "không tìm thấy văn bản số %s (%s) trong decisions/%s",
			n, r.field, didYouMean(n, numbers))
	}
	// A procedure whose code was changed in place (ID002): a reference to
	// the code its file name gives is that mistake, reported there once.
	misnamedCode := map[string]bool{}
	var codes []string
	for _, p := range c.Procedures {
		if p.Code != "" {
			codes = append(codes, p.Code)
		}
		if _, ok := codeStem(&p.Doc, p.Code); !ok {
			misnamedCode[p.Stem] = true
		}
	}
	for _, p := range c.Processes {
		for _, cr := range p.Procedures {
			if cr.Code == "" || c.Procedure(cr.Code) != nil || misnamedCode[qms.CodeSlug(cr.Code)] {
				continue
			}
			pass.Reportf(cr.Pos, "không tìm thấy thủ tục mã %s trong procedures/%s",
				cr.Code, didYouMean(cr.Code, codes))
		}
	}
	return nil
}

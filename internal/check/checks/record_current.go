package checks

import (
	"strconv"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var recordCurrent = &check.Check{
	ID: "RV002", Name: "record-not-current", Severity: qms.Error,
	Doc: `Dòng cuối của revisions khác lần ban hành hiện hành của quy trình
Dòng cuối của bảng theo dõi sửa đổi (revisions) là lần ban hành hiện hành,
nên phải trùng với revision, effective và approved_by ở đầu quy trình.
Khi ban hành lại quy trình, sửa cả hai nơi: tăng revision, sửa effective,
approved_by của quy trình và thêm một dòng vào cuối revisions với đúng các
giá trị đó. Nếu lần ban hành khác nhau, lỗi được báo ở revision của quy
trình: thêm dòng còn thiếu vào revisions, hoặc sửa revision của quy trình
theo dòng cuối. Nếu cùng lần ban hành mà ngày hiệu lực hoặc quyết định
phê duyệt khác nhau, lỗi được báo ở dòng cuối, nêu các giá trị khác nhau;
sửa nơi ghi sai. Hai cách ghi cùng một quyết định (có hay không có ngày
ký) được coi là trùng. Bảng sai thứ tự chỉ được báo ở RV001; trích dẫn
không tìm thấy văn bản được báo ở XR001, không báo ở đây.`,
	Run: runRecordCurrent,
}

func runRecordCurrent(pass *check.Pass) error {
	res := newResolver(pass.Corpus)
	for _, p := range pass.Corpus.Processes {
		n := len(p.Revisions)
		if n == 0 || p.Revision == 0 || p.Revisions[n-1].Revision == 0 || !recordOrdered(p) {
			continue
		}
		last := p.Revisions[n-1]
		switch {
		case last.Revision < p.Revision:
			fix := "revision: " + strconv.Itoa(p.Revision)
			if !p.Effective.IsZero() {
				fix += ", effective: " + p.Effective.String()
			}
			if p.ApprovedBy != nil {
				fix += ", approved_by: " + p.ApprovedBy.Text
			}
			pass.Reportf(p.At("revision"),
				"lần ban hành %d chưa được ghi vào revisions (dòng cuối là lần ban hành %d): thêm vào cuối revisions một dòng %s",
				p.Revision, last.Revision, fix)
			continue
		case last.Revision > p.Revision:
			pass.Reportf(p.At("revision"),
				"quy trình ghi lần ban hành %d nhưng dòng cuối của revisions là lần ban hành %d: sửa revision, effective, approved_by của quy trình theo dòng cuối, hoặc xóa dòng ghi thừa",
				p.Revision, last.Revision)
			continue
		}
		var diffs []string
		at := qms.Pos{}
		if !last.Effective.IsZero() && !p.Effective.IsZero() && last.Effective != p.Effective {
			diffs = append(diffs, "ngày hiệu lực "+last.Effective.VN()+" (quy trình ghi "+p.Effective.VN()+")")
			at = p.At(rowKey(n-1, "effective"))
		}
		if d := approvalDiff(res, last.ApprovedBy, p.ApprovedBy); d != "" {
			diffs = append(diffs, d)
			if at.Line == 0 {
				at = last.Pos
				if last.ApprovedBy != nil {
					at = last.ApprovedBy.Pos
				}
			}
		}
		if len(diffs) == 0 {
			continue
		}
		pass.Reportf(at, "dòng cuối của revisions (lần ban hành %d) ghi %s: phải trùng với quy trình, sửa nơi ghi sai",
			last.Revision, strings.Join(diffs, ", "))
	}
	return nil
}

// approvalDiff describes how the approving decision of the last row of a
// record, row, differs from the process's, doc; "" when they name the same
// decision, or when either does not resolve (XR001 and its kin report
// that).
func approvalDiff(res *resolver, row, doc *qms.Citation) string {
	switch {
	case row == nil && doc == nil, row != nil && !row.Valid(), doc != nil && !doc.Valid():
		return "" // nothing to compare, or the loader reported the citation
	case row == nil:
		return "không có approved_by (quy trình ghi " + doc.Text + ")"
	case doc == nil:
		return "approved_by " + row.Text + " (quy trình không ghi approved_by)"
	}
	a, b := res.lookup(row), res.lookup(doc)
	if a == nil || b == nil || a == b {
		return ""
	}
	return "approved_by " + row.Text + " (quy trình ghi " + doc.Text + ")"
}

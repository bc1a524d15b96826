package checks

import (
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var reliesOnObsolete = &check.Check{
	ID: "ST001", Name: "relies-on-obsolete", Severity: qms.Error,
	Doc: `Quy trình đang áp dụng dựa vào văn bản đã hết hiệu lực
Một quy trình có status active không được dựa vào văn bản đã bị thay thế,
bị bãi bỏ hoặc hết thời hạn tính đến hôm nay (ngày chạy kiểm tra, hoặc
ngày --as-of). Quy trình dựa vào một văn bản khi văn bản đó nằm trong
legal_basis, là approved_by, hoặc là văn bản công bố (announced_by) của
một thủ tục mà quy trình thực hiện. Thông báo nêu văn bản thay thế và ngày
thay thế; nếu văn bản thay thế cũng đã bị thay thế, nêu cả văn bản đang
có hiệu lực ở cuối chuỗi. Cách sửa: cập nhật quy trình theo văn bản mới,
nâng revision và ban hành lại.

Mỗi văn bản hết hiệu lực được báo một lần cho mỗi quy trình, ưu tiên ở
chỗ quy trình dẫn trực tiếp. Với văn bản công bố thủ tục: không báo khi
văn bản thay thế nó cũng có trong announced_by của thủ tục (thủ tục đã
được công bố lại), và không báo cho thủ tục đã bị bãi bỏ (quy tắc PR001
báo việc đó).`,
	Run: runReliesOnObsolete,
}

func runReliesOnObsolete(pass *check.Pass) error {
	c := pass.Corpus
	res := newResolver(c)
	rel := c.Relations()
	status := map[*qms.Decision]qms.Status{}
	statusOf := func(d *qms.Decision) qms.Status {
		st, ok := status[d]
		if !ok {
			st = rel.StatusOf(d, pass.Today)
			status[d] = st
		}
		return st
	}
	for _, p := range c.Processes {
		if p.Status != qms.StatusActive {
			continue
		}
		done := map[*qms.Decision]bool{}
		for _, r := range res.processCites(p) {
			d := res.lookup(&r.cit)
			if d == nil || done[d] {
				continue
			}
			done[d] = true
			if st := statusOf(d); st.Kind.Obsolete() {
				pass.Reportf(r.cit.Pos, "quy trình đang áp dụng dựa vào %s (%s), %s",
					d.Number, r.field, obsoleteText(statusOf, st))
			}
		}
		for _, cr := range p.Procedures {
			pr := c.Procedure(cr.Code)
			if pr == nil {
				continue
			}
			if ab, _ := c.ProcedureAbolished(pr, pass.Today); ab {
				continue
			}
			announced := map[*qms.Decision]bool{}
			for _, ct := range pr.AnnouncedBy {
				if d := res.lookup(&ct); d != nil {
					announced[d] = true
				}
			}
			for _, ct := range pr.AnnouncedBy {
				d := res.lookup(&ct)
				if d == nil || done[d] {
					continue
				}
				st := statusOf(d)
				if !st.Kind.Obsolete() || (st.By != nil && announced[st.By]) {
					continue
				}
				done[d] = true
				pass.Reportf(cr.Pos, "quy trình đang áp dụng thực hiện thủ tục %s, công bố tại %s, %s",
					pr.Code, d.Number, obsoleteText(statusOf, st))
			}
		}
	}
	return nil
}

// obsoleteText says why a document is obsolete: "văn bản đã bị thay thế
// bởi X từ ngày dd/mm/yyyy", following the chain of replacements to the
// document in force at its end.
func obsoleteText(statusOf func(*qms.Decision) qms.Status, st qms.Status) string {
	switch st.Kind {
	case qms.Repealed:
		return "văn bản đã bị bãi bỏ" + since(st.Since)
	case qms.Expired:
		return "văn bản đã hết hiệu lực" + since(st.Since)
	}
	s := fmt.Sprintf("văn bản đã bị thay thế bởi %s%s", st.By.Number, since(st.Since))
	last := st.By
	seen := map[*qms.Decision]bool{last: true}
	for {
		next := statusOf(last)
		if next.Kind != qms.Superseded || seen[next.By] {
			break
		}
		last = next.By
		seen[last] = true
	}
	switch {
	case last == st.By:
	case statusOf(last).Kind.Obsolete():
		s += fmt.Sprintf(", sau đó là %s (cũng đã hết hiệu lực)", last.Number)
	default:
		s += fmt.Sprintf(", văn bản hiện hành là %s", last.Number)
	}
	return s
}

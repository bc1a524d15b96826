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
báo việc đó).

Khi quy trình đang được rà soát (under_review, từ ngày since trở đi),
việc dựa vào văn bản hết hiệu lực là cảnh báo thay vì lỗi: theo thực
hành ISO, lần ban hành hiện hành vẫn được áp dụng cho đến khi lần ban
hành mới được phê duyệt. Cách sửa khi rà soát xong: ban hành lại quy
trình theo văn bản mới và bỏ under_review.`,
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
		report := reporterFor(pass, p)
		done := map[*qms.Decision]bool{}
		for _, r := range res.processCites(p) {
			d := res.lookup(&r.cit)
			if d == nil || done[d] {
				continue
			}
			done[d] = true
			if st := statusOf(d); st.Kind.Obsolete() {
				report(r.cit.Pos, "quy trình đang áp dụng dựa vào %s (%s), %s",
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
				report(cr.Pos, "quy trình đang áp dụng thực hiện thủ tục %s, công bố tại %s, %s",
					pr.Code, d.Number, obsoleteText(statusOf, st))
			}
		}
	}
	return nil
}

// reporterFor returns how ST001 reports for process p: an error, or, while
// p is under review (its review started on or before the day checked), a
// warning that says since when.
func reporterFor(pass *check.Pass, p *qms.Process) func(pos qms.Pos, format string, args ...any) {
	r := p.UnderReview
	if r == nil || pass.Today.Before(r.Since) {
		return pass.Reportf
	}
	return func(pos qms.Pos, format string, args ...any) {
		pass.ReportSeverityf(qms.Warning, pos, format+"; quy trình đang được rà soát từ ngày %s, lần ban hành hiện hành vẫn áp dụng đến khi ban hành lại",
			append(args, r.Since.VN())...)
	}
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

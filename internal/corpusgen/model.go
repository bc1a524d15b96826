package corpusgen

import (
	"fmt"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// step is one row of a process's steps.
type step struct {
	actor, action, time string
}

// doc is one document. Docs are values shared between snapshots and copied
// on write (clone), so a branch can change a doc without touching main's.
type doc struct {
	kind    qms.Kind
	id      string // number or code
	sub     string // sub-folder under the kind's folder
	stem    string
	version int // bumped on every edit; part of no field, only of the text
	// cited: other documents refer to it, so it is never deleted.
	cited bool

	// decision
	typ, issuer, title string
	issued             qms.Date

	// procedure
	field       int
	timeLimit   int // working days
	fee         string
	announcedBy []*doc
	legalBasis  []*doc

	// process
	unit       int
	revision   int
	effective  qms.Date
	approvedBy *doc
	procedures []*doc
	steps      []step

	paras []string
}

func (d *doc) path() string { return d.kind.Dir() + "/" + d.sub + "/" + d.stem + ".md" }

func (d *doc) clone() *doc {
	c := *d
	c.paras = append([]string(nil), d.paras...)
	c.steps = append([]step(nil), d.steps...)
	c.announcedBy = append([]*doc(nil), d.announcedBy...)
	c.legalBasis = append([]*doc(nil), d.legalBasis...)
	c.procedures = append([]*doc(nil), d.procedures...)
	return &c
}

// link is a relative Markdown link from d's file to decision t.
func (d *doc) link(t *doc) string {
	return fmt.Sprintf("[%s](../../decisions/%s/%s.md)", t.id, t.sub, t.stem)
}

func q(s string) string { return fmt.Sprintf("%q", s) }

// render writes the file: YAML front matter in the schema of docs/mo-hinh-noi-dung.md,
// then a Markdown body.
func (d *doc) render() string {
	var b strings.Builder
	b.WriteString("---\n")
	switch d.kind {
	case qms.KindDecision:
		fmt.Fprintf(&b, "number: %s\ntype: %s\nissuer: %s\nissued: %s\ntitle: %s\n", q(d.id), d.typ, d.issuer, d.issued, d.title)
		b.WriteString("---\n")
		for _, p := range d.paras {
			b.WriteString(p + "\n\n")
		}
	case qms.KindProcedure:
		f := fields[d.field]
		fmt.Fprintf(&b, "code: %s\ntitle: %s\nfield: %s\nlevel: tinh\nagency: %s\nreceiving: Trung tâm Phục vụ hành chính công tỉnh\ntime_limit: %02d ngày làm việc\n",
			q(d.id), d.title, f.Name, f.Agency, d.timeLimit)
		if d.fee != "" {
			fmt.Fprintf(&b, "fee: %s\n", d.fee)
		}
		b.WriteString("announced_by:\n")
		for _, a := range d.announcedBy {
			fmt.Fprintf(&b, "  - %s\n", q(a.id))
		}
		if len(d.legalBasis) > 0 {
			b.WriteString("legal_basis:\n")
			for _, a := range d.legalBasis {
				fmt.Fprintf(&b, "  - %s\n", q(a.id))
			}
		}
		b.WriteString("---\n## Trình tự thực hiện\n\n")
		for i, p := range d.paras {
			if i == 2 {
				b.WriteString("## Thành phần hồ sơ\n\n")
			}
			b.WriteString(p + "\n\n")
		}
		b.WriteString("## Căn cứ pháp lý\n\n")
		for _, a := range append(append([]*doc(nil), d.announcedBy...), d.legalBasis...) {
			fmt.Fprintf(&b, "- %s: %s.\n", d.link(a), a.title)
		}
	case qms.KindProcess:
		u := units[d.unit]
		fmt.Fprintf(&b, "code: %s\ntitle: %s\nkind: task\nunit: %s\nrevision: %d\neffective: %s\napproved_by: %s\nstatus: active\n",
			q(d.id), d.title, u.Name, d.revision, d.effective, q(d.approvedBy.id))
		b.WriteString("procedures:\n")
		for _, p := range d.procedures {
			fmt.Fprintf(&b, "  - %s\n", q(p.id))
		}
		b.WriteString("legal_basis:\n")
		for _, a := range d.legalBasis {
			fmt.Fprintf(&b, "  - %s\n", q(a.id))
		}
		fmt.Fprintf(&b, "prepared_by: Chuyên viên %s\nreviewed_by: Lãnh đạo %s\napprover: Giám đốc Sở\n", u.Name, u.Name)
		b.WriteString("steps:\n")
		for _, s := range d.steps {
			fmt.Fprintf(&b, "  - actor: %s\n    action: %s\n    time: %s\n", s.actor, s.action, s.time)
		}
		form := "BM-" + strings.TrimPrefix(d.id, "QT-")
		fmt.Fprintf(&b, "forms:\n  - code: %s\n    title: Đơn đề nghị\nrecords:\n  - name: Hồ sơ đề nghị và kết quả giải quyết\n    keeper: %s\n    retention: 05 năm\n", q(form+"-01"), u.Name)
		b.WriteString("---\n")
		sections := []string{"## 1. Mục đích", "## 2. Phạm vi", "## 3. Tài liệu viện dẫn", "## 4. Định nghĩa, chữ viết tắt", "## 5. Nội dung quy trình", "## 6. Biểu mẫu", "## 7. Hồ sơ cần lưu"}
		for i, s := range sections {
			b.WriteString(s + "\n\n")
			switch i {
			case 2:
				b.WriteString("- TCVN ISO 9001:2015.\n")
				for _, a := range d.legalBasis {
					fmt.Fprintf(&b, "- %s: %s.\n", d.link(a), a.title)
				}
				fmt.Fprintf(&b, "- %s: quyết định ban hành quy trình.\n\n", d.link(d.approvedBy))
			case 5:
				fmt.Fprintf(&b, "- %s-01: Đơn đề nghị.\n\n", form)
			default:
				if i < len(d.paras) {
					b.WriteString(d.paras[i] + "\n\n")
				}
			}
		}
	}
	return b.String()
}

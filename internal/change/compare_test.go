package change

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// fixture is a small, valid manual: two decisions, one procedure, three
// processes.
var fixture = map[string]string{
	"decisions/2019/1067-qd-snn-vp.md": `---
number: 1067/QĐ-SNN-VP
type: quyet-dinh
issuer: Sở Nông nghiệp và PTNT Nghệ An
issued: 2019-12-16
title: Phê duyệt hệ thống quản lý chất lượng
---
`,
	"decisions/2021/200-qd-snn-vp.md": `---
number: 200/QĐ-SNN-VP
type: quyet-dinh
issuer: Sở Nông nghiệp và PTNT Nghệ An
issued: 2021-03-01
title: Ban hành lần 2 các quy trình
---
`,
	"decisions/2020/3463-qd-ubnd.md": `---
number: 3463/QĐ-UBND
type: quyet-dinh
issuer: UBND tỉnh Nghệ An
issued: 2020-10-06
title: Công bố danh mục thủ tục hành chính
---
`,
	"procedures/na-ts-01.md": `---
code: NA-TS-01
title: Cấp giấy chứng nhận
field: Thủy sản
level: tinh
agency: Chi cục Thủy sản
receiving: Trung tâm Phục vụ hành chính công tỉnh
time_limit: 10 ngày làm việc
announced_by:
  - 3463/QĐ-UBND
---
`,
	"processes/qt-01.md": `---
code: QT-01
title: Kiểm soát thông tin dạng văn bản
kind: framework
unit: Văn phòng Sở
revision: 1
effective: 2020-01-02
approved_by: 1067/QĐ-SNN-VP
status: active
review_by: 2021-01-02
legal_basis:
  - 3463/QĐ-UBND
---
## 1. Mục đích
Lần 1.
`,
	"processes/qt-ts-01.md": `---
code: QT-TS-01
title: Cấp giấy chứng nhận
kind: task
unit: Chi cục Thủy sản
revision: 1
effective: 2020-11-02
approved_by: 1067/QĐ-SNN-VP
status: active
procedures:
  - NA-TS-01
---
`,
	"processes/qt-ts-02.md": `---
code: QT-TS-02
title: Quy trình cũ
kind: task
unit: Chi cục Thủy sản
revision: 1
effective: 2020-11-02
approved_by: 1067/QĐ-SNN-VP
status: abolished
abolished_by: 200/QĐ-SNN-VP
legal_basis:
  - 3463/QĐ-UBND
---
`,
}

var today = qms.Date{Year: 2026, Month: 11, Day: 29}

func load(t *testing.T, files map[string]string, strict bool) *Tree {
	t.Helper()
	m := fstest.MapFS{}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	tr, diags := LoadTree(m)
	for _, d := range diags {
		if strict && d.Severity == qms.Error {
			t.Fatalf("fixture does not load: %s", d)
		}
	}
	return tr
}

// edit returns a copy of fixture with changes applied: a value "" deletes
// the file; a value "s/old/new/" (or "s|old|new|") replaces the first old
// with new in the fixture file, \n standing for a newline; any other value
// replaces the file.
func edit(changes map[string]string) map[string]string {
	out := map[string]string{}
	for p, s := range fixture {
		out[p] = s
	}
	for p, s := range changes {
		switch {
		case s == "":
			delete(out, p)
		case strings.HasPrefix(s, "s/") || strings.HasPrefix(s, "s|"):
			parts := strings.Split(s[2:], s[1:2])
			out[p] = strings.Replace(out[p], strings.ReplaceAll(parts[0], "\\n", "\n"), strings.ReplaceAll(parts[1], "\\n", "\n"), 1)
		default:
			out[p] = s
		}
	}
	return out
}

func compare(t *testing.T, changes map[string]string) []qms.Diagnostic {
	t.Helper()
	return Compare(load(t, fixture, true), load(t, edit(changes), false), Options{Today: today, BaseName: "origin/main"})
}

// render prints diagnostics one per line, without messages beyond the
// first 60 bytes, for comparison.
func lines(ds []qms.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.Pos.String() + " " + d.Check + " " + d.Message + "\n")
	}
	return b.String()
}

func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		name    string
		changes map[string]string
		want    []string // "path:line:col ID substring", in order
	}{
		{"unchanged", nil, nil},
		{
			"edit without revision",
			map[string]string{"processes/qt-01.md": "s/Lần 1./Lần 1, sửa./"},
			[]string{"processes/qt-01.md:6:11 CC001 revision vẫn là 1"},
		},
		{
			"review_by only",
			map[string]string{"processes/qt-01.md": "s/review_by: 2021-01-02/review_by: 2022-01-02/"},
			nil,
		},
		{
			"raised with the same approval",
			map[string]string{"processes/qt-01.md": "s/revision: 1\\neffective: 2020-01-02/revision: 2\\neffective: 2021-03-02/"},
			[]string{"processes/qt-01.md:8:14 CC002 vẫn là 1067/QĐ-SNN-VP"},
		},
		{
			"raised with a new approval",
			map[string]string{"processes/qt-01.md": "s/revision: 1\\neffective: 2020-01-02\\napproved_by: 1067/revision: 2\\neffective: 2021-03-02\\napproved_by: 200/"},
			nil,
		},
		{
			"raised without a later effective date",
			map[string]string{"processes/qt-01.md": "s/revision: 1\\neffective: 2020-01-02\\napproved_by: 1067/revision: 2\\neffective: 2019-12-20\\napproved_by: 200/"},
			[]string{"processes/qt-01.md:7:12 CC002 phải có ngày hiệu lực sau ngày 02/01/2020"},
		},
		{
			"process deleted",
			map[string]string{"processes/qt-ts-02.md": ""},
			[]string{"processes/qt-ts-02.md:1:1 CC003 quy trình QT-TS-02"},
		},
		{
			"decision and procedure deleted",
			map[string]string{"decisions/2021/200-qd-snn-vp.md": "", "procedures/na-ts-01.md": ""},
			[]string{
				"decisions/2021/200-qd-snn-vp.md:1:1 CC003 văn bản 200/QĐ-SNN-VP",
				"procedures/na-ts-01.md:1:1 CC003 thủ tục NA-TS-01",
			},
		},
		{
			"moved, not deleted",
			map[string]string{"processes/qt-ts-02.md": "", "processes/cu/qt-ts-02.md": fixture["processes/qt-ts-02.md"]},
			nil,
		},
		{
			"unreadable, not deleted",
			map[string]string{"processes/qt-ts-02.md": "no front matter"},
			nil,
		},
		{
			"id changed in place",
			map[string]string{"processes/qt-ts-02.md": "s/code: QT-TS-02/code: QT-TS-09/"},
			[]string{"processes/qt-ts-02.md:2:7 CC004 từ QT-TS-02 (ở origin/main) thành QT-TS-09"},
		},
		{
			"number changed in place",
			map[string]string{"decisions/2021/200-qd-snn-vp.md": "s/200/201/"},
			[]string{"decisions/2021/200-qd-snn-vp.md:2:9 CC004 từ 200/QĐ-SNN-VP"},
		},
		{
			"time limit changed",
			map[string]string{"procedures/na-ts-01.md": "s/10 ngày/07 ngày/"},
			[]string{"processes/qt-ts-01.md:11:5 CC005 thời hạn giải quyết: 10 ngày làm việc → 07 ngày làm việc"},
		},
		{
			"time limit changed, process re-approved",
			map[string]string{
				"procedures/na-ts-01.md": "s/10 ngày/07 ngày/",
				"processes/qt-ts-01.md":  "s/revision: 1\\neffective: 2020-11-02\\napproved_by: 1067/revision: 2\\neffective: 2021-03-02\\napproved_by: 200/",
			},
			nil,
		},
		{
			"decision superseded",
			map[string]string{"decisions/2024/1-qd-ubnd.md": `---
number: 1/QĐ-UBND
type: quyet-dinh
issuer: UBND tỉnh Nghệ An
issued: 2024-01-05
title: Công bố lại
supersedes:
  - 3463/QĐ-UBND
---
`},
			// Both processes now rely on a superseded decision: ST001
			// reports that, and CC005 does not repeat it.
			nil,
		},
		{
			"decision superseded, procedure announced again",
			map[string]string{
				"decisions/2024/1-qd-ubnd.md": `---
number: 1/QĐ-UBND
type: quyet-dinh
issuer: UBND tỉnh Nghệ An
issued: 2024-01-05
title: Công bố lại
supersedes:
  - 3463/QĐ-UBND
---
`,
				"procedures/na-ts-01.md": "s|  - 3463/QĐ-UBND|  - 3463/QĐ-UBND\\n  - 1/QĐ-UBND|",
			},
			// qt-01 still cites 3463/QĐ-UBND: ST001 alone. qt-ts-01's
			// procedure was announced again: not ST001's, so CC005.
			[]string{
				"processes/qt-ts-01.md:11:5 CC005 thủ tục NA-TS-01 mà quy trình thực hiện đã thay đổi: văn bản công bố",
				"processes/qt-ts-01.md:11:5 CC005 văn bản 3463/QĐ-UBND công bố thủ tục NA-TS-01",
			},
		},
		{
			"decision to be superseded later",
			map[string]string{"decisions/2027/1-qd-ubnd.md": `---
number: 1/QĐ-UBND
type: quyet-dinh
issuer: UBND tỉnh Nghệ An
issued: 2027-01-05
title: Công bố lại
supersedes:
  - 3463/QĐ-UBND
---
`},
			[]string{
				"processes/qt-01.md:12:5 CC005 đã thay đổi: sẽ bị thay thế bởi 1/QĐ-UBND từ ngày 05/01/2027",
				"processes/qt-ts-01.md:11:5 CC005 đã thay đổi: sẽ bị thay thế bởi 1/QĐ-UBND từ ngày 05/01/2027",
			},
		},
		{
			"approving decision's date changed",
			map[string]string{"decisions/2019/1067-qd-snn-vp.md": "s/issued: 2019-12-16/issued: 2019-12-17/"},
			[]string{
				"processes/qt-01.md:8:14 CC005 ngày ký (issued): 16/12/2019 → 17/12/2019",
				"processes/qt-ts-01.md:8:14 CC005 (approved_by)",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := compare(t, tc.changes)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tc.want), lines(got))
			}
			for i, w := range tc.want {
				pos, rest, _ := strings.Cut(w, " ")
				id, sub, _ := strings.Cut(rest, " ")
				d := got[i]
				if d.Pos.String() != pos || d.Check != id || !strings.Contains(d.Message, sub) {
					t.Errorf("diagnostic %d:\n got %s %s %s\nwant %s", i, d.Pos, d.Check, d.Message, w)
				}
				if want := qms.Error; id == "CC005" {
					if d.Severity != qms.Warning {
						t.Errorf("CC005 severity %v, want warning", d.Severity)
					}
				} else if d.Severity != want {
					t.Errorf("%s severity %v, want error", id, d.Severity)
				}
			}
		})
	}
}

func TestRevisionLowered(t *testing.T) {
	raised := edit(map[string]string{"processes/qt-01.md": "s/revision: 1\\neffective: 2020-01-02\\napproved_by: 1067/revision: 2\\neffective: 2021-03-02\\napproved_by: 200/"})
	got := Compare(load(t, raised, true), load(t, fixture, true), Options{Today: today})
	if len(got) != 1 || got[0].Check != "CC001" || !strings.Contains(got[0].Message, "giảm từ 2 ở phiên bản gốc xuống 1") {
		t.Errorf("got:\n%s", lines(got))
	}
}

func TestChecksDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Checks {
		if !strings.HasPrefix(c.ID, "CC") || seen[c.ID] {
			t.Errorf("bad or duplicate ID %q", c.ID)
		}
		seen[c.ID] = true
		if c.Title() == "" || c.Body() == "" || c.Name == "" || c.Run != nil {
			t.Errorf("%s: title %q, name %q, body empty %v, Run set %v", c.ID, c.Title(), c.Name, c.Body() == "", c.Run != nil)
		}
	}
}

// TestContentChanged: only a change outside the record-keeping fields
// is a change of the issued process, and the front matter is compared by
// value.
func TestContentChanged(t *testing.T) {
	const base = "---\ncode: X\nrevision: 2\nreview_by: 2020-01-01\nunder_review:\n  since: 2025-07-01\n  reason: a\nrevisions:\n- revision: 1\n  effective: 2019-12-16\n---\nreview_by: trong nội dung\n"
	for _, c := range []struct {
		name, head string
		want       bool
	}{
		{"same", base, false},
		{"record keeping", "---\ncode: X\nrevision: 2\nreview_by: 2026-01-01\nrevisions:\n- revision: 1\n  effective: 2019-12-16\n- revision: 2\n  effective: 2020-12-16\n---\nreview_by: trong nội dung\n", false},
		{"quoting and comments", "---\ncode: \"X\" # mã\nrevision: 2\n---\nreview_by: trong nội dung\n", false},
		{"field", "---\ncode: Y\nrevision: 2\n---\nreview_by: trong nội dung\n", true},
		{"body", "---\ncode: X\nrevision: 2\n---\nreview_by: trong nội dung khác\n", true},
	} {
		b, h := process(t, base), process(t, c.head)
		if got := contentChanged(b, h); got != c.want {
			t.Errorf("%s: contentChanged = %v, want %v", c.name, got, c.want)
		}
	}
}

// process is the file src parsed as processes/x.md.
func process(t *testing.T, src string) *qms.Process {
	t.Helper()
	doc, _ := content.ParseFile("processes/x.md", []byte(src))
	p, ok := doc.(*qms.Process)
	if !ok {
		t.Fatalf("%q is not a process", src)
	}
	return p
}

package content

import (
	"fmt"
	"strings"
	"testing"
)

// TestDecodeNested checks the exact diagnostics and key paths of nested
// values: list items beyond the key paths made once for all documents
// (listPaths), items that are not mappings, null, unknown and duplicate
// keys in items, step form lists and citation lists.
func TestDecodeNested(t *testing.T) {
	var many strings.Builder
	many.WriteString("---\ncode: \"QT-1\"\ntitle: T\nkind: task\nunit: U\nrevision: 1\neffective: 2020-01-01\nstatus: draft\nsteps:\n")
	for i := range 70 {
		fmt.Fprintf(&many, "  - actor: A%d\n    action: B\n    time: 1 ngày làm việc\n", i)
	}
	many.WriteString("  - actor: A\n    action: B\n---\n")

	tests := []struct {
		name, path, src string
		keys            int
		want            []string
	}{
		{"many steps", "processes/qt-1.md", many.String(), 291, []string{
			`220:5 LD003 thiếu trường bắt buộc "steps.70.time"`,
		}},
		{"nested", "processes/qt-01.md", strings.Replace(goodProcess, "    action: Thẩm định\n",
			"    action: ~\n    actr: X\n    forms: [BM-01, \"\", [x]]\n    time: 1 ngày\n", 1), 34, []string{
			`19:13 LD003 trường bắt buộc "action" đang để trống`,
			`20:5 LD007 trường "actr" không có trong mẫu tài liệu; có phải là "actor"?`,
			`21:20 LD003 trường "steps.1.forms.1" đang để trống`,
			`21:24 LD004 trường "steps.1.forms.2" phải là một chuỗi, không phải một danh sách`,
			`23:5 LD002 trường "time" được ghi hai lần; hãy xóa một dòng`,
		}},
		{"items not mappings", "processes/qt-01.md", strings.Replace(goodProcess,
			"records:\n  - name: Hồ sơ\n    keeper: Chi cục\n    retention: 05 năm\n", "records: [1, {name: R, name: S}]\n", 1), 29, []string{
			`24:11 LD004 mỗi mục của "records" phải gồm các dòng "trường: giá trị", không phải một giá trị đơn`,
			`24:24 LD002 trường "name" được ghi hai lần; hãy xóa một dòng`,
		}},
		{"abolished", "processes/qt-01.md", strings.Replace(goodProcess, "status: active", "status: abolished", 1), 30, []string{
			`9:9 LD003 quy trình đã bãi bỏ (status: abolished) phải ghi "abolished_by": quyết định bãi bỏ`,
		}},
		{"citations", "decisions/a.md", strings.Replace(goodDecision, "supersedes:\n  - 3465/QĐ-UBND ngày 04/09/2019\n",
			"supersedes:\n  - [a]\n  - 12/QĐ-UBND\n  - không số\namends: 3/QĐ\nrepealed: 2020\n", 1), 11, []string{
			`8:5 LD004 trường "supersedes.0" phải là một số và ký hiệu văn bản, không phải một danh sách`,
			`10:5 LD008 số và ký hiệu không hợp lệ "không số": phải bắt đầu bằng số thứ tự (chữ số); cần dạng "3463/QĐ-UBND" hoặc "19/2014/QĐ-TTg"`,
			`11:9 LD004 trường "amends" phải là một danh sách số văn bản (mỗi dòng bắt đầu bằng "- "), không phải một giá trị đơn`,
			`12:11 LD005 trường "repealed": ngày "2020" không đúng dạng YYYY-MM-DD`,
		}},
		{"announced empty", "procedures/x.md", "---\ncode: \"X\"\ntitle: T\nfield: F\nlevel: xa\nagency: A\nreceiving: B\ntime_limit: 5 ngày làm việc\nannounced_by: []\nprocedures: [1]\n---\n", 8, []string{
			`10:1 LD007 trường "procedures" không có trong mẫu tài liệu; các trường của mẫu: code, title, field, level, agency, receiving, time_limit, fee, announced_by, legal_basis, abolished_by`,
			`9:15 LD003 trường "announced_by" cần ít nhất một quyết định công bố`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := ParseFile(tt.path, []byte(tt.src))
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%d:%d %s %s", d.Pos.Line, d.Pos.Col, d.Check, d.Message))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if doc == nil || len(doc.Base().Keys) != tt.keys {
				t.Fatalf("doc %v, want %d keys", doc, tt.keys)
			}
		})
	}

	doc, _ := ParseFile("processes/qt-1.md", []byte(many.String()))
	d := doc.Base()
	for _, k := range []struct {
		key       string
		line, col int
	}{{"steps.0", 10, 5}, {"steps.63.actor", 199, 12}, {"steps.64", 202, 5}, {"steps.64.time", 204, 11}, {"steps.70.action", 221, 13}} {
		if p, ok := d.Keys[k.key]; !ok || p.Line != k.line || p.Col != k.col {
			t.Errorf("Keys[%q] = %v, %v; want %d:%d", k.key, p, ok, k.line, k.col)
		}
	}
	if _, ok := d.Keys["steps.70.time"]; ok {
		t.Error("Keys has the missing steps.70.time")
	}
}

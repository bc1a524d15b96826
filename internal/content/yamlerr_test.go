package content

import (
	"fmt"
	"strings"
	"testing"
)

// TestYAMLErrors checks that a syntax error in the front matter is
// reported in Vietnamese at the line and column of what is wrong.
func TestYAMLErrors(t *testing.T) {
	tests := []struct {
		name, fm string
		want     string // "line:col substring" in the file (front matter starts at line 2)
	}{
		{"tab indent", "number: 1/QĐ-UBND\n\ttype: quyet-dinh\n", "3:1 Tab"},
		{"tab after key", "number: 1/QĐ-UBND\ntype:\t@x\n", "3:6 Tab"},
		{"at sign", "number: 1/QĐ-UBND\ntitle: @Sở\n", "3:8 \"@\""},
		{"backquote", "number: 1/QĐ-UBND\ntitle: `Sở`\n", "3:8 \"`\""},
		{"unterminated double quote", "number: 1/QĐ-UBND\ntitle: \"Công bố\ntype: quyet-dinh\nissuer: UBND\n", "3:8 dấu nháy \" mở ở đây chưa được đóng"},
		{"unterminated single quote", "number: 1/QĐ-UBND\ntype: quyet-dinh\ntitle: 'Công bố\nissuer: UBND\n", "4:8 dấu nháy ' mở"},
		{"colon in value", "number: 1/QĐ-UBND\ntitle: Công bố: danh mục\n", "3:15 dấu hai chấm"},
		{"indented key", "number: 1/QĐ-UBND\n type: quyet-dinh\n", "3:6 dấu hai chấm"},
		{"unclosed bracket", "number: 1/QĐ-UBND\nsupersedes: [1/QĐ-UBND, 2/QĐ-UBND\ntitle: x\n", "3:13 dấu [ mở ở đây chưa được đóng bằng ]"},
		{"unclosed brace", "number: 1/QĐ-UBND\nsource: {a: b\ntitle: x\n", "3:9 dấu { mở"},
		{"text after quote", "number: 1/QĐ-UBND\ntitle: \"Công bố\" danh mục\n", "3:18 không thẳng hàng"},
		{"list item at top", "number: 1/QĐ-UBND\ntitle: x\n- y\n", "4:1 không thẳng hàng"},
		{"bad escape", "number: 1/QĐ-UBND\ntitle: \"C:\\Tài liệu\"\n", "3:11 mã thoát"},
		{"misaligned list", "number: 1/QĐ-UBND\nsupersedes:\n  - 1/QĐ-UBND\n - 2/QĐ-UBND\n", "5:2 không thẳng hàng"},
		{"misaligned step field", "code: QT-1\nsteps:\n  - actor: A\n    action: B\n   time: 1 ngày\n", "6:4 không thẳng hàng"},
		{"misaligned step", "code: QT-1\nsteps:\n  - actor: A\n    action: B\n   - actor: C\n", "6:4 không thẳng hàng"},
		{"misaligned record field", "code: QT-1\nrecords:\n  - name: A\n   keeper: B\ntitle: T\n", "5:4 không thẳng hàng"},
		{"missing colon", "code: QT-1\ntitle\nunit: U\n", "3:1 thiếu dấu hai chấm"},
		{"unknown anchor", "number: 1/QĐ-UBND\ntitle: *x\n", "3:8 neo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseFile("decisions/a.md", []byte("---\n"+tt.fm+"---\n"))
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%d:%d %s %s", d.Pos.Line, d.Pos.Col, d.Check, d.Message))
			}
			pos, sub, _ := strings.Cut(tt.want, " ")
			if len(got) != 1 || !strings.HasPrefix(got[0], pos+" "+idYAML+" ") || !strings.Contains(got[0], sub) {
				t.Errorf("got %q, want one LD002 at %s containing %q", got, pos, sub)
			}
		})
	}
}

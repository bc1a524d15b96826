package build

import (
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestForceOnBrokenContent renders, with --force, files that are missing
// fields, malformed or hostile, without a panic and with every page's
// frame intact.
func TestForceOnBrokenContent(t *testing.T) {
	a := &txtar.Archive{Files: []txtar.File{
		{Name: "decisions/empty.md", Data: []byte("")},
		{Name: "decisions/no-number.md", Data: []byte("---\ntitle: Không có số\n---\nx\n")},
		{Name: "decisions/bad-number.md", Data: []byte("---\nnumber: \"???\"\ntype: xyz\nissued: 2020-13-45\ntitle: Số sai\nsupersedes: [\"bad-number\"]\n---\n")},
		{Name: "decisions/cycle-a.md", Data: []byte("---\nnumber: \"1/QĐ-A\"\ntype: quyet-dinh\nissuer: A\nissued: 2020-01-01\ntitle: A\nsupersedes: [\"2/QĐ-A\"]\n---\n")},
		{Name: "decisions/cycle-b.md", Data: []byte("---\nnumber: \"2/QĐ-A\"\ntype: quyet-dinh\nissuer: A\nissued: 2020-01-01\ntitle: B\nsupersedes: [\"1/QĐ-A\"]\n---\n")},
		{Name: "procedures/x.md", Data: []byte("---\ncode: \"\"\ntime_limit: mãi mãi\nabolished_by: \"9/QĐ-Z\"\n---\n[a](javascript:alert(1)) <script>alert(1)</script>\n")},
		{Name: "processes/p.md", Data: []byte("---\ncode: \"QT-X\"\nstatus: active\nsteps:\n  - actor: \"<b>A</b>\"\n    time: \"abc\"\nprocedures: [\"NOPE\", \"NOPE\"]\nlegal_basis: [\"1/QĐ-A\", \"\"]\nreview_by: 1999-01-01\n---\n# Tiêu đề\n\n##### Sâu\n")},
		{Name: "processes/dup.md", Data: []byte("---\ncode: \"QT-X\"\nstatus: abolished\n---\n")},
		{Name: "processes/garbage.md", Data: []byte("\xff\xfe\x00binary\x00---")},
	}}
	out, res := buildSite(t, a, func(o *Options) { o.Force = true })
	if len(res.Diagnostics) == 0 {
		t.Error("no diagnostics for broken content")
	}
	pages := 0
	for rel, b := range readTree(t, out) {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		pages++
		s := string(b)
		if !strings.Contains(s, "</html>") {
			t.Errorf("%s: truncated", rel)
		}
		if strings.Contains(s, "<script>alert") || strings.Contains(s, `href="javascript`) || strings.Contains(s, "<b>A</b>") {
			t.Errorf("%s: unescaped input", rel)
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages", pages)
	}
}

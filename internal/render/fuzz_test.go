package render

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzMarkdown: any body renders without a panic, without raw HTML and
// without a link or image to a dangerous scheme.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"## Mục đích\n[a](../x.md)", "<script>x</script>", "[a](javascript:x)", "![i](data:image/png;base64,AA)",
		"<javascript:alert(1)>", "[a](<java\nscript:x>)", "# \n######\n", "[a]: vbscript:x\n[a]", "`<b>`", "\x00\xff",
		"| a | b |\n|---|---|\n| <i>x</i> | [y](javascript:z) |",
		"a@b.vn `c@d.vn` [e@f.vn](mailto:e@f.vn \"g@h.vn\") <i@j.vn>\n\ta@b.vn", "*x@y.vn*\nz@w.vn  \nq",
	} {
		f.Add(s)
	}
	s := newTestSite(f, map[string]string{"decisions/61-2018-nd-cp.md": decisionHead + "x"}, nil)
	tag := regexp.MustCompile(`<(script|iframe|object|embed|style|svg|form|input|div|span)\b`)
	attr := regexp.MustCompile(`(?i)(href|src)="\s*(javascript|vbscript|data|file):`)
	f.Fuzz(func(t *testing.T, body string) {
		out, err := s.renderMarkdown(body, "processes/x.md", 2)
		if err != nil {
			return
		}
		h := string(out.HTML)
		if m := tag.FindString(h); m != "" {
			t.Errorf("raw %s in %q", m, h)
		}
		if m := attr.FindString(h); m != "" {
			t.Errorf("dangerous %s in %q", m, h)
		}
		if strings.Contains(h, " on") && regexp.MustCompile(`<[^>]+\son[a-z]+=`).MatchString(h) {
			t.Errorf("event handler attribute in %q", h)
		}
	})
}

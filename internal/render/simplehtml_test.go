package render

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// simpleTestSite has documents for body links to resolve to, and a
// missing one.
func simpleTestSite(t testing.TB) *Site {
	return newTestSite(t, map[string]string{
		"decisions/61-2018-nd-cp.md": decisionHead + "Nội dung.\n",
		"procedures/1.004359.md":     procedureFile("1.004359", "Cấp giấy chứng nhận", "Thủy sản"),
	}, nil)
}

// checkSimple compares renderSimple with goldmark on src: when the simple
// renderer takes a body, its bytes must be goldmark's. It returns whether
// it took it.
func checkSimple(t *testing.T, s *Site, src, docPath string, minLevel int) bool {
	t.Helper()
	got, ok := s.renderSimple(src, docPath, minLevel)
	if !ok {
		return false
	}
	want, err := s.renderGoldmark(src, docPath, minLevel)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.HTML) != string(want.HTML) || got.Headed != want.Headed {
		t.Fatalf("body %q (minLevel %d):\nsimple   %q (headed %v)\ngoldmark %q (headed %v)", src, minLevel, got.HTML, got.Headed, want.HTML, want.Headed)
	}
	return true
}

func TestRenderSimpleCases(t *testing.T) {
	s := simpleTestSite(t)
	taken := []string{
		"## 1. Mục đích\n\nĐoạn văn \"trích dẫn\" và [61/2018/NĐ-CP](../decisions/61-2018-nd-cp.md).\n",
		"# Một\n\n### Ba\n\n## Hai\n",
		"- [Thủ tục](../procedures/1.004359.md#buoc)\n- [không có](../decisions/khong-co.md)\n- [web](https://dichvucong.gov.vn/p?a=1)\n",
		"Dòng một\ndòng hai\n\n- a\n\n## Mục lục\n",
		"[x](javascript:alert)\n\n[y](%6Aavascript:alert)\n\n[z](#main)\n",
		"## Mục lục\n\n## Mục lục\n\n## main\n",
		"Không dấu xuống dòng ở cuối",
		"\u00a0\n",
	}
	for _, src := range taken {
		for _, lv := range []int{2, 3} {
			if !checkSimple(t, s, src, "processes/qt-01.md", lv) {
				t.Errorf("body %q not taken by the simple renderer", src)
			}
		}
	}
	refused := []string{
		"", "*nhấn*", "a  \nb", "  thụt lề", "1. một", "> trích", "---", "a\n---", "a\n===", "| a | b |",
		"&amp;", "![ảnh](a.png)", "a\tb", "`mã`", "<b>x</b>", "- a\nb", "- a\n\n- b", "a\n- b", "a\n## b",
		"## b\na", "##", "## ", "##  a", "####### a", "[a]: /url", "[a [b](c)](d)", "[a](b c)", "[a](<b>)",
		"a\\b", "~~x~~", "a_b", "- 1. a", "- - a", "-a", "#a", "\x01", "\xff", "\u0085",
	}
	for _, src := range refused {
		if _, ok := s.renderSimple(src, "processes/qt-01.md", 2); ok {
			t.Errorf("body %q taken by the simple renderer", src)
		}
	}
}

// randomBody makes a body from lines that are mostly simple Markdown and
// sometimes not.
func randomBody(r *rand.Rand) string {
	words := []string{"Quy", "trình", "đ", "Đ", "\"", "'", "(a)", "1.", "2)", "x:", "!", "?", "—", "\u00a0", "a.b", "%", "+", "=", "@", ";", ",",
		"[61/2018/NĐ-CP](../decisions/61-2018-nd-cp.md)", "[TT](../procedures/1.004359.md#b)", "[mất](../decisions/x.md)",
		"[w](https://a.vn/b?c=d)", "[j](javascript:x)", "[p](/procedures/1.004359.md)", "[f](#muc)", "[m](mailto:a@b.vn)",
		"*", "_", "&", "<", "]", "[", "`", "~", "|", "#", "\\", "![i](a.png)", "\t"}
	line := func() string {
		var b strings.Builder
		for i := range 1 + r.IntN(6) {
			if i > 0 {
				b.WriteString(" ")
			}
			w := words[r.IntN(len(words))]
			if r.IntN(4) > 0 {
				w = words[r.IntN(20)]
			}
			b.WriteString(w)
		}
		return b.String()
	}
	var b strings.Builder
	for range r.IntN(12) {
		switch r.IntN(9) {
		case 0, 1:
			b.WriteString(strings.Repeat("#", 1+r.IntN(4)) + " " + line())
		case 2, 3:
			b.WriteString("- " + line())
		case 4:
			b.WriteString("")
		case 5:
			prefixes := []string{"  ", "1. ", "> ", "---", "* ", "+ ", "=", "| a |", " ", "-"}
			b.WriteString(prefixes[r.IntN(len(prefixes))] + line())
		default:
			b.WriteString(line())
		}
		if r.IntN(3) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestRenderSimpleRandom(t *testing.T) {
	s := simpleTestSite(t)
	r := rand.New(rand.NewPCG(3, 4))
	taken := 0
	for range 20000 {
		if checkSimple(t, s, randomBody(r), "processes/qt-01.md", 2+r.IntN(2)) {
			taken++
		}
	}
	if taken < 1000 {
		t.Errorf("only %d of 20,000 random bodies taken by the simple renderer", taken)
	}
}

// TestRenderSimpleCorpus compares the two renderers on the bodies of a
// generated corpus and of the repository's own documents.
func TestRenderSimpleCorpus(t *testing.T) {
	s := simpleTestSite(t)
	bodies := map[string]string{} // content path → file
	for p, c := range corpusgen.Files(corpusgen.Options{Docs: 300, Seed: 7}) {
		bodies["gen:"+p] = c
	}
	for _, kind := range []string{"processes", "procedures", "decisions"} {
		_ = filepath.WalkDir(filepath.Join("../..", kind), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel("../..", p)
			bodies[filepath.ToSlash(rel)] = string(data)
			return nil
		})
	}
	taken, total := 0, 0
	for p, c := range bodies {
		doc, _ := content.ParseFile(strings.TrimPrefix(p, "gen:"), []byte(c))
		if doc == nil {
			continue
		}
		total++
		if checkSimple(t, s, doc.Base().Body, doc.Base().Path, 2) {
			taken++
		}
	}
	t.Logf("%d of %d bodies taken by the simple renderer", taken, total)
	if total < 300 || taken < total/2 {
		t.Errorf("%d of %d bodies taken by the simple renderer", taken, total)
	}
}

func FuzzRenderSimple(f *testing.F) {
	for _, seed := range []string{"## 1. Mục đích\n\nĐoạn [a](../decisions/61-2018-nd-cp.md).\n", "- a\n- b\n", "a\nb\n\n# c"} {
		f.Add(seed, 2)
	}
	s := simpleTestSite(f)
	f.Fuzz(func(t *testing.T, src string, minLevel int) {
		checkSimple(t, s, src, "processes/qt-01.md", 1+(minLevel&3))
	})
}

// BenchmarkRenderBody renders the bodies of generated documents with the
// simple renderer and with goldmark.
func BenchmarkRenderBody(b *testing.B) {
	s := simpleTestSite(b)
	var bodies []string
	for p, c := range corpusgen.Files(corpusgen.Options{Docs: 200, Seed: 7}) {
		if doc, _ := content.ParseFile(p, []byte(c)); doc != nil {
			bodies = append(bodies, doc.Base().Body)
		}
	}
	for _, c := range []struct {
		name   string
		render func(src, docPath string, minLevel int) (markdownOut, error)
	}{{"simple", s.renderMarkdownUncached}, {"goldmark", s.renderGoldmark}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := c.render(bodies[i%len(bodies)], "processes/qt-01.md", 2); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

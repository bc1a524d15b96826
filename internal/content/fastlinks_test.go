package content

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// fastLinksTokens are the pieces randomBody builds bodies from: the
// Markdown syntax near links, then what fastLinks leaves to goldmark.
var (
	fastLinksTokens = []string{
		"(", ")", "!", "[a](b.md)", "[a b](c.md)", "![i](p.png)", "[Đ ý](#x)",
		"[1](x.md#y)", "[*a*](b)", "[](d.md)", "[**](!)", "[x.md](x.md)", "[-](-)", "[#](#)", "()",
		"\n", "\n", "\n\n", " ", " ", "  ", "   ", "a", "b", "ý", "Đ", "x", "X", "1",
		"- ", "* ", "+ ", "1. ", "2) ", "## ", "# ", "#", "###### ", "---", "===", "***", "___", "-",
		"*", "**", "_", "&", "&amp;", "&#91;", "!", ":", "'", "\"t\"", "\u00a0", "\u2028", "\u3000",
		"../a.md", "#x", "/", ".", "x.md#y", "mailto:a", "javascript:x", "//a", "a://b",
	}
	fastLinksOther = []string{
		"[", "]", "![", "](", "[x](", "[X]", "[ ]", "[]", "[a]", "\t", "\r", "\x00", "    ", "~", "~~", "```", "`", "<", ">", "> ", "\\", "|", "| --- |",
		"]:", "@", "a@b.vn", "www.", "www.a.vn", "http:", "https://a.vn", "ftp:", "<a.md>",
	}
)

// randomBody returns up to 40 random tokens, a few or none of them from
// fastLinksOther.
func randomBody(r *rand.Rand) string {
	var b strings.Builder
	other := []float64{0, 0, 0.02, 0.2}[r.IntN(4)]
	for range r.IntN(40) {
		if r.Float64() < other {
			b.WriteString(fastLinksOther[r.IntN(len(fastLinksOther))])
		} else {
			b.WriteString(fastLinksTokens[r.IntN(len(fastLinksTokens))])
		}
	}
	return b.String()
}

// checkFastLinks asserts that findLinks gives what goldmark gives for
// body, and reports whether fastLinks took it.
func checkFastLinks(t *testing.T, body string) bool {
	t.Helper()
	got := findLinks("processes/p.md", body, 3)
	want := parseLinks("processes/p.md", body, 3)
	if !mayHaveLinks(body) {
		want = nil
	}
	if len(got) != 0 || len(want) != 0 {
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("body %q:\nfindLinks  %+v\ngoldmark   %+v", body, got, want)
		}
	}
	if (got == nil) != (want == nil) {
		t.Fatalf("body %q: findLinks %#v, goldmark %#v", body, got, want)
	}
	_, ok := fastLinks(body)
	return ok
}

// TestFastLinksMatchesGoldmark compares findLinks with goldmark on
// random bodies made of Markdown syntax near links, many of them in
// fastLinks's subset.
func TestFastLinksMatchesGoldmark(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	fast, links := 0, 0
	const n = 100000
	for range n {
		body := randomBody(r)
		if checkFastLinks(t, body) {
			fast++
			if len(findLinks("p.md", body, 1)) > 0 {
				links++
			}
		}
	}
	if fast < n/10 || links < n/20 {
		t.Errorf("of %d random bodies, %d in fastLinks's subset, %d with links", n, fast, links)
	}
}

// TestFastLinksCorpus compares findLinks with goldmark on the bodies of
// a generated corpus, which are all in fastLinks's subset.
func TestFastLinksCorpus(t *testing.T) {
	links := 0
	for p, s := range corpusgen.Files(corpusgen.Options{Docs: 300}) {
		doc, _ := ParseFileOptions(p, []byte(s), ParseOptions{NoLinks: true})
		if doc == nil {
			t.Fatalf("%s: not parsed", p)
		}
		body := doc.Base().Body
		if !checkFastLinks(t, body) {
			t.Errorf("%s: body not in fastLinks's subset", p)
		}
		links += len(findLinks(p, body, 1))
	}
	if links < 100 {
		t.Errorf("only %d links in the corpus", links)
	}
}

func TestFastLinksCases(t *testing.T) {
	for _, c := range []struct {
		body string
		ok   bool
	}{
		{"Xem [QT](../a.md) và ![hình](b.png).\n", true},
		{"- [x](a.md)\n", false},      // a task list check box
		{"-     [a](b.md)\n", false},  // indented code in a list item
		{"[a]: b.md\n\n[a]\n", false}, // a reference definition
		{"[a](b.md \"t\")\n", false},  // a title
		{"[a](www.b.md)\n", false},    // linkify
		{"`[a](b.md)`\n", false},      // a code span
		{"[a\nb](c.md)\n", false},     // a label on two lines
		{"## [a](b.md) ##\n**[c](d.md)**\n", true},
	} {
		_, ok := fastLinks(c.body)
		if ok != c.ok {
			t.Errorf("fastLinks(%q) ok = %v, want %v", c.body, ok, c.ok)
		}
		checkFastLinks(t, c.body)
	}
}

// FuzzFindLinks compares findLinks with goldmark on any body.
func FuzzFindLinks(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		f.Add(randomBody(r))
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkFastLinks(t, body)
	})
}

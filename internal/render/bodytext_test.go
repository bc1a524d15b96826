package render

import (
	"math/rand"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// bodyPieces are what the random bodies of TestSimpleTextMatchesGoldmark
// are made of: line starts that open every kind of block, and text with
// every kind of inline markup, white space and invalid UTF-8.
var (
	lineStarts = []string{"", "", "", "- ", "- ", "## ", "# ", "###### ", "####### ", "#", "1. ", "2) ", "12.", "1.004359 ",
		" ", "  ", "    ", "\t", "> ", "* ", "+ ", "-", "---", "- - -", "===", "```", "~~~", "| ", ":--", "--|--",
		"<div>", "<!-- ", "[a]: x.md", "[a]:", "***", "___", "\u00a0", "\u3000", "- 1. ", "- # ", "- - ", "-  ", "- \t"}
	textPieces = []string{"Mục đích", "thủ tục", "Đường", "x", " ", "  ", "   ", "\u00a0", "\u2003", "\u2028", "\u0085",
		"\u1680", "\u3000", "\t", "\r", "[QĐ](x.md)", "[a](../../decisions/2011/323-2011-tt-bnnptnt.md)", "[a]",
		"[a](b c)", "[a]()", "[](x)", "[a](<x>)", "[a](x \"t\")", "[[a]](x)", "[a](x)(y)", "](", "[", "]", "(", ")",
		"!", "![i](x.png)", "&amp;", "&", "BPTN&TKQ", "\\", "\\[", "*", "**b**", "_", "_i_", "~~s~~", "~", "`c`", "`",
		"<b>", "</b>", "<http://x.vn>", "<a@b.vn>", "|", ":", "#", " #", " ##", "TCVN ISO 9001:2015.", "3463/QĐ-UBND",
		"1.", "2)", "\xff", "\xe1\x9a", "\xe2\x80", "\xc2", "\x00", "\x7f", "a\\", "  \n", "www.x.vn", "http://x.vn"}
)

// TestSimpleTextMatchesGoldmark: on random bodies, whenever simpleText
// reads a body it gives what goldmark's tree does, and it reads a fair
// share of them.
func TestSimpleTextMatchesGoldmark(t *testing.T) {
	s := newTestSite(t, nil, nil)
	rng := rand.New(rand.NewSource(1))
	read := 0
	const bodies = 30000
	for range bodies {
		var b strings.Builder
		simple := rng.Intn(2) == 0 // mostly pieces simpleText reads
		for l := rng.Intn(8); l > 0; l-- {
			if !simple || rng.Intn(4) == 0 {
				b.WriteString(lineStarts[rng.Intn(len(lineStarts))])
			}
			for w := rng.Intn(6); w > 0; w-- {
				p := textPieces[rng.Intn(len(textPieces))]
				if simple && rng.Intn(3) > 0 {
					p = textPieces[rng.Intn(3)]
				}
				b.WriteString(p)
				if rng.Intn(2) == 0 {
					b.WriteByte(' ')
				}
			}
			b.WriteString([]string{"\n", "\n", "\n\n", "\r\n"}[rng.Intn(4)])
		}
		src := b.String()
		got, ok := simpleText(src)
		if !ok {
			continue
		}
		read++
		if want := s.parsedText(src); got != want {
			t.Fatalf("body %q: simpleText gives %q, goldmark %q", src, got, want)
		}
	}
	if read < bodies/10 {
		t.Errorf("simpleText read %d bodies of %d, want at least a tenth", read, bodies)
	}
}

// TestSimpleTextReadsGeneratedBodies: the bodies of a generated corpus,
// written as the real ones are, are all read without goldmark, and give
// what goldmark gives.
func TestSimpleTextReadsGeneratedBodies(t *testing.T) {
	fsys := fstest.MapFS{}
	for p, s := range corpusgen.Files(corpusgen.Options{Docs: 300}) {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	c, _ := content.Load(fsys)
	s := newTestSite(t, nil, nil)
	n := 0
	for _, d := range c.Documents() {
		body := d.Base().Body
		got, ok := simpleText(body)
		if !ok {
			t.Errorf("%s: simpleText does not read its body %q", d.ID(), body)
			continue
		}
		if want := s.parsedText(body); got != want {
			t.Errorf("%s: simpleText gives %q, goldmark %q", d.ID(), got, want)
		}
		n++
	}
	if n < 200 {
		t.Errorf("read %d generated bodies, want at least 200", n)
	}
}

// FuzzSimpleText: whenever simpleText reads a body, it gives what
// goldmark's tree does.
func FuzzSimpleText(f *testing.F) {
	for _, s := range []string{
		"## 1. Mục đích\n\nCấp giấy phép.\n\n- [323/2011/TT-BNNPTNT](../../decisions/2011/323-2011-tt-bnnptnt.md): Tỉnh.\n",
		"a\n:--", "a\n- b\n  c", "- 1. a", "[a](x)[b](y)z", "a  \nb", "# a #", "x\u00a0- y", "[a]: x\n[a](y)",
	} {
		f.Add(s)
	}
	s := newTestSite(f, nil, nil)
	f.Fuzz(func(t *testing.T, body string) {
		got, ok := simpleText(body)
		if !ok {
			return
		}
		if want := s.parsedText(body); got != want {
			t.Errorf("body %q: simpleText gives %q, goldmark %q", body, got, want)
		}
	})
}

// BenchmarkBodyText measures the plain text of generated bodies, by
// bodyText and by goldmark alone.
func BenchmarkBodyText(b *testing.B) {
	c := benchCorpus(b, 1000)
	s := newTestSite(b, nil, nil)
	var bodies []string
	for _, d := range c.Documents() {
		bodies = append(bodies, d.Base().Body)
	}
	for _, bench := range []struct {
		name string
		fn   func(string) string
	}{{"bodyText", s.bodyText}, {"goldmark", s.parsedText}} {
		b.Run(bench.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, body := range bodies {
					bench.fn(body)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(bodies)), "ns/body")
		})
	}
}

package content

import (
	"testing"
)

func TestFindLinksKinds(t *testing.T) {
	body := "Xem [QT-01](../processes/qt-01.md) và ![sơ đồ](img/a.png).\n\n" +
		"Theo [quyết định][qd].\n\n[qd]: ../decisions/3463.md\n\n" +
		"Không phải liên kết: [a] (b), <https://example.org>, www.example.org, `[x](y)`.\n"
	got := findLinks("processes/p.md", body, 5)
	want := []struct {
		dest      string
		line, col int
	}{{"../processes/qt-01.md", 5, 5}, {"img/a.png", 5, 39}, {"../decisions/3463.md", 7, 6}}
	if len(got) != len(want) {
		t.Fatalf("links = %+v, want %d", got, len(want))
	}
	for i, w := range want {
		if got[i].Dest != w.dest || got[i].Pos.Line != w.line || got[i].Pos.Col != w.col {
			t.Errorf("link %d = %+v, want %s at %d:%d", i, got[i], w.dest, w.line, w.col)
		}
	}
}

func TestFindLinksNone(t *testing.T) {
	for _, body := range []string{
		"", "Không có liên kết.\n", "[a] (b) và [c]\n: d\n", "<https://example.org> www.example.org\n",
	} {
		if got := findLinks("processes/p.md", body, 1); len(got) != 0 {
			t.Errorf("findLinks(%q) = %+v, want none", body, got)
		}
	}
}

func TestParseFileNoLinks(t *testing.T) {
	d, _ := ParseFile("decisions/2020/3463-qd-ubnd.md", []byte(goodDecision))
	if d == nil || len(d.Base().Links) != 1 {
		t.Fatalf("ParseFile: doc %v", d)
	}
	n, _ := ParseFileOptions("decisions/2020/3463-qd-ubnd.md", []byte(goodDecision), ParseOptions{NoLinks: true})
	if n == nil || n.Base().Links != nil {
		t.Fatalf("ParseFileOptions(NoLinks): doc %v", n)
	}
	if n.Heading() != d.Heading() || n.Base().Body != d.Base().Body {
		t.Errorf("NoLinks changed the document: %q vs %q", n.Heading(), d.Heading())
	}
}

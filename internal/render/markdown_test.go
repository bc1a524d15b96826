package render

import (
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/markup"
)

// TestMarkdownSafety: raw HTML is not passed through and links with a
// dangerous scheme are not links, however they are spelled.
func TestMarkdownSafety(t *testing.T) {
	s := newTestSite(t, map[string]string{"decisions/61-2018-nd-cp.md": decisionHead + "x"}, nil)
	tests := []struct {
		name    string
		md      string
		want    []string
		notWant []string
	}{
		{"script block", "<script>alert(1)</script>\n\nText", []string{"<p>Text</p>"}, []string{"<script", "alert(1)"}},
		{"inline html", "a <img src=x onerror=alert(1)> b", []string{"<p>a ", " b</p>"}, []string{"<img", "onerror"}},
		{"iframe", `<iframe src="https://evil.example"></iframe>`, nil, []string{"<iframe", "evil.example"}},
		{"javascript link", "[bấm](javascript:alert(1))", []string{"<p>bấm</p>"}, []string{"<a", "javascript"}},
		{"mixed case", "[bấm](JaVaScRiPt:alert(1))", []string{"<p>bấm</p>"}, []string{"<a", "alert"}},
		{"entity encoded", "[bấm](&#106;avascript:alert(1))", []string{"<p>bấm</p>"}, []string{"<a ", "alert"}},
		{"percent in scheme", "[bấm](java%73cript:alert(1))", nil, []string{"javascript", `href="java`}},
		{"tab in scheme", "[bấm](<java\tscript:alert(1)>)", nil, []string{"<a ", "alert"}},
		{"vbscript", "[x](vbscript:msgbox(1))", []string{"<p>x</p>"}, []string{"<a", "vbscript"}},
		{"data", "[x](data:text/html;base64,PHNjcmlwdD4=)", []string{"<p>x</p>"}, []string{"<a", "data:"}},
		{"file", "[x](file:///etc/passwd)", []string{"<p>x</p>"}, []string{"<a", "file:"}},
		{"autolink", "<javascript:alert(1)>", nil, []string{"<a", "href"}},
		{"reference link", "[x][r]\n\n[r]: javascript:alert(1)", []string{"<p>x</p>"}, []string{"<a", "javascript"}},
		{"image js", "![alt](javascript:alert(1))", []string{"alt"}, []string{"<img", "javascript"}},
		{"external image", "![logo](https://tracker.example/p.png)", []string{"logo"}, []string{"<img", "tracker"}},
		{"attribute break", `[x](https://a.example/"onmouseover="alert(1))`, nil, []string{`"onmouseover`}},
		{"title break", `[x](https://a.example/ "t\" onclick=\"alert(1)")`, nil, []string{`" onclick="`}},
		{"http link kept", "[Cổng DVC](https://dichvucong.gov.vn/)", []string{`<a href="https://dichvucong.gov.vn/">Cổng DVC</a>`}, nil},
		{"mailto dropped", "[thư](mailto:vanphong@example.invalid)", []string{"<p>thư</p>"}, []string{"<a", "vanphong", "mailto"}},
		{"tel kept", "[gọi](tel:+842383844599)", []string{`<a href="tel:+842383844599">gọi</a>`}, nil},
		{"fragment kept", "[mục 2](#2-pham-vi)", []string{`<a href="#2-pham-vi">mục 2</a>`}, nil},
		{"text escaped", "a < b && c > d", []string{"a &lt; b &amp;&amp; c &gt; d"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := s.renderMarkdown(tt.md, "decisions/x.md", 2)
			if err != nil {
				t.Fatal(err)
			}
			got := string(out.HTML)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
					t.Errorf("unexpected %q in\n%s", w, got)
				}
			}
		})
	}
}

// TestGoldmarkRefusesDangerousURLs pins the behaviour of goldmark's own
// renderer, the second line of defence: without html.WithUnsafe it drops
// raw HTML and empties dangerous link destinations.
func TestGoldmarkRefusesDangerousURLs(t *testing.T) {
	var b strings.Builder
	md := markup.New(nil, nil)
	if err := md.Convert([]byte("[x](javascript:alert(1)) <b>raw</b>\n\n<div>block</div>"), &b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if strings.Contains(got, "javascript") || strings.Contains(got, "<b>") || strings.Contains(got, "<div>") {
		t.Errorf("goldmark passed something through:\n%s", got)
	}
	if !strings.Contains(got, "<!-- raw HTML omitted -->") {
		t.Errorf("goldmark did not omit raw HTML:\n%s", got)
	}
}

// TestLinkRewriting rewrites relative .md links to page URLs and turns
// links to missing or unpublished documents into text.
func TestLinkRewriting(t *testing.T) {
	files := map[string]string{
		"decisions/2018/61-2018-nd-cp.md": decisionHead + "x",
		"procedures/na-01.md":             procedureFile("NA-01", "Thủ tục A", "Thủy sản"),
	}
	s := newTestSite(t, files, func(o *Options) { o.BaseURL = "/iso/" })
	tests := []struct{ md, want string }{
		{"[a](../decisions/2018/61-2018-nd-cp.md)", `<p><a href="/iso/decisions/61-2018-nd-cp/">a</a></p>`},
		{"[a](../decisions/2018/61-2018-nd-cp.md#dieu-1)", `<p><a href="/iso/decisions/61-2018-nd-cp/#dieu-1">a</a></p>`},
		{"[a](/decisions/2018/61-2018-nd-cp.md)", `<p><a href="/iso/decisions/61-2018-nd-cp/">a</a></p>`},
		{"[a](na-01.md)", `<p><a href="/iso/procedures/na-01/">a</a></p>`},
		{"[a](./na-01.md)", `<p><a href="/iso/procedures/na-01/">a</a></p>`},
		{"[a](missing.md)", `<p>a</p>`},
		{"[a](../../../etc/passwd.md)", `<p>a</p>`},
		{"[a](na-01.md?x=1)", `<p><a href="/iso/procedures/na-01/">a</a></p>`},
	}
	for _, tt := range tests {
		out, err := s.renderMarkdown(tt.md, "procedures/na-02.md", 2)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(out.HTML)); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.md, got, tt.want)
		}
	}
}

// TestHeadings shifts a body's top headings to h2 (or the level asked for)
// and gives them folded ASCII ids that avoid the template's ids.
func TestHeadings(t *testing.T) {
	s := newTestSite(t, nil, nil)
	tests := []struct {
		md       string
		minLevel int
		want     []string
	}{
		{"# Mục đích\n## Phạm vi", 2, []string{`<h2 id="muc-dich">Mục đích</h2>`, `<h3 id="pham-vi">Phạm vi</h3>`}},
		{"## 1. Mục đích", 2, []string{`<h2 id="1-muc-dich">1. Mục đích</h2>`}},
		{"## Đường dây nóng\n## Đường dây nóng", 2, []string{`id="duong-day-nong"`, `id="duong-day-nong-2"`}},
		{"## Main", 2, []string{`<h2 id="main-2">Main</h2>`}},
		{"# A\n###### F", 3, []string{`<h3 id="a">A</h3>`, `<h4 id="f">F</h4>`}},
		{"# A\n## B\n### C\n#### D\n##### E\n###### F", 2, []string{`<h6 id="e">E</h6>`, `<h6 id="f">F</h6>`}},
		{"### Chỉ mục con", 2, []string{`<h2 id="chi-muc-con">`}},
		{"## A\n#### B\n## C\n### D", 2, []string{`<h2 id="a">`, `<h3 id="b">`, `<h2 id="c">`, `<h3 id="d">`}},
	}
	for _, tt := range tests {
		out, err := s.renderMarkdown(tt.md, "processes/x.md", tt.minLevel)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(out.HTML), w) {
				t.Errorf("%q: missing %q in %s", tt.md, w, out.HTML)
			}
		}
	}
}

// TestPlainText is what the search index gets from a body.
func TestPlainText(t *testing.T) {
	s := newTestSite(t, nil, nil)
	got := bodyTextOf(t, s, "## Mục đích\nCấp **giấy** phép\ntheo [QĐ](x.md).\n\n<b>raw</b>\n\n<div>block</div>\n\n- một\n- hai")
	if want := "Mục đích Cấp giấy phép theo QĐ. raw một hai"; got != want {
		t.Errorf("bodyText = %q, want %q", got, want)
	}
}

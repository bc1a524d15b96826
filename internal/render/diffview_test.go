package render

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/textdiff"
)

// diffHTML renders r with the "diff" template of the site's own theme.
func diffHTML(tb testing.TB, s *Site, r *textdiff.Result) string {
	tb.Helper()
	var b strings.Builder
	if err := s.tmpl["revision-process"].ExecuteTemplate(&b, "diff", newDiffView(r)); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func TestDiffTemplate(t *testing.T) {
	s := newTestSite(t, map[string]string{}, func(o *Options) { o.History = (&fakeHistory{}).history() })
	r := &textdiff.Result{Segments: []textdiff.Segment{
		{Op: textdiff.Gap, Lines: 4},
		{Op: textdiff.Eq, Text: "Thời hạn <b> & "},
		{Op: textdiff.Del, Text: "05 \"ngày\""},
		{Op: textdiff.Ins, Text: "03 'ngày' gửi văn thư"},
		{Op: textdiff.Eq, Text: "\n"},
	}, Truncated: true}
	want := `<span class="diff-gap">… 4 dòng không đổi …</span>` + "\n" +
		`Thời hạn &lt;b&gt; &amp; ` +
		`<del><span class="visually-hidden">[xóa: </span>05 &#34;ngày&#34;<span class="visually-hidden">]</span></del>` +
		`<ins><span class="visually-hidden">[thêm: </span>03 &#39;ngày&#39; gửi văn thư<span class="visually-hidden">]</span></ins>` +
		"\n" + `<span class="diff-gap">… phần còn lại quá dài, không hiển thị …</span>`
	if got := diffHTML(t, s, r); got != want {
		t.Errorf("diff\n got %q\nwant %q", got, want)
	}
	if got := diffHTML(t, s, &textdiff.Result{}); got != "" {
		t.Errorf("empty result gives %q", got)
	}
}

// realisticDiffs are the body diffs of consecutive versions of the files
// in a generated history.
func realisticDiffs(tb testing.TB) []*textdiff.Result {
	tb.Helper()
	var stream bytes.Buffer
	if _, err := corpusgen.WriteStream(&stream, corpusgen.Options{Docs: 200, Commits: 400}); err != nil {
		tb.Fatal(err)
	}
	last := map[string]string{}
	var out []*textdiff.Result
	rest := stream.String()
	for {
		i := strings.Index(rest, "\nM 100644 inline ")
		if i < 0 {
			break
		}
		rest = rest[i+len("\nM 100644 inline "):]
		path, after, _ := strings.Cut(rest, "\ndata ")
		size, after, _ := strings.Cut(after, "\n")
		n, err := strconv.Atoi(size)
		if err != nil || n > len(after) {
			tb.Fatalf("bad stream at %q", path)
		}
		body := after[:n]
		if prev, ok := last[path]; ok && prev != body {
			out = append(out, textdiff.Text(prev, body, diffOptions))
		}
		last[path] = body
		rest = after[n:]
	}
	if len(out) == 0 {
		tb.Fatal("no diffs")
	}
	return out
}

// BenchmarkDiffTemplate renders realistic body diffs; one op is one diff.
func BenchmarkDiffTemplate(b *testing.B) {
	s := newTestSite(b, map[string]string{}, func(o *Options) { o.History = (&fakeHistory{}).history() })
	rs := realisticDiffs(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		diffHTML(b, s, rs[i%len(rs)])
		i++
	}
}

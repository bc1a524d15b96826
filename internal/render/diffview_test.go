package render

import (
	"bytes"
	"html/template"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/textdiff"
)

// refDiffHTML is diffHTML as it was before it wrote into one sized buffer:
// the oracle of TestDiffHTMLMatchesReference.
func refDiffHTML(r *textdiff.Result) template.HTML {
	var b strings.Builder
	for _, s := range r.Segments {
		switch s.Op {
		case textdiff.Eq:
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
		case textdiff.Del:
			b.WriteString(`<del><span class="visually-hidden">[xóa: </span>`)
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
			b.WriteString(`<span class="visually-hidden">]</span></del>`)
		case textdiff.Ins:
			b.WriteString(`<ins><span class="visually-hidden">[thêm: </span>`)
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
			b.WriteString(`<span class="visually-hidden">]</span></ins>`)
		case textdiff.Gap:
			b.WriteString(`<span class="diff-gap">… ` + strconv.Itoa(s.Lines) + " dòng không đổi …</span>\n")
		}
	}
	if r.Truncated {
		b.WriteString(`<span class="diff-gap">… phần còn lại quá dài, không hiển thị …</span>`)
	}
	return template.HTML(b.String()) //nolint:gosec // every text piece is escaped above
}

func TestDiffHTML(t *testing.T) {
	r := &textdiff.Result{Segments: []textdiff.Segment{
		{Op: textdiff.Gap, Lines: 4},
		{Op: textdiff.Eq, Text: "Thời hạn <b> & "},
		{Op: textdiff.Del, Text: "05 \"ngày\""},
		{Op: textdiff.Ins, Text: "03 'ngày' gửi an@snn.example.vn"},
		{Op: textdiff.Eq, Text: "\n"},
	}, Truncated: true}
	want := `<span class="diff-gap">… 4 dòng không đổi …</span>` + "\n" +
		`Thời hạn &lt;b&gt; &amp; ` +
		`<del><span class="visually-hidden">[xóa: </span>05 &#34;ngày&#34;<span class="visually-hidden">]</span></del>` +
		`<ins><span class="visually-hidden">[thêm: </span>03 &#39;ngày&#39; gửi (đã ẩn e-mail)<span class="visually-hidden">]</span></ins>` +
		"\n" + `<span class="diff-gap">… phần còn lại quá dài, không hiển thị …</span>`
	if got := string(diffHTML(r)); got != want {
		t.Errorf("diffHTML\n got %q\nwant %q", got, want)
	}
	if got := diffHTML(&textdiff.Result{}); got != "" {
		t.Errorf("empty result gives %q", got)
	}
}

// TestDiffHTMLMatchesReference: diffHTML writes the same bytes as the
// reference on random texts with markup characters, addresses and gaps.
func TestDiffHTMLMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", "ngày", " ", "\n", "<", ">", "&", `"`, "'", "\x00", "x@y.vn", "@", "đ", "\xff"}
	text := func() string {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		return b.String()
	}
	for range 3000 {
		var r *textdiff.Result
		if rng.Intn(2) == 0 {
			r = textdiff.Text(text(), text(), textdiff.Options{Context: rng.Intn(3) - 1, MaxBytes: 1 + rng.Intn(40)})
		} else {
			r = &textdiff.Result{Truncated: rng.Intn(3) == 0}
			for range rng.Intn(6) {
				r.Segments = append(r.Segments, textdiff.Segment{Op: textdiff.Op(rng.Intn(4)), Text: text(), Lines: rng.Intn(1000)})
			}
		}
		if got, want := diffHTML(r), refDiffHTML(r); got != want {
			t.Fatalf("diffHTML(%+v)\n got %q\nwant %q", r, got, want)
		}
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

// TestDiffHTMLRealistic compares diffHTML with the reference on the diffs
// of a generated history.
func TestDiffHTMLRealistic(t *testing.T) {
	for _, r := range realisticDiffs(t) {
		if got, want := diffHTML(r), refDiffHTML(r); got != want {
			t.Fatalf("diffHTML\n got %q\nwant %q", got, want)
		}
	}
}

// BenchmarkDiffHTML renders realistic body diffs; one op is one diff.
func BenchmarkDiffHTML(b *testing.B) {
	rs := realisticDiffs(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		diffHTML(rs[i%len(rs)])
		i++
	}
}

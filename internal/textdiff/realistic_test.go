package textdiff

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// pair is two consecutive versions of a document's body.
type pair struct{ old, new string }

// realisticPairs generates a small history with corpusgen and returns the
// bodies (front matter cut off) of every file next to the version of the
// same path written before it in the stream: the kind of pair a revision
// page compares.
func realisticPairs(tb testing.TB, docs, commits int) []pair {
	tb.Helper()
	var stream bytes.Buffer
	if _, err := corpusgen.WriteStream(&stream, corpusgen.Options{Docs: docs, Commits: commits}); err != nil {
		tb.Fatal(err)
	}
	last := map[string]string{}
	var out []pair
	r := bufio.NewReader(&stream)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break
		}
		path, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "M 100644 inline ")
		if !ok {
			continue
		}
		hdr, err := r.ReadString('\n')
		if err != nil {
			tb.Fatal(err)
		}
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(hdr, "data ")))
		if err != nil {
			tb.Fatalf("bad data header %q", hdr)
		}
		buf := make([]byte, n)
		if _, err := io.ReadFull(r, buf); err != nil {
			tb.Fatal(err)
		}
		body := bodyOf(string(buf))
		if prev, ok := last[path]; ok && prev != body {
			out = append(out, pair{prev, body})
		}
		last[path] = body
	}
	if len(out) == 0 {
		tb.Fatal("no pairs in the generated history")
	}
	return out
}

// bodyOf is a file's text after its YAML front matter.
func bodyOf(s string) string {
	if rest, ok := strings.CutPrefix(s, "---\n"); ok {
		if i := strings.Index(rest, "\n---\n"); i >= 0 {
			return rest[i+len("\n---\n"):]
		}
	}
	return s
}

// BenchmarkTextRealistic diffs consecutive body versions from a generated
// history (one paragraph or step rewritten per edit, sometimes several),
// the revision pages' workload; one op is one pair.
func BenchmarkTextRealistic(b *testing.B) {
	pairs := realisticPairs(b, 400, 800)
	opt := Options{Context: 3}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := pairs[i%len(pairs)]
		Text(p.old, p.new, opt)
		i++
	}
}

// TestTextRealistic: consecutive versions from a generated history give
// diffs that rebuild both versions, also under tight bounds, and a one-word
// edit of such a body is shown as that word.
func TestTextRealistic(t *testing.T) {
	for i, p := range realisticPairs(t, 100, 200) {
		checkRebuild(t, p.old, p.new, Options{Context: 1 << 30})
		if i%4 == 0 {
			checkRebuild(t, p.new, p.old, Options{Context: 1 << 30, MaxWordTokens: 150, MaxWordEdits: 40})
		}
		if !strings.Contains(p.old, " ngày ") {
			continue
		}
		edited := strings.Replace(p.old, " ngày ", " tháng ", 1)
		r := Text(p.old, edited, Options{Context: -1})
		if r.Deleted != 1 || r.Inserted != 1 {
			t.Fatalf("one word replaced: %d deleted, %d inserted: %v", r.Deleted, r.Inserted, r.Segments)
		}
	}
}

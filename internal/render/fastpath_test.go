package render

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/textdiff"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// This file checks the fast paths of the body renderer against the
// general code they stand in for, on many inputs.

// fastPathSite is a generated site, for links to resolve to documents at
// every depth, and its documents' paths, sorted.
func fastPathSite(t testing.TB) (*Site, []string) {
	t.Helper()
	files := corpusgen.Files(corpusgen.Options{Docs: 120, Seed: 3})
	s := newTestSite(t, files, nil)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	if len(paths) < 100 {
		t.Fatalf("%d generated documents", len(paths))
	}
	return s, paths
}

// randomDest makes a link destination, often a relative path to one of
// paths as a body would write it, often something plainLinkDest refuses.
func randomDest(r *rand.Rand, paths []string) string {
	pieces := []string{"..", ".", "", "a", "x.md", "X.MD", "b.Md", "decisions", "2016", "c:d", "%2e%2e", "&amp;", "#f", "?q=1", " ", "\t", "-", "_", "..md", "...", "é"}
	switch r.IntN(4) {
	case 0: // a path to a document, from a random depth
		p := paths[r.IntN(len(paths))]
		return strings.Repeat("../", r.IntN(4)) + p
	case 1: // a root-relative path
		return "/" + paths[r.IntN(len(paths))]
	case 2: // a document's path with a piece changed
		segs := strings.Split(strings.Repeat("../", r.IntN(3))+paths[r.IntN(len(paths))], "/")
		segs[r.IntN(len(segs))] = pieces[r.IntN(len(pieces))]
		return strings.Join(segs, "/")
	}
	var b strings.Builder
	for range r.IntN(6) {
		if b.Len() > 0 || r.IntN(3) == 0 {
			b.WriteByte('/')
		}
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestPlainLinkDestMatchesAny: linkDest, with its fast path, gives what
// anyLinkDest gives, for documents at every depth and destinations of
// every shape.
func TestPlainLinkDestMatchesAny(t *testing.T) {
	s, paths := fastPathSite(t)
	docPaths := append([]string{"", "x.md", "/abs/x.md", "a//b.md", "a/./b.md", "a/../b.md", "processes/", "processes/kiem-lam/"}, paths...)
	r := rand.New(rand.NewPCG(1, 2))
	fast, resolved := 0, 0
	for range 200_000 {
		dest := randomDest(r, paths)
		docPath := docPaths[r.IntN(len(docPaths))]
		got, gotOK := s.linkDest(dest, docPath)
		want, wantOK := s.anyLinkDest(dest, docPath)
		if got != want || gotOK != wantOK {
			t.Fatalf("linkDest(%q, %q) = %q, %v; anyLinkDest gives %q, %v", dest, docPath, got, gotOK, want, wantOK)
		}
		if _, _, ok := s.plainLinkDest(dest, docPath); ok {
			fast++
			if gotOK && strings.HasSuffix(got, "/") {
				resolved++
			}
		}
	}
	// The fast path must be the one taken, and find documents.
	if fast < 50_000 || resolved < 20_000 {
		t.Errorf("fast path taken %d times, resolving %d documents", fast, resolved)
	}
}

// TestWriteHrefMatchesGoldmark: writeHref writes what goldmark's renderer
// writes in href.
func TestWriteHrefMatchesGoldmark(t *testing.T) {
	_, paths := fastPathSite(t)
	r := rand.New(rand.NewPCG(3, 4))
	chars := []string{"a", "Z", "0", "-", ".", "/", "_", "#", "?", "=", ":", "%", "%2F", "&", "&amp;", "\\", "\\*", " ", "\"", "<", "'", "é", "javascript:", "data:", "\x00"}
	dests := append([]string{"", "javascript:x", "JAVASCRIPT:x", "data:image/png;x", "/a/b/", "#muc", "?a=b"}, paths...)
	for range 100_000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(chars[r.IntN(len(chars))])
		}
		dests = append(dests, b.String())
	}
	for _, d := range dests {
		var got strings.Builder
		writeHref(&got, d)
		want := ""
		if !html.IsDangerousURL([]byte(d)) {
			want = string(util.EscapeHTML(util.URLEscape([]byte(d), true)))
		}
		if got.String() != want {
			t.Fatalf("writeHref(%q) = %q, want %q", d, got.String(), want)
		}
	}
}

// refSimpleInlineOK is simpleInlineOK as it was before it checked UTF-8
// itself, when simpleBlocks called utf8.ValidString on the whole body.
func refSimpleInlineOK(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch simpleClass[c] {
		case simpleStop:
			return false
		case simpleHigh:
			if c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0 {
				return false
			}
		case simpleBang:
			if i+1 < len(s) && s[i+1] == '[' {
				return false
			}
		case simpleOpen:
			text, dest, n, ok := simpleLink(s[i:])
			if !ok || !refSimpleInlineOK(text) || strings.IndexByte(text, '[') >= 0 || strings.IndexByte(dest, '&') >= 0 {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// TestSimpleInlineOKChecksUTF8: simpleInlineOK accepts what the old check
// with utf8.ValidString accepted, on random text with valid and invalid
// multi-byte sequences of every length.
func TestSimpleInlineOKChecksUTF8(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", " ", "Mục", "đích", "ệ", "ữ", "\u00a0", "\u0085", "\u0300", "\u07ff", "\u0800", "\u1eaf", "\ud7ff", "\ue000", "\uffff", "\ufffd", "\U00010000", "\U0010ffff",
		"[a](b.md)", "[ệ](../c.md)", "[a", "](", ")", "!", "&", "\xc2", "\xc3", "\xdf", "\xe0", "\xe1", "\xed", "\xef", "\xf0", "\xf4", "\xf5", "\xff", "\x80", "\xa0", "\xbf", "\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80"}
	accepted := 0
	for range 300_000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		want := utf8.ValidString(s) && refSimpleInlineOK(s)
		if got := simpleInlineOK(s); got != want {
			t.Fatalf("simpleInlineOK(%q) = %v, want %v", s, got, want)
		}
		if want {
			accepted++
		}
	}
	if accepted < 10_000 {
		t.Errorf("only %d texts accepted", accepted)
	}
}

// TestHeadingIDsManyAndReserved: ids stay unique past the slice's
// capacity, skip every reserved id, and are what a set of all ids would
// give.
func TestHeadingIDsManyAndReserved(t *testing.T) {
	ids := newHeadingIDs()
	want := map[string]bool{}
	for _, r := range reservedIDs {
		want[r] = true
	}
	r := rand.New(rand.NewPCG(7, 8))
	names := []string{"Mục đích", "main", "Top", "Nội dung", "content", "Mục đích 2", "", "!!", "muc-2"}
	for i := range 200 {
		name := names[r.IntN(len(names))]
		if i%17 == 0 {
			ids.Put([]byte(name))
			want[name] = true
			continue
		}
		base := slugify(name)
		if base == "" {
			base = "muc"
		}
		w := base
		for n := 2; want[w]; n++ {
			w = base + "-" + strconv.Itoa(n)
		}
		want[w] = true
		if got := string(ids.Generate([]byte(name), 0)); got != w {
			t.Fatalf("heading %d %q: id %q, want %q", i, name, got, w)
		}
	}
}

// BenchmarkLinkDest resolves the destinations of the links of generated
// bodies from documents two directories deep, as a site's are, with
// linkDest (its fast path) and with anyLinkDest.
func BenchmarkLinkDest(b *testing.B) {
	s, paths := fastPathSite(b)
	var dests []string
	for _, p := range paths {
		dests = append(dests, "../../"+p)
	}
	for _, c := range []struct {
		name string
		dest func(dest, docPath string) (string, bool)
	}{{"linkDest", s.linkDest}, {"anyLinkDest", s.anyLinkDest}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, ok := c.dest(dests[i%len(dests)], "processes/kiem-lam/qt-kl-01.md"); !ok {
					b.Fatal("not resolved")
				}
				i++
			}
		})
	}
}

// TestCompareFieldEqualLists: a list field whose items did not change
// reports no change, as the diff of its items did, and a changed list
// still reports its items added and removed.
func TestCompareFieldEqualLists(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	items := []string{"3463/QĐ-UBND", "3465/QĐ-UBND", "1.004359", "BM-01", "a", "a"}
	for range 20_000 {
		var o, n []string
		for range r.IntN(5) {
			o = append(o, items[r.IntN(len(items))])
		}
		n = append(n, o...)
		if r.IntN(2) == 0 && len(n) > 0 {
			n[r.IntN(len(n))] = items[r.IntN(len(items))]
		}
		got, changed := compareField(list("L", o), list("L", n))
		var parts []string
		for _, e := range textdiff.Diff(o, n, 200) {
			switch e.Op {
			case textdiff.Ins:
				for _, v := range n[e.B0:e.B1] {
					parts = append(parts, "+ "+v)
				}
			}
		}
		for _, e := range textdiff.Diff(o, n, 200) {
			if e.Op == textdiff.Del {
				for _, v := range o[e.A0:e.A1] {
					parts = append(parts, "− "+v)
				}
			}
		}
		want := strings.Join(parts, ", ")
		if got != want || changed != (want != "") {
			t.Fatalf("compareField(%q, %q) = %q, %v; want %q", o, n, got, changed, want)
		}
	}
}

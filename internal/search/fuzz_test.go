package search

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// FuzzTokenize checks, on any text, that tokenising never panics, keys are
// non-empty, folded and short, and identifiers come with their pieces.
func FuzzTokenize(f *testing.F) {
	for _, s := range parityInputs() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		for i, tok := range toks {
			if tok.Key == "" || runeLen(tok.Key) > maxTokenRunes || !utf8.ValidString(tok.Key) {
				t.Fatalf("Tokenize(%q)[%d] = %+v: bad key", s, i, tok)
			}
			if tok.Kind == Part && (i == 0 || (toks[i-1].Kind != ID && toks[i-1].Kind != Part)) {
				t.Fatalf("Tokenize(%q)[%d] = %+v: a piece without its identifier", s, i, tok)
			}
			if tok.Kind == Word && Fold(tok.Key) != tok.Key {
				t.Fatalf("Tokenize(%q)[%d] = %+v: key not folded", s, i, tok)
			}
			if strings.ContainsAny(tok.Key, " ") {
				t.Fatalf("Tokenize(%q)[%d] = %+v: key with a space", s, i, tok)
			}
		}
		if f := Fold(s); Fold(f) != f {
			t.Fatalf("Fold(%q) = %q is not a fixed point", s, f)
		}
	})
}

// FuzzBuildSearch builds an index of a document made of any text and
// searches it with any query: no panic, no error, and a query made of the
// title finds the document.
func FuzzBuildSearch(f *testing.F) {
	f.Add("Cấp chứng chỉ hành nghề thú y", "3463/QĐ-UBND", "chung chi")
	f.Add("\xff\u0301", "", "\x00")
	f.Add("đường", "QT-TS-01", "dương")
	f.Fuzz(func(t *testing.T, title, code, q string) {
		files, err := Build([]Doc{{URL: "a/", Title: title, Code: code, Body: title + " " + q},
			{URL: "b/", Title: q, Code: code}})
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for name, b := range files {
			fsys[name] = &fstest.MapFile{Data: b}
		}
		ix, err := Open(fsys)
		if err != nil {
			t.Fatal(err)
		}
		for _, query := range []string{q, title, code} {
			if _, err := ix.Search(query, 5); err != nil {
				t.Fatalf("Search(%q): %v", query, err)
			}
		}
		if len(parseQuery(title).terms) == 0 {
			return
		}
		res, err := ix.Search(title, 5)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range res.Hits {
			found = found || h.Entry.URL == "a/"
		}
		if !found {
			t.Fatalf("Search(title %q) misses the document", title)
		}
	})
}

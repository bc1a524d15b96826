package content_test

import (
	"sort"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// benchFiles returns a generated corpus of n documents as paths and
// contents, in path order.
func benchFiles(n int) ([]string, [][]byte) {
	files := corpusgen.Files(corpusgen.Options{Docs: n})
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	data := make([][]byte, len(paths))
	for i, p := range paths {
		data[i] = []byte(files[p])
	}
	return paths, data
}

// BenchmarkParseFile parses the 1,000 documents of a generated corpus
// per operation, as Load does for the current documents.
func BenchmarkParseFile(b *testing.B) {
	benchParse(b, content.ParseOptions{})
}

// BenchmarkParseFileNoLinks parses them as past revisions (NoLinks), as
// the site build does for every revision it shows.
func BenchmarkParseFileNoLinks(b *testing.B) {
	benchParse(b, content.ParseOptions{NoLinks: true})
}

func benchParse(b *testing.B, o content.ParseOptions) {
	paths, data := benchFiles(1000)
	size := 0
	for _, d := range data {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, p := range paths {
			if doc, _ := content.ParseFileOptions(p, data[i], o); doc == nil {
				b.Fatalf("%s: not parsed", p)
			}
		}
	}
}

package checks

import (
	"maps"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/content"
)

// FuzzChecks replaces one file of the clean manual (testdata/clean) with
// arbitrary bytes and runs every check: none may panic or fail to run, and
// every diagnostic must name a file of the corpus. The seeds are the
// manual's own files.
func FuzzChecks(f *testing.F) {
	ar, err := txtar.ParseFile("testdata/clean/manual.txtar")
	if err != nil {
		f.Fatal(err)
	}
	base := fstest.MapFS{}
	var names []string
	for _, file := range ar.Files {
		base[file.Name] = &fstest.MapFile{Data: file.Data}
		names = append(names, file.Name)
	}
	for i, file := range ar.Files {
		f.Add(uint8(i), file.Data)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := maps.Clone(base)
		fsys[names[int(which)%len(names)]] = &fstest.MapFile{Data: data}
		c, _ := content.Load(fsys)
		ds, err := check.Run(c, All, testToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if _, ok := fsys[d.Pos.Path]; !ok || d.Pos.Line < 1 {
				t.Fatalf("diagnostic outside the corpus: %v", d)
			}
		}
	})
}

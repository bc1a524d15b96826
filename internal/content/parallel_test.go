package content_test

import (
	"reflect"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestLoadParallelMatchesSequential loads a generated corpus large enough
// for Load to parse on several goroutines (with a few broken files among
// them) and compares the corpus and the diagnostics with the files parsed
// one by one in path order: the result must not depend on scheduling.
func TestLoadParallelMatchesSequential(t *testing.T) {
	files := corpusgen.Files(corpusgen.Options{Docs: 400})
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	// Break every 37th file in a different way.
	for i := 0; i < len(paths); i += 37 {
		switch (i / 37) % 3 {
		case 0:
			fsys[paths[i]] = &fstest.MapFile{Data: []byte("không có front matter\n")}
		case 1:
			fsys[paths[i]] = &fstest.MapFile{Data: []byte("---\ntitle: [unclosed\n---\n")}
		case 2:
			fsys[paths[i]] = &fstest.MapFile{Data: []byte{'-', '-', '-', '\n', 0xff, '\n', '-', '-', '-', '\n'}}
		}
	}

	got, gotDiags := content.Load(fsys)

	want := &qms.Corpus{}
	var wantDiags []qms.Diagnostic
	for _, k := range qms.Kinds {
		for _, p := range paths {
			if qms.KindOfDir(p[:len(k.Dir())]) != k || p[len(k.Dir())] != '/' {
				continue
			}
			doc, ds := content.ParseFile(p, fsys[p].Data)
			wantDiags = append(wantDiags, ds...)
			want.Add(doc)
		}
	}
	want.Index()
	wantDiags = qms.SortDiagnostics(wantDiags)

	if len(gotDiags) == 0 {
		t.Fatal("the broken files gave no diagnostics")
	}
	if !reflect.DeepEqual(gotDiags, wantDiags) {
		t.Errorf("diagnostics differ: got %d, want %d", len(gotDiags), len(wantDiags))
	}
	g, w := got.Documents(), want.Documents()
	if len(g) != len(w) || len(g) < 300 {
		t.Fatalf("documents: got %d, want %d (≥ 300)", len(g), len(w))
	}
	for i := range g {
		if g[i].Base().Path != w[i].Base().Path || !reflect.DeepEqual(g[i], w[i]) {
			t.Fatalf("document %d: got %s, want %s", i, g[i].Base().Path, w[i].Base().Path)
		}
	}
}

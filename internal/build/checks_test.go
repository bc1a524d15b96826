package build

import (
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/rules"
)

// TestRunChecksParallel: running the checks several at once gives what
// check.Run gives, on the whole-site manual, on it with broken files, and
// on a generated corpus (run with -race: the checks share the corpus).
func TestRunChecksParallel(t *testing.T) {
	a := loadArchive(t, "site.txtar")
	site := fstest.MapFS{}
	for _, f := range a.Files {
		site[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	broken := fstest.MapFS{}
	for name, f := range site {
		broken[name] = f
	}
	broken["processes/qt-01.md"] = &fstest.MapFile{Data: []byte("---\ncode: QT-01\nlegal_basis: [\"1/2099/QĐ-UBND\"]\n---\n")}
	broken["decisions/dup.md"] = site["decisions/2019/100-qd-ubnd.md"]
	gen := fstest.MapFS{}
	for p, s := range corpusgen.Files(corpusgen.Options{Docs: 500}) {
		gen[p] = &fstest.MapFile{Data: []byte(s)}
	}
	for name, fsys := range map[string]fstest.MapFS{"site": site, "broken": broken, "generated": gen} {
		c, _ := content.Load(fsys)
		want, err := check.Run(c, rules.All(), testAsOf)
		if err != nil {
			t.Fatal(err)
		}
		got, err := runChecks(c, rules.All(), testAsOf)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d diagnostics in parallel, %d in turn, or in another order", name, len(got), len(want))
		}
		if name == "broken" && len(want) < 2 {
			t.Errorf("broken: only %d diagnostics", len(want))
		}
	}
}

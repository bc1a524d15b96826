package corpusgen

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/check/checks"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// checkClean loads files with the real loader and runs every check.
func checkClean(t *testing.T, files map[string]string) *qms.Corpus {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, c := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(c)}
	}
	corpus, diags := content.Load(fsys)
	found, err := check.Run(corpus, checks.All, qms.Date{Year: 2026, Month: 11, Day: 29})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(diags, found...) {
		t.Errorf("%s", d)
	}
	return corpus
}

func TestFilesPassCheck(t *testing.T) {
	files := Files(Options{Docs: 400})
	if len(files) != 400 {
		t.Fatalf("%d files, want 400", len(files))
	}
	c := checkClean(t, files)
	if len(c.Decisions) == 0 || len(c.Procedures) == 0 || len(c.Processes) == 0 {
		t.Errorf("kinds: %d decisions, %d procedures, %d processes", len(c.Decisions), len(c.Procedures), len(c.Processes))
	}
}

func TestHistoryHeadPassesCheck(t *testing.T) {
	var sb strings.Builder
	st, err := WriteStream(&sb, Options{Docs: 200, Commits: 500, Renames: 0.05, Deletes: 0.03})
	if err != nil {
		t.Fatal(err)
	}
	if st.Commits != 500 || st.Merges == 0 || st.Renames == 0 || st.Deletes == 0 || st.Docs != len(st.Head) {
		t.Errorf("stats %+v", st)
	}
	checkClean(t, st.Head)
	stream := sb.String()
	for _, want := range []string{"commit refs/heads/main\n", "merge :", "\nD ", "Approved-by: ", "Change-reason: "} {
		if !strings.Contains(stream, want) {
			t.Errorf("stream lacks %q", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := Files(Options{Docs: 50, Seed: 7}), Files(Options{Docs: 50, Seed: 7})
	if !reflect.DeepEqual(a, b) {
		t.Error("same options, different files")
	}
	if c := Files(Options{Docs: 50, Seed: 8}); reflect.DeepEqual(a, c) {
		t.Error("different seeds, same files")
	}
}

package checks

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/unicode/norm"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// testToday is the date the txtar tests evaluate statuses at, unless the
// archive's comment has a line "today: YYYY-MM-DD".
var testToday = qms.Date{Year: 2025, Month: 1, Day: 15}

// TestChecks runs each testdata/<ID>[-case].txtar: the archive's files are
// loaded with content.Load, the check <ID> runs over the corpus, and the
// loader's diagnostics plus the check's, printed by check.WriteText, must
// equal the archive's "want" section. Each archive must show the check
// failing (a diagnostic of <ID>) and passing (a content file with no
// diagnostic at all). -update rewrites the want sections.
func TestChecks(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			id, _, _ := strings.Cut(name, "-")
			ch := check.Find(All, id)
			if ch == nil || ch.ID != id {
				t.Fatalf("%s: no check with ID %q", file, id)
			}
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			today := archiveToday(t, ar)
			fsys := fstest.MapFS{}
			var want []byte
			wantIdx := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					want, wantIdx = f.Data, i
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			diags := runOne(t, fsys, ch, today)
			var buf bytes.Buffer
			if err := check.WriteText(&buf, diags); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = got
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatalf("%s has no want section; run go test -update", file)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: diagnostics differ\n--- got\n%s--- want\n%s", file, got, want)
			}
			assertFailAndClean(t, ch, fsys, diags)
		})
	}
}

// runOne loads fsys and runs ch over it (the loader's own IDs have no Run:
// their diagnostics come from the loader). It also runs every check, which
// must not fail or panic on any test corpus.
func runOne(t *testing.T, fsys fstest.MapFS, ch *check.Check, today qms.Date) []qms.Diagnostic {
	t.Helper()
	corpus, diags := content.Load(fsys)
	if _, err := check.Run(corpus, All, today); err != nil {
		t.Fatalf("running all checks: %v", err)
	}
	ds, err := check.Run(corpus, []*check.Check{ch}, today)
	if err != nil {
		t.Fatal(err)
	}
	return qms.SortDiagnostics(append(diags, ds...))
}

// assertFailAndClean checks that an archive has a failing case (a
// diagnostic of ch) and a clean case (a content file without any).
func assertFailAndClean(t *testing.T, ch *check.Check, fsys fstest.MapFS, diags []qms.Diagnostic) {
	t.Helper()
	failing := false
	dirty := map[string]bool{}
	for _, d := range diags {
		dirty[d.Pos.Path] = true
		if d.Check == ch.ID {
			failing = true
		}
	}
	if !failing {
		t.Errorf("no %s diagnostic: the archive needs a failing case", ch.ID)
	}
	for name := range fsys {
		if !dirty[name] {
			return
		}
	}
	t.Errorf("every file has a diagnostic: the archive needs a clean case")
}

var todayLine = regexp.MustCompile(`(?m)^today: (\S+)$`)

func archiveToday(t *testing.T, ar *txtar.Archive) qms.Date {
	t.Helper()
	m := todayLine.FindSubmatch(ar.Comment)
	if m == nil {
		return testToday
	}
	d, err := qms.ParseDate(string(m[1]))
	if err != nil {
		t.Fatalf("archive comment: %v", err)
	}
	return d
}

var idPattern = regexp.MustCompile(`^[A-Z]{2}[0-9]{3}$`)
var namePattern = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// TestAllWellFormed checks the list itself: IDs unique and well formed,
// names unique kebab-case, a known severity, a Vietnamese title and an
// explanation in NFC, a Run for every rule outside the loader's LD
// category, and a txtar test for every check.
func TestAllWellFormed(t *testing.T) {
	ids := map[string]bool{}
	names := map[string]bool{}
	cats := map[string]bool{}
	for i, c := range All {
		if !idPattern.MatchString(c.ID) {
			t.Errorf("All[%d]: ID %q is not two capitals and three digits", i, c.ID)
		}
		if ids[c.ID] {
			t.Errorf("duplicate ID %s", c.ID)
		}
		ids[c.ID] = true
		if i > 0 {
			prev := All[i-1].ID
			if prev[:2] == c.ID[:2] && prev >= c.ID {
				t.Errorf("All: %s after %s; a category's IDs go in order", c.ID, prev)
			}
			if prev[:2] != c.ID[:2] && cats[c.ID[:2]] {
				t.Errorf("All: category %s is not contiguous", c.ID[:2])
			}
		}
		cats[c.ID[:2]] = true
		if !namePattern.MatchString(c.Name) {
			t.Errorf("%s: name %q is not kebab-case", c.ID, c.Name)
		}
		if names[c.Name] {
			t.Errorf("duplicate name %s", c.Name)
		}
		names[c.Name] = true
		if c.Severity != qms.Error && c.Severity != qms.Warning {
			t.Errorf("%s: severity %d", c.ID, c.Severity)
		}
		if c.Title() == "" || c.Body() == "" {
			t.Errorf("%s: Doc needs a title line and an explanation", c.ID)
		}
		if strings.HasSuffix(c.Title(), ".") {
			t.Errorf("%s: title %q ends with a full stop", c.ID, c.Title())
		}
		if !norm.NFC.IsNormalString(c.Doc) {
			t.Errorf("%s: Doc is not NFC", c.ID)
		}
		if isLoader := strings.HasPrefix(c.ID, "LD"); isLoader != (c.Run == nil) {
			t.Errorf("%s: Run must be nil exactly for the loader's LD checks", c.ID)
		}
		if check.Find(All, c.ID) != c || check.Find(All, c.Name) != c {
			t.Errorf("%s: check.Find does not find it", c.ID)
		}
		// No set of files makes a read fail (the tests run as any user,
		// root included): content's TestUnreadableFile tests LD012.
		if _, err := os.Stat(filepath.Join("testdata", c.ID+".txtar")); err != nil && c.ID != "LD012" {
			t.Errorf("%s: no test: %v", c.ID, err)
		}
	}
}

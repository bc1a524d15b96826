package serve

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestScan: what a scan sees, and what it reports as changed.
func TestScan(t *testing.T) {
	root := t.TempDir()
	content := filepath.Join(root, "processes")
	theme := filepath.Join(root, "theme")
	dirs := []watched{
		{dir: content, keep: contentFile},
		{dir: filepath.Join(root, "decisions"), keep: contentFile}, // missing: empty
		{dir: theme, keep: themeFile},
	}
	a := filepath.Join(content, "a.md")
	for p, s := range map[string]string{
		a:                                        "aaaa",
		filepath.Join(content, "sub", "B.MD"):    "b",
		filepath.Join(content, ".a.md.swp"):      "x",
		filepath.Join(content, "note.txt"):       "x",
		filepath.Join(content, ".git", "c.md"):   "x",
		filepath.Join(theme, "static", "s.css"):  "x",
		filepath.Join(theme, "static", "s.css~"): "x",
		filepath.Join(theme, ".#base.html"):      "x",
	} {
		write(t, p, s)
	}
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	now := time.Now()
	tr, diff, err := scan(dirs, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"processes/a.md", "processes/sub/B.MD", "theme/static/s.css"}; !slices.Equal(rel(diff), want) {
		t.Fatalf("first scan = %v, want %v", rel(diff), want)
	}
	step := func(name string, want ...string) {
		t.Helper()
		var diff []string
		tr, diff, err = scan(dirs, tr, now)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rel(diff), want) {
			t.Errorf("%s: changed %v, want %v", name, rel(diff), want)
		}
	}
	step("nothing changed")

	// Same size, same time, other bytes: seen because the file is recent.
	st, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	write(t, a, "abcd")
	if err := os.Chtimes(a, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	step("same size and time", "processes/a.md")
	step("nothing changed after that")

	// Three seconds later the file is no longer recent: it is compared
	// once more by its bytes (a write just after the last scan may have
	// kept its size and time), then by size and time alone.
	write(t, a, "abce")
	if err := os.Chtimes(a, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	now = now.Add(3 * time.Second)
	step("no longer recent, other bytes", "processes/a.md")
	if s := tr[a]; s.sum != 0 {
		t.Errorf("a file that is not recent keeps its hash: %+v", s)
	}
	write(t, a, "abcf")
	if err := os.Chtimes(a, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	step("not recent: known by size and time alone")
	old := now.Add(-time.Hour)
	if err := os.Chtimes(a, old, old); err != nil {
		t.Fatal(err)
	}
	step("time changed", "processes/a.md")

	if err := os.Remove(filepath.Join(theme, "static", "s.css")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "decisions", "d.md"), "d")
	step("removed and added", "decisions/d.md", "theme/static/s.css")
}

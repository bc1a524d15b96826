package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestRecycle: a build that recycles the kept previous output gives the
// same tree as a build into an empty directory (files overwritten, stale
// files and directories removed, missing directories made, a directory
// where a file now goes and a file where a directory now goes replaced), and failed builds leave both
// the site and the kept output usable.
func TestRecycle(t *testing.T) {
	a := loadArchive(t, "site.txtar")
	v1 := writeArchive(t, a)
	// v2 drops a procedure and adds one, and changes a process.
	b := withFile(a, "procedures/na-09.md", strings.Replace(fileOf(t, a, "procedures/na-04.md"), `code: "NA-04"`, `code: "NA-09"`, 1))
	b = withFile(b, "processes/qt-01.md", fileOf(t, a, "processes/qt-01.md")+"\nMột dòng mới.\n")
	v2 := writeArchive(t, b)
	if err := os.Remove(filepath.Join(v2, "procedures", "na-04.md")); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build := func(root string) {
		t.Helper()
		if _, err := Build(context.Background(), Options{Root: root, Out: out, AsOf: testAsOf, Force: true, NoHistory: true}); err != nil {
			t.Fatal(err)
		}
	}
	build(v1)
	build(v2) // v1 is kept as .public.prev
	// Make the kept tree awkward: a directory where v2 writes a file and a
	// file where v2 needs a directory.
	prev := filepath.Join(dir, ".public.prev")
	if err := os.MkdirAll(filepath.Join(prev, "sitemap.xml.d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(prev, "procedures", "na-09")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(prev, "procedures", "na-09"), []byte("a file in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(prev, "checks", "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(prev, "checks", "index.html", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A directory missing from the kept tree (made again when its first
	// file cannot be opened).
	if err := os.RemoveAll(filepath.Join(prev, "processes")); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(prev, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	build(v2) // recycles v1's tree
	after, err := os.Stat(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("the kept output was not recycled")
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Root: v2, Out: fresh, AsOf: testAsOf, Force: true, NoHistory: true}); err != nil {
		t.Fatal(err)
	}
	got, want := readTree(t, out), readTree(t, fresh)
	for p, b := range want {
		if !bytes.Equal(b, got[p]) {
			t.Errorf("%s differs from a fresh build", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s left from the previous output", p)
		}
	}
	if dirs := countDirs(t, out); dirs != countDirs(t, fresh) {
		t.Errorf("%d directories, a fresh build has %d", dirs, countDirs(t, fresh))
	}

	// A failed build gives the kept output back.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, Options{Root: v1, Out: out, AsOf: testAsOf, NoHistory: true}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != ".public.prev" || !isSite(prev) {
		t.Errorf("after a cancelled build: %v", entries)
	}
	if !strings.Contains(page(t, out, "processes/qt-01/"), "Một dòng mới.") {
		t.Error("a cancelled build changed the site")
	}
}

func fileOf(t *testing.T, a *txtar.Archive, name string) string {
	t.Helper()
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("no %s", name)
	return ""
}

func countDirs(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if d != nil && d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOutForeignSite: a folder that holds index.html and sitemap.xml but
// was not built by qms (a Hugo public/, a web root) is refused, twice,
// and keeps every file; a build into a new folder marks it as qms's.
func TestOutForeignSite(t *testing.T) {
	root := writeArchive(t, loadArchive(t, "site.txtar"))
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	files := map[string]string{"index.html": "<html>", "sitemap.xml": "<urlset/>", "anh/logo.png": "png"}
	for name, data := range files {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{Root: root, Out: out, AsOf: testAsOf, NoHistory: true}
	for range 2 {
		_, err := Build(context.Background(), opts)
		if err == nil || !strings.Contains(err.Error(), "không phải một site do qms tạo") {
			t.Fatalf("foreign site: err = %v", err)
		}
	}
	for name, data := range files {
		if b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name))); err != nil || string(b) != data {
			t.Errorf("%s: %q, %v", name, b, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left next to the output: %v", entries)
	}

	fresh := filepath.Join(dir, "site")
	opts.Out = fresh
	for range 3 {
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
	}
	if !isSite(fresh) || !isSite(filepath.Join(dir, ".site.prev")) {
		t.Error("the output and the kept copy are not marked")
	}
}

// TestLeftovers: a build removes the temporary directories that a killed
// build into the same folder left (they hold the marker), and nothing
// else that only looks like one.
func TestLeftovers(t *testing.T) {
	root := writeArchive(t, loadArchive(t, "site.txtar"))
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	opts := Options{Root: root, Out: out, AsOf: testAsOf, NoHistory: true}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	// A build killed while writing: its temporary directory, made as a
	// build makes it, holds the marker and part of a site.
	killed, err := tempDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(killed, "processes", "qt-01"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A folder of the user's with a name like a temporary directory.
	mine := filepath.Join(dir, ".public.tmp-cua-toi")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(killed); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the killed build's directory is still there: %v", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a folder without the marker was removed: %v", err)
	}
}

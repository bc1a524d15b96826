package build

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

var update = flag.Bool("update", false, "rewrite testdata/golden files")

// testAsOf is the date the test sites are built as of.
var testAsOf = qms.Date{Year: 2025, Month: 6, Day: 1}

// writeArchive writes the files of a txtar archive under a new temporary
// content root and returns it.
func writeArchive(t testing.TB, a *txtar.Archive) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// loadArchive reads testdata/<name>.
func loadArchive(t testing.TB, name string) *txtar.Archive {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// siteFiles returns the files of testdata/site.txtar by name.
func siteFiles(t testing.TB) map[string]string {
	t.Helper()
	f := map[string]string{}
	for _, file := range loadArchive(t, "site.txtar").Files {
		f[file.Name] = string(file.Data)
	}
	return f
}

// withFile returns a copy of a with the file name set to data (added or
// replaced).
func withFile(a *txtar.Archive, name, data string) *txtar.Archive {
	b := &txtar.Archive{Comment: a.Comment}
	found := false
	for _, f := range a.Files {
		if f.Name == name {
			f.Data = []byte(data)
			found = true
		}
		b.Files = append(b.Files, f)
	}
	if !found {
		b.Files = append(b.Files, txtar.File{Name: name, Data: []byte(data)})
	}
	return b
}

// buildSite builds the archive as of testAsOf into a new directory and
// returns the output directory.
func buildSite(t testing.TB, a *txtar.Archive, edit func(*Options)) (string, *Result) {
	t.Helper()
	root := writeArchive(t, a)
	out := filepath.Join(t.TempDir(), "public")
	var stderr bytes.Buffer
	opts := Options{Root: root, Out: out, AsOf: testAsOf, Commit: "abc1234", Stderr: &stderr}
	if edit != nil {
		edit(&opts)
	}
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("Build: %v\n%s", err, stderr.String())
	}
	return res.Out, res
}

// page returns the file at rel under out; rel ending in "/" means its
// index.html.
func page(t testing.TB, out, rel string) string {
	t.Helper()
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("page %s: %v", rel, err)
	}
	return string(b)
}

// exists reports whether rel exists under out.
func exists(out, rel string) bool {
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	_, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel)))
	return err == nil
}

// readTree returns every file under dir by '/'-separated relative path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		m[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

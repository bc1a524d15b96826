package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/snnptnt-nghean/qms/internal/content"
)

// TestLiveMatchesBuild: every file of a live snapshot is byte for byte the
// file Build writes with the same options, and the snapshot has no other.
func TestLiveMatchesBuild(t *testing.T) {
	a := loadArchive(t, "site.txtar")
	root := writeArchive(t, a)
	opts := Options{Root: root, Out: filepath.Join(t.TempDir(), "public"), AsOf: testAsOf, Commit: "abc1234", Force: true}
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := readTree(t, res.Out)
	delete(want, siteMarker) // marks the folder, not part of the site
	l, err := NewLive(opts)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := l.Build(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		got, err := snap.File(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, w) {
			t.Errorf("%s differs from the built file", name)
		}
	}
	if snap.Result.Files != len(snap.pages)+len(snap.static) || len(snap.pages) == 0 {
		t.Errorf("Files = %d", snap.Result.Files)
	}
	for name := range snap.pages {
		if _, ok := want[name]; !ok {
			t.Errorf("snapshot has %s, which Build did not write", name)
		}
	}
	for _, name := range []string{"nope.html", "search/nope.json", "processes/"} {
		if _, err := snap.File(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("File(%q) = %v, want ErrNotExist", name, err)
		}
	}
}

// TestLiveReloadScriptAndWarnings: a live build adds the reload script to
// every page and shows warnings as well as errors on the page of their file.
func TestLiveReloadScriptAndWarnings(t *testing.T) {
	a := loadArchive(t, "site.txtar")
	root := writeArchive(t, a)
	l, err := NewLive(Options{Root: root, AsOf: testAsOf, Warnings: true})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := l.Build(context.Background(), "__qms/reload.js?g=x.1")
	if err != nil {
		t.Fatal(err)
	}
	for name := range snap.pages {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		b, err := snap.File(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `<script src="/__qms/reload.js?g=x.1" defer></script>`) {
			t.Errorf("%s has no reload script", name)
		}
	}
	// qt-01 is past its review date (PR003, a warning).
	b, err := snap.File("processes/qt-01/index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`class="banner banner-warning"`, `>Cảnh báo kiểm tra</h2>`, `Cảnh báo: quy trình QT-01 đến hạn xem xét`, `(<a href="/checks/#PR003">PR003</a>)`} {
		if !strings.Contains(string(b), w) {
			t.Errorf("processes/qt-01/ lacks %s", w)
		}
	}
	// A published build shows no warnings.
	out, _ := buildSite(t, a, nil)
	if p := page(t, out, "processes/qt-01/"); strings.Contains(p, "PR003") || strings.Contains(p, "reload.js") {
		t.Error("qms build shows warnings or the reload script")
	}
}

// writeTree writes name → content under root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, s := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDocCache: the cached loader gives what content.LoadDir gives, parses
// again only the files that changed, and sees a same-size edit that keeps
// the modification time of a recently written file.
func TestDocCache(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"decisions/61-2018-nd-cp.md":   "---\nnumber: \"61/2018/NĐ-CP\"\ntype: nghi-dinh\nissuer: Chính phủ\nissued: 2018-04-23\ntitle: Một cửa\n---\nx\n",
		"decisions/sub/01-2020.md":     "---\nnumber: \"01/2020/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh\nissued: 2020-01-02\ntitle: Hai\n---\n",
		"decisions/UPPER.MD":           "---\n---\n",
		"decisions/.hidden.md":         "not loaded",
		"decisions/.git/x.md":          "not loaded",
		"decisions/note.txt":           "not a document",
		"procedures/broken.md":         "---\ncode: [\n---\n",
		"procedures/latin1.md":         "---\ntitle: caf\xe9\n---\n",
		"processes/qt-01.md":           "---\ncode: QT-01\ntitle: Một\n---\nbody\n",
		"processes/no-front-matter.md": "just text\n",
	})
	dc := newDocCache(root)
	same := func(step string, wantParsed int) {
		t.Helper()
		c, diags, parsed, err := dc.load()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		wc, wd, err := content.LoadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c, wc) {
			t.Errorf("%s: corpus differs from content.LoadDir", step)
		}
		if !reflect.DeepEqual(diags, wd) {
			t.Errorf("%s: diagnostics differ:\n got %v\nwant %v", step, diags, wd)
		}
		if parsed != wantParsed {
			t.Errorf("%s: parsed %d files, want %d", step, parsed, wantParsed)
		}
	}
	same("first load", 7)
	same("nothing changed", 0)

	writeTree(t, root, map[string]string{"processes/qt-01.md": "---\ncode: QT-01\ntitle: Hai\n---\nbody\n"})
	same("one file edited", 1)

	// The same size and modification time, other bytes: only the hash of
	// a recently modified file tells.
	p := filepath.Join(root, "processes", "qt-01.md")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	writeTree(t, root, map[string]string{"processes/qt-01.md": "---\ncode: QT-01\ntitle: Ba!\n---\nbody\n"})
	if err := os.Chtimes(p, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	same("same size and time", 1)

	if err := os.Remove(filepath.Join(root, "decisions", "sub", "01-2020.md")); err != nil {
		t.Fatal(err)
	}
	writeTree(t, root, map[string]string{"procedures/new.md": "---\ncode: \"1.000001\"\ntitle: Mới\n---\n"})
	same("one removed, one added", 1)
	if _, ok := dc.entries["decisions/sub/01-2020.md"]; ok {
		t.Error("a removed file stays in the cache")
	}

	// An old file is trusted by size and time and not read again.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	same("old time", 0) // the time changed: read again, same bytes, not parsed
	if e := dc.entries["processes/qt-01.md"]; e == nil || !e.sure {
		t.Errorf("an hour-old file is not trusted by its size and time: %+v", e)
	}
	same("old time again", 0)
}

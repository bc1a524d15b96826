package build

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// racyWindow is how recent a file's modification time must be for its size
// and time not to be trusted to identify its content: a second write within
// the file system's timestamp granularity (two seconds on FAT) may leave
// both as they were. Such a file is read again and compared by content, as
// git does with "racily clean" index entries.
const racyWindow = 2 * time.Second

// docCache loads a content root as content.LoadDir does, parsing again only
// the files that changed since the previous load (qms serve).
//
// A file is identified by its size and modification time; one modified
// within racyWindow of the load is read and compared by a hash of its
// bytes. Each file is parsed by content.Load on a file system holding that
// file alone, so its document and diagnostics are exactly those of a full
// load. Anything unusual (an unreadable file or folder) falls back to
// content.LoadDir.
type docCache struct {
	root    string
	entries map[string]*cachedFile // content path → last parse
}

// cachedFile is one file's last parse.
type cachedFile struct {
	size  int64
	mtime int64  // UnixNano
	sure  bool   // mtime was older than racyWindow when the file was read
	sum   uint64 // FNV-1a of the bytes read
	doc   qms.Document
	diags []qms.Diagnostic
}

func newDocCache(root string) *docCache {
	return &docCache{root: root, entries: map[string]*cachedFile{}}
}

// load returns the corpus and the loader's diagnostics, and how many files
// were parsed again.
func (dc *docCache) load() (*qms.Corpus, []qms.Diagnostic, int, error) {
	st, err := os.Stat(dc.root)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("load %s: %w", dc.root, err)
	}
	if !st.IsDir() {
		return nil, nil, 0, fmt.Errorf("thư mục gốc %s là một tệp, không phải thư mục", dc.root)
	}
	now := time.Now()
	files, err := dc.list()
	if err != nil {
		return dc.full()
	}
	c := &qms.Corpus{}
	var diags []qms.Diagnostic
	c.Org = content.LoadOrg(os.DirFS(dc.root), &diags)
	seen := make(map[string]bool, len(files))
	parsed := 0
	for _, p := range files {
		seen[p] = true
		e, fresh, err := dc.file(p, now)
		if err != nil {
			return dc.full()
		}
		if fresh {
			parsed++
		}
		diags = append(diags, e.diags...)
		c.Add(e.doc)
	}
	for p := range dc.entries {
		if !seen[p] {
			delete(dc.entries, p)
		}
	}
	c.Index()
	return c, qms.SortDiagnostics(diags), parsed, nil
}

// full loads everything with content.LoadDir and forgets the cache.
func (dc *docCache) full() (*qms.Corpus, []qms.Diagnostic, int, error) {
	clear(dc.entries)
	c, diags, err := content.LoadDir(dc.root)
	if err != nil {
		return nil, nil, 0, err
	}
	return c, diags, len(c.Decisions) + len(c.Procedures) + len(c.Processes), nil
}

// list returns the content paths content.Load considers: files under the
// kinds' folders, not in or named with a leading dot, whose extension is
// ".md" in any case. An error means the walk met something unreadable.
func (dc *docCache) list() ([]string, error) {
	var files []string
	for _, k := range qms.Kinds {
		dir := filepath.Join(dc.root, k.Dir())
		err := filepath.WalkDir(dir, func(full string, d fs.DirEntry, err error) error {
			if err != nil {
				if full == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() {
				if full != dir && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || !strings.EqualFold(path.Ext(d.Name()), ".md") {
				return nil
			}
			rel, err := filepath.Rel(dc.root, full)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// file returns the parse of content path p, from the cache when the file
// did not change; fresh reports a new parse.
func (dc *docCache) file(p string, now time.Time) (e *cachedFile, fresh bool, err error) {
	full := filepath.Join(dc.root, filepath.FromSlash(p))
	st, err := os.Stat(full) // before reading: a later write changes what the next load sees
	if err != nil {
		return nil, false, err
	}
	old := dc.entries[p]
	mtime := st.ModTime().UnixNano()
	if old != nil && old.sure && old.size == st.Size() && old.mtime == mtime {
		return old, false, nil
	}
	var data []byte
	if path.Ext(p) == ".md" { // content.Load reads only these
		if data, err = os.ReadFile(full); err != nil {
			return nil, false, err
		}
	}
	h := fnv.New64a()
	_, _ = h.Write(data)
	e = &cachedFile{
		size: st.Size(), mtime: mtime, sum: h.Sum64(),
		sure: now.Sub(st.ModTime()) > racyWindow,
	}
	if old != nil && old.sum == e.sum && old.size == e.size {
		e.doc, e.diags = old.doc, old.diags
		dc.entries[p] = e
		return e, false, nil
	}
	c, diags := content.Load(fstest.MapFS{p: &fstest.MapFile{Data: data, Mode: 0o644}})
	e.diags = diags
	for _, d := range c.Documents() {
		e.doc = d
	}
	dc.entries[p] = e
	return e, true, nil
}

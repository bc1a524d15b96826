package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// The site of a build replaces the previous one atomically (swap), which
// means writing every file into a new directory. Creating tens of
// thousands of files and directories and deleting the previous tree costs
// far more than overwriting files that exist (measured on the 10,000
// document repository: about 0.3–0.7 ms per page to create and delete,
// 0.05 ms to overwrite). So the previous output is not deleted: it is kept
// next to Out as .<name>.prev, and the next build claims it as its
// temporary directory, overwrites its files, deletes what it did not
// write, and swaps it in. Out itself is never written in place.

// prevDir is where the output before the current one is kept.
func prevDir(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".prev")
}

// claimScratch returns the directory to build into: the kept previous
// output renamed to a fresh temporary name (reused true) when there is one
// that looks like a site built by qms, else a new empty directory.
func claimScratch(out string) (dir string, reused bool, err error) {
	prev := prevDir(out)
	if isSite(prev) {
		name, err := reserveName(out, ".tmp-")
		if err != nil {
			return "", false, err
		}
		// A concurrent build may have claimed it first: then start afresh.
		if err := os.Rename(prev, name); err == nil {
			return name, true, nil
		}
	}
	tmp, err := tempDir(out)
	return tmp, false, err
}

// release gives back a scratch directory whose build failed: a reused one
// becomes the kept previous output again (it is only ever used as a
// scratch), a new one is removed.
func release(tmp string, reused bool, out string) {
	if reused {
		if _, err := os.Lstat(prevDir(out)); errors.Is(err, fs.ErrNotExist) && os.Rename(tmp, prevDir(out)) == nil {
			return
		}
	}
	_ = os.RemoveAll(tmp)
}

// isSite reports whether dir looks like a site built by qms (the test of
// checkOut).
func isSite(dir string) bool {
	for _, f := range []string{"index.html", "404.html"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// reserveName returns an unused name ".<out>"+infix+"…" next to out.
func reserveName(out, infix string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	name, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+infix)
	if err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	// MkdirTemp reserved a unique name; rename needs it free.
	if err := os.Remove(name); err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	return name, nil
}

// removeStale deletes under root (a directory of the writer's, which
// holds a reused previous output) every file and directory the build does
// not write: expected are the files it writes (full paths), and the
// directories holding them are kept even while still empty, so that it can
// run while the pages are being written. Entries where the build writes a
// file but finds a directory, or the other way round, are left to the
// writer (clearWay). skip (a directory whose files are not known yet, the
// search index) is left alone, to be cleaned once it is written.
func (w *writer) removeStale(root string, expected map[string]bool, skip string) error {
	dirs := map[string]bool{}
	for p := range expected {
		for d := filepath.Dir(p); d != w.dir && !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	var walk func(dir string) error
	walk = func(dir string) error {
		names, err := dirNames(dir)
		if err != nil {
			return err
		}
		for _, name := range names {
			p := dir + string(filepath.Separator) + name
			switch {
			case p == skip || expected[p]:
				continue
			case dirs[p]:
				// A file where a directory goes is the writer's to
				// replace (clearWay).
				if err := walk(p); err != nil && !errors.Is(err, syscall.ENOTDIR) {
					return err
				}
				continue
			}
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("build: removing files of the previous output: %w", err)
	}
	return nil
}

// writtenUnder returns the files written so far under dir.
func (w *writer) writtenUnder(dir string) map[string]bool {
	out := map[string]bool{}
	prefix := dir + string(filepath.Separator)
	w.written.Range(func(k, _ any) bool {
		if p := k.(string); strings.HasPrefix(p, prefix) {
			out[p] = true
		}
		return true
	})
	return out
}

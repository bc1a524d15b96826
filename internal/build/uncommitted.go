package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/history"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// uncommitted compares the content files of the working tree with HEAD,
// as history.Repo.Dirty does, without reading them again: a loaded
// document whose source, hashed as a git blob, is HEAD's blob of its path
// is unchanged (the loader keeps a file's bytes as they are when they are
// already NFC with LF line endings, as committed files are); only the
// others, and HEAD's files that did not load, are read from disk. A file
// differing from HEAD only by CRLF line endings is unchanged. Files that
// did not load and are not at HEAD are found through the loader's
// diagnostics.
func uncommitted(root string, h *history.History, c *qms.Corpus, diags []qms.Diagnostic) map[string]history.DirtyState {
	head := map[string]string{}
	for _, p := range h.Paths() {
		if revs := h.Revisions(p); len(revs) > 0 && revs[0].Blob != "" {
			head[p] = revs[0].Blob
		}
	}
	out := map[string]history.DirtyState{}
	seen := map[string]bool{}
	for _, doc := range c.Documents() {
		b := doc.Base()
		seen[b.Path] = true
		blob, ok := head[b.Path]
		switch {
		case !ok:
			out[b.Path] = history.New
		case history.SameBlob(b.Source, blob):
		default:
			if st, changed := compareFile(root, b.Path, blob); changed {
				out[b.Path] = st
			}
		}
	}
	for p, blob := range head {
		if seen[p] {
			continue
		}
		seen[p] = true
		if st, changed := compareFile(root, p, blob); changed {
			out[p] = st
		}
	}
	for _, d := range diags {
		p := d.Pos.Path
		if seen[p] || !strings.HasSuffix(p, ".md") || qms.KindOfDir(strings.SplitN(p, "/", 2)[0]) == 0 {
			continue
		}
		seen[p] = true
		if fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err == nil && fi.Mode().IsRegular() {
			out[p] = history.New
		}
	}
	return out
}

// compareFile reads the file at content path p and tells how it differs
// from the blob: deleted, modified, or not at all (changed false).
func compareFile(root, p, blob string) (history.DirtyState, bool) {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return history.Deleted, true
	case err != nil:
		return history.Modified, true
	case history.SameBlob(b, blob):
		return 0, false
	}
	return history.Modified, true
}

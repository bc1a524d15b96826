package serve

import (
	"errors"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// racyWindow: a file modified this recently may change again without its
// size or modification time changing (timestamps are coarse on some file
// systems), so its bytes are hashed as well.
const racyWindow = 2 * time.Second

// stamp identifies a version of a file.
type stamp struct {
	size  int64
	mtime int64 // UnixNano
	mode  fs.FileMode
	sum   uint64 // FNV-1a of the bytes, for a recently modified file only
}

// tree is the state of the watched files, by path.
type tree map[string]stamp

// watched lists what a scan looks at: directories walked whole, each with
// a filter of the files that matter.
type watched struct {
	dir  string
	keep func(name string) bool
}

// contentFile keeps what the loader reads: Markdown files, not hidden.
func contentFile(name string) bool {
	return !strings.HasPrefix(name, ".") && strings.EqualFold(filepath.Ext(name), ".md")
}

// themeFile keeps every file but editors' backup and swap files.
func themeFile(name string) bool {
	return !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, "~") && !strings.HasPrefix(name, "#")
}

// scan stats every file of the watched directories at time now and returns
// their state and the paths that changed since prev, sorted. Hidden directories
// are skipped, as the loader skips them; a missing directory is empty.
//
// A file modified within racyWindow is hashed, and so is, once more, a file
// that was hashed by the previous scan: a change that kept its size and
// time then still shows. A file whose time is older than that is known by
// its size, time and mode alone.
func scan(dirs []watched, prev tree, now time.Time) (tree, []string, error) {
	t := tree{}
	var diff []string
	for _, w := range dirs {
		err := filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == w.dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() {
				if p != w.dir && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if !w.keep(d.Name()) {
				return nil
			}
			st, err := os.Stat(p)
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil // removed while walking: the next scan sees it gone
				}
				return err
			}
			s := stamp{size: st.Size(), mtime: st.ModTime().UnixNano(), mode: st.Mode()}
			old, had := prev[p]
			meta := had && old.size == s.size && old.mtime == s.mtime && old.mode == s.mode
			racy := now.Sub(st.ModTime()) <= racyWindow
			if st.Mode().IsRegular() && (racy || meta && old.sum != 0) {
				s.sum = hashFile(p)
			}
			if !meta || old.sum != 0 && s.sum != old.sum {
				diff = append(diff, p)
			}
			if !racy {
				s.sum = 0 // compared once more; from now on known by size and time
			}
			t[p] = s
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	for p := range prev {
		if _, ok := t[p]; !ok {
			diff = append(diff, p)
		}
	}
	sort.Strings(diff)
	return t, diff, nil
}

// hashFile returns FNV-1a of a file's bytes, 0 when it cannot be read.
func hashFile(p string) uint64 {
	f, err := os.Open(p)
	if err != nil {
		return 0
	}
	defer f.Close()
	h := fnv.New64a()
	if _, err := io.Copy(h, f); err != nil {
		return 0
	}
	return h.Sum64()
}

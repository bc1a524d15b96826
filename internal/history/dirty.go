package history

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// DirtyState is how a working-tree content file differs from HEAD.
type DirtyState int

// Dirty states.
const (
	// Modified: the file's content differs from HEAD's.
	Modified DirtyState = iota + 1
	// New: the file is not in HEAD (untracked, or added but not committed).
	New
	// Deleted: the file is in HEAD but not in the working tree.
	Deleted
)

// String is the state in Vietnamese, as shown to readers.
func (s DirtyState) String() string {
	switch s {
	case Modified:
		return "đã sửa, chưa lưu phiên bản"
	case New:
		return "mới, chưa lưu phiên bản"
	case Deleted:
		return "đã xóa, chưa lưu phiên bản"
	}
	return "không rõ"
}

// Dirty returns the content files under contentRoot whose working-tree
// content differs from HEAD, keyed by path relative to the content root.
// Files are compared by hashing them as git blobs ("blob <len>\0" + content,
// SHA-1) against HEAD's tree entries; a file whose only difference is CRLF
// line endings (core.autocrlf) counts as unchanged. The index is not read:
// a staged but uncommitted change is dirty too.
func (r *Repo) Dirty(contentRoot string) (map[string]DirtyState, error) {
	prefix, err := r.prefixOf(contentRoot)
	if err != nil {
		return nil, err
	}
	headFiles := map[string]plumbing.Hash{}
	err = r.objs.with(func(st *filesystem.Storage) error {
		return headContent(st, prefix, func(p string, v version) { headFiles[p] = v.hash })
	})
	if err != nil {
		return nil, fmt.Errorf("so sánh thư mục làm việc với HEAD: %w", err)
	}
	out := map[string]DirtyState{}
	seen := map[string]bool{}
	for _, dir := range contentDirs {
		top := filepath.Join(contentRoot, dir)
		err := filepath.WalkDir(top, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == top {
					return filepath.SkipDir
				}
				return err
			}
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || !e.Type().IsRegular() {
				return nil
			}
			rel, err := filepath.Rel(contentRoot, p)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			seen[rel] = true
			want, ok := headFiles[rel]
			if !ok {
				out[rel] = New
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if !SameBlob(b, want.String()) {
				out[rel] = Modified
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("đọc %s: %w", top, err)
		}
	}
	for p := range headFiles {
		if !seen[p] {
			out[p] = Deleted
		}
	}
	return out, nil
}

// DirtyPaths returns the keys of a Dirty result, sorted.
func DirtyPaths(m map[string]DirtyState) []string {
	ps := make([]string, 0, len(m))
	for p := range m {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

// prefixOf returns dir relative to the working tree's top, '/'-separated.
func (r *Repo) prefixOf(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s không nằm trong kho git %s: %w", dir, r.Root, ErrNotRepo)
	}
	rel = filepath.ToSlash(rel)
	if rel == "." {
		rel = ""
	}
	return rel, nil
}

// headContent calls fn for every content file at HEAD.
func headContent(st *filesystem.Storage, prefix string, fn func(path string, v version)) error {
	head, err := headOf(st)
	if err != nil || head.IsZero() {
		return err
	}
	c, err := object.GetCommit(st, head)
	if err != nil {
		return fmt.Errorf("commit %s: %w", head, err)
	}
	d := &differ{st: st, ids: map[string]int32{}}
	ct, err := d.subtree(c.TreeHash, prefix)
	if err != nil {
		return err
	}
	d.emit = func(p []byte, _, v version) { fn(string(p), v) }
	return d.diffContent(plumbing.ZeroHash, ct)
}

// SameBlob reports whether a working-tree file's content is the blob named
// blob (hexadecimal): its git blob name is, or the content with CRLF line
// endings made LF has it (core.autocrlf).
func SameBlob(content []byte, blob string) bool {
	if plumbing.ComputeHash(plumbing.BlobObject, content).String() == blob {
		return true
	}
	if !bytes.Contains(content, []byte("\r\n")) {
		return false
	}
	lf := bytes.ReplaceAll(content, []byte("\r\n"), []byte("\n"))
	return plumbing.ComputeHash(plumbing.BlobObject, lf).String() == blob
}

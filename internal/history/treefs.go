package history

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Snapshot is the content root as it was at one commit: a read-only fs.FS
// whose root is the content root (Repo.Prefix of the commit's tree). Trees
// and blobs are read from the object store only when a file or directory is
// opened. It also implements fs.ReadDirFS, fs.ReadFileFS and fs.StatFS, and
// is safe for concurrent use; it stays usable until the Repo is closed.
//
// Only regular files, executables, symbolic links (whose content is the
// link target, as git stores it) and directories are seen; submodule
// entries are left out. When the content root does not exist at the
// commit, the snapshot is an empty directory.
type Snapshot struct {
	// Commit is the commit the snapshot was taken at; its Short is the first
	// seven hexadecimal digits of the hash.
	Commit *qms.Commit
	// Ref is the revision as it was given to Repo.Snapshot.
	Ref string

	r    *Repo
	root plumbing.Hash // the content root's tree; zero when absent
	// trees keeps the trees decoded so far, by hash: reading every file
	// looks each directory up once per file.
	trees sync.Map
}

// Snapshot resolves ref the way `git rev-parse` does (a branch, a tag, a
// remote-tracking branch such as origin/main, HEAD, a full or abbreviated
// commit hash, and suffixes such as HEAD~1 or v1.0^) and returns the content
// root's tree at that commit.
func (r *Repo) Snapshot(ref string) (*Snapshot, error) {
	st := r.objs.get()
	defer r.objs.put(st)
	h, err := resolve(st, ref)
	if err != nil {
		return nil, fmt.Errorf("đọc phiên bản %q: %w", ref, err)
	}
	c, err := object.GetCommit(st, h)
	if err != nil {
		return nil, fmt.Errorf("đọc phiên bản %q: commit %s: %w", ref, h, err)
	}
	d := &differ{st: st}
	root, err := d.subtree(c.TreeHash, r.Prefix)
	if err != nil {
		return nil, fmt.Errorf("đọc phiên bản %q: %w", ref, err)
	}
	qc := toCommit(h, c, false, r.Mailmap())
	qc.Short = qc.Hash[:7]
	return &Snapshot{Commit: qc, Ref: ref, r: r, root: root}, nil
}

// resolve turns a revision into a commit hash.
func resolve(st *filesystem.Storage, ref string) (plumbing.Hash, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return plumbing.ZeroHash, errors.New("phiên bản rỗng")
	}
	repo, err := git.Open(st, nil)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	h, err := repo.ResolveRevision(plumbing.Revision(ref))
	if err != nil {
		if errors.Is(err, plumbing.ErrReferenceNotFound) || errors.Is(err, plumbing.ErrObjectNotFound) {
			return plumbing.ZeroHash, fmt.Errorf("không có nhánh, thẻ hay mã thay đổi nào tên %q trong kho git (bản sao nông? hãy lấy đủ lịch sử: git fetch --unshallow)", ref)
		}
		return plumbing.ZeroHash, err
	}
	return *h, nil
}

// node is what a path names in the snapshot.
type snapNode struct {
	name string
	hash plumbing.Hash
	mode uint32
}

func (n snapNode) isDir() bool { return n.mode == modeTree }

// lookup finds name (a valid fs path) in the snapshot.
func (s *Snapshot) lookup(op, name string) (snapNode, error) {
	if !fs.ValidPath(name) {
		return snapNode{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return snapNode{name: ".", hash: s.root, mode: modeTree}, nil
	}
	h := s.root
	rest := name
	for {
		if h.IsZero() {
			return snapNode{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
		}
		t, err := s.tree(h)
		if err != nil {
			return snapNode{}, &fs.PathError{Op: op, Path: name, Err: err}
		}
		elem, more, _ := strings.Cut(rest, "/")
		i := slices.IndexFunc(t.Entries, func(e object.TreeEntry) bool { return e.Name == elem })
		if i < 0 || !visibleMode(uint32(t.Entries[i].Mode)) {
			return snapNode{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
		}
		e := t.Entries[i]
		if more == "" {
			return snapNode{name: elem, hash: e.Hash, mode: uint32(e.Mode)}, nil
		}
		if e.Mode != filemode.Dir {
			return snapNode{}, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
		}
		h, rest = e.Hash, more
	}
}

// tree returns tree h decoded by go-git, decoding it once per snapshot.
func (s *Snapshot) tree(h plumbing.Hash) (*object.Tree, error) {
	if t, ok := s.trees.Load(h); ok {
		return t.(*object.Tree), nil
	}
	var t *object.Tree
	err := s.r.objs.with(func(st *filesystem.Storage) (err error) {
		t, err = object.GetTree(st, h)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.trees.Store(h, t)
	return t, nil
}

func visibleMode(m uint32) bool { return m == modeTree || isFileMode(m) }

// entries lists a directory's visible entries sorted by name.
func (s *Snapshot) entries(h plumbing.Hash) ([]snapNode, error) {
	if h.IsZero() {
		return nil, nil
	}
	t, err := s.tree(h)
	if err != nil {
		return nil, err
	}
	out := make([]snapNode, 0, len(t.Entries))
	for _, e := range t.Entries {
		if visibleMode(uint32(e.Mode)) {
			out = append(out, snapNode{name: e.Name, hash: e.Hash, mode: uint32(e.Mode)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

func (s *Snapshot) blob(h plumbing.Hash) ([]byte, error) {
	return s.r.objs.read(plumbing.BlobObject, h)
}

func (s *Snapshot) blobSize(h plumbing.Hash) (size int64, err error) {
	err = s.r.objs.with(func(st *filesystem.Storage) error {
		obj, err := st.EncodedObject(plumbing.BlobObject, h)
		if err == nil {
			size = obj.Size()
		}
		return err
	})
	return size, err
}

// Open opens the named file or directory.
func (s *Snapshot) Open(name string) (fs.File, error) {
	n, err := s.lookup("open", name)
	if err != nil {
		return nil, err
	}
	if n.isDir() {
		ents, err := s.entries(n.hash)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return &snapDir{info: s.info(n, 0), s: s, ents: ents}, nil
	}
	b, err := s.blob(n.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &snapFile{info: s.info(n, int64(len(b))), r: bytes.NewReader(b)}, nil
}

// ReadFile returns the content of the named file.
func (s *Snapshot) ReadFile(name string) ([]byte, error) {
	n, err := s.lookup("read", name)
	if err != nil {
		return nil, err
	}
	if n.isDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("là thư mục")}
	}
	b, err := s.blob(n.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return b, nil
}

// ReadDir lists the named directory, sorted by name.
func (s *Snapshot) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := s.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	if !n.isDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("không phải thư mục")}
	}
	ents, err := s.entries(n.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	out := make([]fs.DirEntry, len(ents))
	for i, e := range ents {
		out[i] = snapEntry{s: s, n: e}
	}
	return out, nil
}

// Stat describes the named file or directory.
func (s *Snapshot) Stat(name string) (fs.FileInfo, error) {
	n, err := s.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	if n.isDir() {
		return s.info(n, 0), nil
	}
	size, err := s.blobSize(n.hash)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return s.info(n, size), nil
}

func (s *Snapshot) info(n snapNode, size int64) snapInfo {
	return snapInfo{name: n.name, size: size, mode: fileMode(n.mode), t: s.Commit.CommitDate}
}

// fileMode maps a git tree mode to an fs.FileMode.
func fileMode(m uint32) fs.FileMode {
	switch m {
	case modeTree:
		return fs.ModeDir | 0o755
	case modeExec:
		return 0o755
	case modeSymlink:
		return fs.ModeSymlink | 0o777
	}
	return 0o644
}

// snapInfo is an fs.FileInfo; ModTime is the commit's committer date.
type snapInfo struct {
	name string
	size int64
	mode fs.FileMode
	t    time.Time
}

func (i snapInfo) Name() string       { return i.name }
func (i snapInfo) Size() int64        { return i.size }
func (i snapInfo) Mode() fs.FileMode  { return i.mode }
func (i snapInfo) ModTime() time.Time { return i.t }
func (i snapInfo) IsDir() bool        { return i.mode.IsDir() }
func (i snapInfo) Sys() any           { return nil }

// snapEntry is an fs.DirEntry; Info reads the blob's size on demand.
type snapEntry struct {
	s *Snapshot
	n snapNode
}

func (e snapEntry) Name() string      { return e.n.name }
func (e snapEntry) IsDir() bool       { return e.n.isDir() }
func (e snapEntry) Type() fs.FileMode { return fileMode(e.n.mode).Type() }
func (e snapEntry) Info() (fs.FileInfo, error) {
	if e.n.isDir() {
		return e.s.info(e.n, 0), nil
	}
	size, err := e.s.blobSize(e.n.hash)
	if err != nil {
		return nil, err
	}
	return e.s.info(e.n, size), nil
}

// snapFile is an open file of a snapshot.
type snapFile struct {
	info snapInfo
	r    *bytes.Reader
}

func (f *snapFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *snapFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *snapFile) Close() error               { return nil }

// Seek and ReadAt let callers such as http.FileServer use the file.
func (f *snapFile) Seek(off int64, whence int) (int64, error) { return f.r.Seek(off, whence) }

// ReadAt reads len(b) bytes at offset off.
func (f *snapFile) ReadAt(b []byte, off int64) (int, error) { return f.r.ReadAt(b, off) }

// snapDir is an open directory of a snapshot.
type snapDir struct {
	info snapInfo
	s    *Snapshot
	ents []snapNode
	off  int
}

func (d *snapDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *snapDir) Close() error               { return nil }
func (d *snapDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("là thư mục")}
}

// ReadDir returns the next n entries (all remaining ones when n <= 0).
func (d *snapDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.ents[d.off:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	d.off += len(rest)
	out := make([]fs.DirEntry, len(rest))
	for i, e := range rest {
		out[i] = snapEntry{s: d.s, n: e}
	}
	return out, nil
}

package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// ErrNotRepo is returned (wrapped) by Open when the content root is not
// inside a git repository.
var ErrNotRepo = errors.New("không nằm trong kho git")

// Repo is an opened git repository seen from a content root. Its methods
// may be called from several goroutines. Call Close to release the open
// pack files.
type Repo struct {
	// Root is the working tree's top directory (where .git is).
	Root string
	// GitDir is the repository directory (.git, or the directory a .git
	// file points to).
	GitDir string
	// Prefix is the content root relative to Root, '/'-separated; "" when
	// the content root is the top of the working tree.
	Prefix string

	objs *objects
}

// Open finds the git repository enclosing contentRoot by walking up from it
// (a .git directory, or a .git file as in linked worktrees and submodules)
// and opens its object store. When there is none, the error wraps
// ErrNotRepo.
func Open(contentRoot string) (*Repo, error) {
	abs, err := filepath.Abs(contentRoot)
	if err != nil {
		return nil, fmt.Errorf("mở lịch sử %s: %w", contentRoot, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	root, gitDir, err := FindGitDir(abs)
	if err != nil {
		return nil, fmt.Errorf("mở lịch sử %s: %w", contentRoot, err)
	}
	prefix, err := filepath.Rel(root, abs)
	if err != nil {
		return nil, fmt.Errorf("mở lịch sử %s: %w", contentRoot, err)
	}
	prefix = filepath.ToSlash(prefix)
	if prefix == "." {
		prefix = ""
	}
	fs, err := repoFilesystem(gitDir)
	if err != nil {
		return nil, fmt.Errorf("mở kho git %s: %w", gitDir, err)
	}
	return &Repo{Root: root, GitDir: gitDir, Prefix: prefix, objs: newObjects(fs)}, nil
}

// Close releases the pack files kept open by the object storage.
func (r *Repo) Close() error { return r.objs.close() }

// FindGitDir walks up from dir to the first directory holding .git and
// returns that directory and the repository directory (where a .git file
// points); the error wraps ErrNotRepo when there is none.
func FindGitDir(dir string) (root, gitDir string, err error) {
	for d := dir; ; {
		p := filepath.Join(d, ".git")
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			return d, p, nil
		case err == nil:
			g, err := readGitFile(p)
			if err != nil {
				return "", "", err
			}
			return d, g, nil
		case !os.IsNotExist(err):
			return "", "", err
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", "", fmt.Errorf("%s: %w", dir, ErrNotRepo)
		}
		d = parent
	}
}

// readGitFile reads a ".git" file ("gitdir: PATH") and returns the
// directory it names.
func readGitFile(p string) (string, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	g, ok := strings.CutPrefix(strings.TrimSpace(line), "gitdir:")
	if !ok {
		return "", fmt.Errorf("%s: không có dòng gitdir: %w", p, ErrNotRepo)
	}
	g = strings.TrimSpace(g)
	if !filepath.IsAbs(g) {
		g = filepath.Join(filepath.Dir(p), g)
	}
	if fi, err := os.Stat(g); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%s trỏ tới %s không tồn tại: %w", p, g, ErrNotRepo)
	}
	return g, nil
}

// repoFilesystem returns the filesystem of the repository directory; for a
// linked worktree (a "commondir" file) objects, refs and the shallow file
// come from the common directory.
func repoFilesystem(gitDir string) (billy.Filesystem, error) {
	dot := osfs.New(gitDir)
	b, err := os.ReadFile(filepath.Join(gitDir, "commondir"))
	if os.IsNotExist(err) {
		return dot, nil
	}
	if err != nil {
		return nil, err
	}
	common := strings.TrimSpace(string(b))
	if !filepath.IsAbs(common) {
		common = filepath.Join(gitDir, common)
	}
	if _, err := os.Stat(common); err != nil {
		return nil, err
	}
	return dotgit.NewRepositoryFilesystem(dot, osfs.New(common)), nil
}

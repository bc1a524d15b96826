package history

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// treefsRepo builds a repository in a temporary directory with the content
// root under "manual/": commit 1 (tagged v1, also refs/remotes/origin/main)
// and commit 2 on master.
func treefsRepo(t *testing.T) (dir string, first, second plumbing.Hash) {
	t.Helper()
	dir = t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2024, 3, 1, 9, 0, 0, 0, time.FixedZone("", 7*3600))
	commit := func(msg string, files map[string]string) plumbing.Hash {
		for p, s := range files {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if s == "" {
				if _, err := wt.Remove(p); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := wt.Add(p); err != nil {
				t.Fatal(err)
			}
		}
		when = when.Add(24 * time.Hour)
		sig := &object.Signature{Name: "Biên tập viên", Email: "bt@example.invalid", When: when}
		h, err := wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	first = commit("Ban hành lần đầu", map[string]string{
		"README.md":                     "ngoài thư mục nội dung\n",
		"manual/processes/qt-01.md":     "---\ncode: QT-01\n---\nlần 1\n",
		"manual/decisions/2020/a.md":    "---\nnumber: 1/QĐ-UBND\n---\n",
		"manual/procedures/1.000001.md": "thủ tục\n",
	})
	if _, err := repo.CreateTag("v1", first, nil); err != nil {
		t.Fatal(err)
	}
	if err := repo.Storer.SetReference(plumbing.NewHashReference("refs/remotes/origin/main", first)); err != nil {
		t.Fatal(err)
	}
	second = commit("Sửa đổi QT-01", map[string]string{
		"manual/processes/qt-01.md":     "---\ncode: QT-01\n---\nlần 2\n",
		"manual/processes/qt-02.md":     "---\ncode: QT-02\n---\n",
		"manual/procedures/1.000001.md": "",
	})
	return dir, first, second
}

func TestSnapshotRefs(t *testing.T) {
	dir, first, second := treefsRepo(t)
	r, err := Open(filepath.Join(dir, "manual"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, tc := range []struct {
		ref  string
		want plumbing.Hash
	}{
		{"HEAD", second},
		{"master", second},
		{"v1", first},
		{"origin/main", first},
		{"refs/remotes/origin/main", first},
		{"HEAD~1", first},
		{first.String(), first},
		{first.String()[:8], first},
	} {
		s, err := r.Snapshot(tc.ref)
		if err != nil {
			t.Errorf("Snapshot(%q): %v", tc.ref, err)
			continue
		}
		if s.Commit.Hash != tc.want.String() {
			t.Errorf("Snapshot(%q) = %s, want %s", tc.ref, s.Commit.Hash, tc.want)
		}
		if s.Commit.Short != tc.want.String()[:7] {
			t.Errorf("Snapshot(%q).Short = %q", tc.ref, s.Commit.Short)
		}
	}
	if _, err := r.Snapshot("no-such-branch"); err == nil {
		t.Error("Snapshot(no-such-branch): no error")
	}
	if _, err := r.Snapshot(""); err == nil {
		t.Error("Snapshot(\"\"): no error")
	}
}

func TestSnapshotContent(t *testing.T) {
	dir, _, _ := treefsRepo(t)
	r, err := Open(filepath.Join(dir, "manual"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	old, err := r.Snapshot("v1")
	if err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(old, "processes/qt-01.md")
	if err != nil || string(b) != "---\ncode: QT-01\n---\nlần 1\n" {
		t.Errorf("v1 qt-01.md = %q, %v", b, err)
	}
	if _, err := fs.Stat(old, "processes/qt-02.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("v1 qt-02.md: err = %v, want not exist", err)
	}
	if _, err := fs.Stat(old, "README.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("README.md outside the content root is visible: %v", err)
	}
	if err := fstest.TestFS(old, "processes/qt-01.md", "decisions/2020/a.md", "procedures/1.000001.md"); err != nil {
		t.Error(err)
	}
	head, err := r.Snapshot("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(head, "processes/qt-01.md", "processes/qt-02.md", "decisions/2020/a.md"); err != nil {
		t.Error(err)
	}
	if _, err := fs.Stat(head, "procedures"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("HEAD procedures/ (emptied): err = %v, want not exist", err)
	}
	b, err = fs.ReadFile(head, "processes/qt-01.md")
	if err != nil || string(b) != "---\ncode: QT-01\n---\nlần 2\n" {
		t.Errorf("HEAD qt-01.md = %q, %v", b, err)
	}
	if _, err := head.Open("../x"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("Open(../x): err = %v, want invalid", err)
	}
}

func TestSnapshotMissingContentRoot(t *testing.T) {
	dir, _, _ := treefsRepo(t)
	if err := os.MkdirAll(filepath.Join(dir, "other"), 0o755); err != nil {
		t.Fatal(err)
	}
	r, err := Open(filepath.Join(dir, "other"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	s, err := r.Snapshot("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	ents, err := fs.ReadDir(s, ".")
	if err != nil || len(ents) != 0 {
		t.Errorf("ReadDir(.) = %v, %v; want empty", ents, err)
	}
	if err := fstest.TestFS(s); err != nil {
		t.Error(err)
	}
}

func TestSnapshotConcurrent(t *testing.T) {
	dir, _, _ := treefsRepo(t)
	r, err := Open(filepath.Join(dir, "manual"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	s, err := r.Snapshot("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			b, err := fs.ReadFile(s, "processes/qt-01.md")
			if err == nil && string(b) != "---\ncode: QT-01\n---\nlần 2\n" {
				err = errors.New("wrong content " + string(b))
			}
			if err == nil {
				_, err = fs.ReadDir(s, "processes")
			}
			done <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

package build

import (
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/snnptnt-nghean/qms/internal/gittest"
)

// gitRepo is a gittest repository (commits a day apart from 1 March 2024)
// with the build tests' own helpers.
type gitRepo struct {
	*gittest.Repo
}

func newGitRepo(t testing.TB) *gitRepo {
	t.Helper()
	return &gitRepo{gittest.New(t, time.Date(2024, 3, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600)), 24*time.Hour)}
}

// with returns a copy of files with changes applied (gittest.With).
func with(files map[string]string, changes ...string) map[string]string {
	return gittest.With(files, changes...)
}

// shallowClone copies the repository's HEAD commit and its tree into a new
// repository that lists HEAD in .git/shallow, as `git clone --depth 1`
// leaves it, and checks the files out.
func (g *gitRepo) shallowClone(head plumbing.Hash) string {
	g.T.Helper()
	dst := newGitRepo(g.T)
	src := g.Git.Storer
	copyObj := func(h plumbing.Hash) {
		o, err := src.EncodedObject(plumbing.AnyObject, h)
		if err != nil {
			g.T.Fatal(err)
		}
		if _, err := dst.Git.Storer.SetEncodedObject(o); err != nil {
			g.T.Fatal(err)
		}
	}
	var copyTree func(h plumbing.Hash)
	copyTree = func(h plumbing.Hash) {
		copyObj(h)
		tr, err := object.GetTree(src, h)
		if err != nil {
			g.T.Fatal(err)
		}
		for _, e := range tr.Entries {
			if e.Mode == filemode.Dir {
				copyTree(e.Hash)
			} else {
				copyObj(e.Hash)
			}
		}
	}
	c, err := object.GetCommit(src, head)
	if err != nil {
		g.T.Fatal(err)
	}
	copyObj(head)
	copyTree(c.TreeHash)
	if err := dst.Git.Storer.SetShallow([]plumbing.Hash{head}); err != nil {
		g.T.Fatal(err)
	}
	if err := dst.Git.Storer.SetReference(plumbing.NewHashReference("refs/heads/master", head)); err != nil {
		g.T.Fatal(err)
	}
	g.Checkout(head, dst.Dir)
	return dst.Dir
}

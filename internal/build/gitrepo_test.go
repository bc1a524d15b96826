package build

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// gitRepo makes git repositories with go-git, object by object (as
// internal/history's tests do): each commit is a full snapshot of files
// (path → content) with explicit parents, a fixed author and a date one
// day after the previous commit's.
type gitRepo struct {
	t     *testing.T
	dir   string
	repo  *git.Repository
	clock time.Time
	snaps map[plumbing.Hash]map[string]string
}

func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return &gitRepo{t: t, dir: dir, repo: repo,
		clock: time.Date(2024, 3, 1, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		snaps: map[plumbing.Hash]map[string]string{}}
}

// authors have e-mail addresses, which must never reach the site.
var authors = map[string]string{
	"Ada":  "Ada Lind <ada@example.org>",
	"Ben":  "Bến Trần <ben.tran@example.org>",
	"Cleo": "Cleo Moreau <cleo@example.org>",
}

func (g *gitRepo) store(o interface {
	Encode(plumbing.EncodedObject) error
}) plumbing.Hash {
	g.t.Helper()
	obj := g.repo.Storer.NewEncodedObject()
	if err := o.Encode(obj); err != nil {
		g.t.Fatal(err)
	}
	h, err := g.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		g.t.Fatal(err)
	}
	return h
}

func (g *gitRepo) blob(content string) plumbing.Hash {
	g.t.Helper()
	obj := g.repo.Storer.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, _ := obj.Writer()
	_, _ = w.Write([]byte(content))
	_ = w.Close()
	h, err := g.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		g.t.Fatal(err)
	}
	return h
}

// tree stores the tree of files under dir ("" for the root).
func (g *gitRepo) tree(files map[string]string, dir string) plumbing.Hash {
	type ent struct {
		name  string
		isDir bool
	}
	seen := map[string]bool{}
	var ents []ent
	for p := range files {
		rel := p
		if dir != "" {
			if !strings.HasPrefix(p, dir+"/") {
				continue
			}
			rel = p[len(dir)+1:]
		}
		name, _, sub := strings.Cut(rel, "/")
		if !seen[name] {
			seen[name] = true
			ents = append(ents, ent{name, sub})
		}
	}
	key := func(e ent) string {
		if e.isDir {
			return e.name + "/"
		}
		return e.name
	}
	sort.Slice(ents, func(i, j int) bool { return key(ents[i]) < key(ents[j]) })
	t := &object.Tree{}
	for _, e := range ents {
		full := path.Join(dir, e.name)
		if e.isDir {
			t.Entries = append(t.Entries, object.TreeEntry{Name: e.name, Mode: filemode.Dir, Hash: g.tree(files, full)})
		} else {
			t.Entries = append(t.Entries, object.TreeEntry{Name: e.name, Mode: filemode.Regular, Hash: g.blob(files[full])})
		}
	}
	return g.store(t)
}

// commit stores a commit of files with the given parents and moves ref
// ("refs/heads/master" is HEAD's branch) to it.
func (g *gitRepo) commit(ref string, parents []plumbing.Hash, files map[string]string, who, msg string) plumbing.Hash {
	g.t.Helper()
	g.clock = g.clock.Add(24 * time.Hour)
	name, email, _ := strings.Cut(authors[who], " <")
	sig := object.Signature{Name: name, Email: strings.TrimSuffix(email, ">"), When: g.clock}
	c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: g.tree(files, ""), ParentHashes: parents}
	h := g.store(c)
	if err := g.repo.Storer.SetReference(plumbing.NewHashReference(plumbing.ReferenceName(ref), h)); err != nil {
		g.t.Fatal(err)
	}
	cp := map[string]string{}
	for k, v := range files {
		cp[k] = v
	}
	g.snaps[h] = cp
	return h
}

// checkout writes commit h's files into dir.
func (g *gitRepo) checkout(h plumbing.Hash, dir string) {
	g.t.Helper()
	for p, c := range g.snaps[h] {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			g.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			g.t.Fatal(err)
		}
	}
}

// with returns a copy of files with changes applied: pairs of path and
// content, "" deleting the path.
func with(files map[string]string, changes ...string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		out[k] = v
	}
	for i := 0; i+1 < len(changes); i += 2 {
		if changes[i+1] == "" {
			delete(out, changes[i])
		} else {
			out[changes[i]] = changes[i+1]
		}
	}
	return out
}

// shallowClone copies the repository's HEAD commit and its tree into a new
// repository that lists HEAD in .git/shallow, as `git clone --depth 1`
// leaves it, and checks the files out.
func (g *gitRepo) shallowClone(head plumbing.Hash) string {
	g.t.Helper()
	dst := newGitRepo(g.t)
	src := g.repo.Storer
	copyObj := func(h plumbing.Hash) {
		o, err := src.EncodedObject(plumbing.AnyObject, h)
		if err != nil {
			g.t.Fatal(err)
		}
		if _, err := dst.repo.Storer.SetEncodedObject(o); err != nil {
			g.t.Fatal(err)
		}
	}
	var copyTree func(h plumbing.Hash)
	copyTree = func(h plumbing.Hash) {
		copyObj(h)
		tr, err := object.GetTree(src, h)
		if err != nil {
			g.t.Fatal(err)
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
		g.t.Fatal(err)
	}
	copyObj(head)
	copyTree(c.TreeHash)
	if err := dst.repo.Storer.SetShallow([]plumbing.Hash{head}); err != nil {
		g.t.Fatal(err)
	}
	if err := dst.repo.Storer.SetReference(plumbing.NewHashReference("refs/heads/master", head)); err != nil {
		g.t.Fatal(err)
	}
	g.checkout(head, dst.dir)
	return dst.dir
}

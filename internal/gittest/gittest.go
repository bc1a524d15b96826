// Package gittest builds git repositories for tests with go-git, object by
// object: each commit is a full snapshot of files (path → content) with
// explicit parents, a fixed author (with an e-mail address, which the site
// must never show) and a date one Step after the previous commit's. No git
// binary is needed.
package gittest

import (
	"bytes"
	"compress/zlib"
	"fmt"
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

// Authors are the fixed authors Commit accepts by first name.
var Authors = map[string]string{
	"Ada":  "Ada Lind <ada@example.org>",
	"Ben":  "Bến Trần <ben.tran@example.org>",
	"Cleo": "Cleo Moreau <cleo@example.org>",
}

// Repo is a repository in a test's temporary directory.
type Repo struct {
	T     testing.TB
	Dir   string
	Git   *git.Repository
	Clock time.Time     // the date of the last commit
	Step  time.Duration // between two commits
	snaps map[plumbing.Hash]map[string]string
}

// New initialises a repository in t.TempDir(); the first commit is dated
// start+step.
func New(t testing.TB, start time.Time, step time.Duration) *Repo {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return &Repo{T: t, Dir: dir, Git: repo, Clock: start, Step: step, snaps: map[plumbing.Hash]map[string]string{}}
}

// Store encodes and stores an object (a tree or a commit).
func (g *Repo) Store(o interface {
	Encode(plumbing.EncodedObject) error
}) plumbing.Hash {
	g.T.Helper()
	obj := g.Git.Storer.NewEncodedObject()
	if err := o.Encode(obj); err != nil {
		g.T.Fatal(err)
	}
	h, err := g.Git.Storer.SetEncodedObject(obj)
	if err != nil {
		g.T.Fatal(err)
	}
	return h
}

// Blob stores content as a blob.
func (g *Repo) Blob(content string) plumbing.Hash {
	g.T.Helper()
	obj := g.Git.Storer.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, _ := obj.Writer()
	_, _ = w.Write([]byte(content))
	_ = w.Close()
	h, err := g.Git.Storer.SetEncodedObject(obj)
	if err != nil {
		g.T.Fatal(err)
	}
	return h
}

// Tree stores the tree of files under dir ("" for the root), entries in
// git's order (a directory sorts as "name/").
func (g *Repo) Tree(files map[string]string, dir string) plumbing.Hash {
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
			t.Entries = append(t.Entries, object.TreeEntry{Name: e.name, Mode: filemode.Dir, Hash: g.Tree(files, full)})
		} else {
			t.Entries = append(t.Entries, object.TreeEntry{Name: e.name, Mode: filemode.Regular, Hash: g.Blob(files[full])})
		}
	}
	return g.Store(t)
}

// Commit stores a commit of files with the given parents by the author who
// (a key of Authors) and moves ref ("refs/heads/master" is HEAD's branch)
// to it.
func (g *Repo) Commit(ref string, parents []plumbing.Hash, files map[string]string, who, msg string) plumbing.Hash {
	g.T.Helper()
	g.Clock = g.Clock.Add(g.Step)
	name, email, _ := strings.Cut(Authors[who], " <")
	sig := object.Signature{Name: name, Email: strings.TrimSuffix(email, ">"), When: g.Clock}
	c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: g.Tree(files, ""), ParentHashes: parents}
	h := g.Store(c)
	if err := g.Git.Storer.SetReference(plumbing.NewHashReference(plumbing.ReferenceName(ref), h)); err != nil {
		g.T.Fatal(err)
	}
	g.snaps[h] = With(files)
	return h
}

// Files returns the files of commit h as Commit stored them.
func (g *Repo) Files(h plumbing.Hash) map[string]string { return g.snaps[h] }

// Checkout writes commit h's files into dir (files only: nothing is
// removed, no index is written).
func (g *Repo) Checkout(h plumbing.Hash, dir string) {
	g.T.Helper()
	for p, c := range g.snaps[h] {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			g.T.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			g.T.Fatal(err)
		}
	}
}

// With returns a copy of files with changes applied: pairs of path and
// content, "" deleting the path.
func With(files map[string]string, changes ...string) map[string]string {
	out := make(map[string]string, len(files))
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

// ObjectPath is the file of loose object h (every object Repo stores is
// loose).
func (g *Repo) ObjectPath(h plumbing.Hash) string {
	s := h.String()
	return filepath.Join(g.Dir, ".git", "objects", s[:2], s[2:])
}

// Damage replaces loose object h by a well-formed object of the given type
// and content, which does not match its name: a damaged object that still
// inflates, as silent corruption on disk would leave it.
func (g *Repo) Damage(h plumbing.Hash, typ plumbing.ObjectType, content string) {
	g.T.Helper()
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	fmt.Fprintf(w, "%s %d\x00%s", typ, len(content), content)
	if err := w.Close(); err != nil {
		g.T.Fatal(err)
	}
	p := g.ObjectPath(h)
	if err := os.Chmod(p, 0o644); err != nil {
		g.T.Fatal(err)
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		g.T.Fatal(err)
	}
}

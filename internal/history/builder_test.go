package history

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

// builder makes git repositories with go-git, object by object: each commit
// is a full snapshot of files (path → content) with explicit parents, a
// fixed author and a date one hour after the previous commit's.
type builder struct {
	t     *testing.T
	dir   string
	repo  *git.Repository
	clock time.Time
	snaps map[plumbing.Hash]map[string]string
}

func newBuilder(t *testing.T) *builder {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return &builder{t: t, dir: dir, repo: repo,
		clock: time.Date(2024, 3, 1, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		snaps: map[plumbing.Hash]map[string]string{}}
}

var testAuthors = map[string]string{
	"Ada":  "Ada Lind <ada@example.org>",
	"Ben":  "Bến Trần <ben.tran@example.org>",
	"Cleo": "Cleo Moreau <cleo@example.org>",
}

func (b *builder) store(o interface {
	Encode(plumbing.EncodedObject) error
}) plumbing.Hash {
	b.t.Helper()
	obj := b.repo.Storer.NewEncodedObject()
	if err := o.Encode(obj); err != nil {
		b.t.Fatal(err)
	}
	h, err := b.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		b.t.Fatal(err)
	}
	return h
}

func (b *builder) blob(content string) plumbing.Hash {
	b.t.Helper()
	obj := b.repo.Storer.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, _ := obj.Writer()
	w.Write([]byte(content))
	w.Close()
	h, err := b.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		b.t.Fatal(err)
	}
	return h
}

// tree stores the tree of files under dir ("" for the root).
func (b *builder) tree(files map[string]string, dir string) plumbing.Hash {
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
			t.Entries = append(t.Entries, object.TreeEntry{Name: e.name, Mode: filemode.Dir, Hash: b.tree(files, full)})
		} else {
			t.Entries = append(t.Entries, object.TreeEntry{Name: e.name, Mode: filemode.Regular, Hash: b.blob(files[full])})
		}
	}
	return b.store(t)
}

// commit stores a commit of files with the given parents and moves ref
// (e.g. "refs/heads/main") to it.
func (b *builder) commit(ref string, parents []plumbing.Hash, files map[string]string, who, msg string) plumbing.Hash {
	b.t.Helper()
	b.clock = b.clock.Add(time.Hour)
	a := testAuthors[who]
	name, email, _ := strings.Cut(a, " <")
	sig := object.Signature{Name: name, Email: strings.TrimSuffix(email, ">"), When: b.clock}
	c := &object.Commit{Author: sig, Committer: sig, Message: msg, TreeHash: b.tree(files, ""), ParentHashes: parents}
	h := b.store(c)
	if err := b.repo.Storer.SetReference(plumbing.NewHashReference(plumbing.ReferenceName(ref), h)); err != nil {
		b.t.Fatal(err)
	}
	cp := map[string]string{}
	for k, v := range files {
		cp[k] = v
	}
	b.snaps[h] = cp
	return h
}

// checkout writes commit h's files into the working tree (files only: the
// tests compare working trees with HEAD by content).
func (b *builder) checkout(h plumbing.Hash) {
	b.t.Helper()
	for p, c := range b.snaps[h] {
		full := filepath.Join(b.dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
}

// edit returns a copy of files with changes applied: a value of "" deletes.
func edit(files map[string]string, changes ...string) map[string]string {
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

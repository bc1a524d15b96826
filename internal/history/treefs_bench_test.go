package history

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage"
)

// treefsBenchRepo writes a repository with one commit holding n documents
// in each of the three content folders, ten sub-folders each, straight
// into the object store (loose objects).
func treefsBenchRepo(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		b.Fatal(err)
	}
	st := repo.Storer
	var top []object.TreeEntry
	for _, kind := range []string{"decisions", "procedures", "processes"} {
		var subs []object.TreeEntry
		for s := 0; s < 10; s++ {
			var files []object.TreeEntry
			for i := s; i < n; i += 10 {
				data := fmt.Sprintf("---\ncode: \"X-%s-%05d\"\ntitle: Tài liệu %d\n---\n%s\n", kind, i, i, filler)
				files = append(files, object.TreeEntry{Name: fmt.Sprintf("doc-%05d.md", i), Mode: filemode.Regular, Hash: treefsWriteBlob(b, st, data)})
			}
			subs = append(subs, object.TreeEntry{Name: fmt.Sprintf("sub%02d", s), Mode: filemode.Dir, Hash: treefsWriteTree(b, st, files)})
		}
		top = append(top, object.TreeEntry{Name: kind, Mode: filemode.Dir, Hash: treefsWriteTree(b, st, subs)})
	}
	root := treefsWriteTree(b, st, top)
	sig := object.Signature{Name: "x", Email: "x@example.invalid", When: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := &object.Commit{Author: sig, Committer: sig, Message: "bench", TreeHash: root}
	obj := st.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		b.Fatal(err)
	}
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.SetReference(plumbing.NewHashReference("refs/heads/master", h)); err != nil {
		b.Fatal(err)
	}
	return dir
}

// filler makes a document about 3 KB, the size of the design's corpora.
var filler = func() string {
	s := ""
	for len(s) < 3000 {
		s += "Nội dung quy trình: tiếp nhận, thẩm định, trình ký, trả kết quả. "
	}
	return s
}()

func treefsWriteBlob(b *testing.B, st storage.Storer, data string) plumbing.Hash {
	obj := st.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, err := obj.Writer()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := w.Write([]byte(data)); err != nil {
		b.Fatal(err)
	}
	w.Close()
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		b.Fatal(err)
	}
	return h
}

func treefsWriteTree(b *testing.B, st storage.Storer, ents []object.TreeEntry) plumbing.Hash {
	t := &object.Tree{Entries: ents}
	obj := st.NewEncodedObject()
	if err := t.Encode(obj); err != nil {
		b.Fatal(err)
	}
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		b.Fatal(err)
	}
	return h
}

// BenchmarkSnapshotReadAll10k resolves HEAD and reads every file of a
// 9,999-document content root (3 folders × 10 sub-folders, ~3 KB each,
// loose objects) through the snapshot's fs.FS: what `qms check --base`
// does to load the base.
func BenchmarkSnapshotReadAll10k(b *testing.B) {
	dir := treefsBenchRepo(b, 3333)
	r, err := Open(filepath.Join(dir))
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := r.Snapshot("HEAD")
		if err != nil {
			b.Fatal(err)
		}
		files := 0
		err = fs.WalkDir(s, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if _, err := fs.ReadFile(s, p); err != nil {
				return err
			}
			files++
			return nil
		})
		if err != nil || files != 9999 {
			b.Fatalf("read %d files: %v", files, err)
		}
	}
}

package history

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// TestBlobConcurrent reads every revision's blobs from several goroutines
// at once (each takes a storage of the pool), while snapshots read trees,
// and checks each blob against its hash; one blob is loose (committed
// after the repack). Run with -race.
func TestBlobConcurrent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "repo")
	if _, err := corpusgen.WriteRepo(context.Background(), dir, corpusgen.Options{Docs: 60, Commits: 150}, io.Discard); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "decisions", "moi.md")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("---\ntitle: Mới\n---\nnội dung chưa đóng gói\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, dir, "add", "decisions/moi.md")
	gitOut(t, dir, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "loose")
	r, h := load(t, dir)
	var blobs []string
	seen := map[string]bool{}
	loose := ""
	for _, p := range append(h.Paths(), h.Deleted()...) {
		for _, rv := range h.Revisions(p) {
			for _, b := range []string{rv.Blob, rv.ParentBlob} {
				if b != "" && !seen[b] {
					seen[b] = true
					blobs = append(blobs, b)
				}
			}
			if p == "decisions/moi.md" {
				loose = rv.Blob
			}
		}
	}
	if loose == "" || len(blobs) < 100 {
		t.Fatalf("%d blobs, loose %q", len(blobs), loose)
	}
	if out := gitOut(t, dir, "count-objects", "-v"); strings.Contains(out, "count: 0\n") {
		t.Fatalf("no loose objects:\n%s", out)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range blobs {
				b := blobs[(k*7+g*13)%len(blobs)]
				data, err := r.Blob(b)
				if err != nil {
					t.Error(err)
					return
				}
				if got := plumbing.ComputeHash(plumbing.BlobObject, data).String(); got != b {
					t.Errorf("Blob(%s) has hash %s", b, got)
					return
				}
				if len(data) > 0 {
					data[0] ^= 0xff // the caller owns the slice: the cache must not see this
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		s, err := r.Snapshot("HEAD~3")
		if err != nil {
			t.Error(err)
			return
		}
		for _, p := range h.Paths()[:20] {
			if _, err := s.ReadFile(p); err != nil && !os.IsNotExist(err) {
				t.Error(err)
			}
		}
	}()
	wg.Wait()
	if _, err := r.Blob(h.Head.Hash); err == nil {
		t.Errorf("Blob of a commit hash: no error")
	}
	if _, err := r.Blob(strings.Repeat("0", 40)); err == nil {
		t.Errorf("Blob of a missing object: no error")
	}
}

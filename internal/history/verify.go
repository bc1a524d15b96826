package history

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Unreadable is a document's content at one commit that cannot be read
// from the repository: its object is missing or damaged.
type Unreadable struct {
	Path   string
	Commit *qms.Commit
	Blob   string
	Err    error
}

// String is the warning shown to editors, naming the file and the commit.
func (u Unreadable) String() string {
	return fmt.Sprintf("không đọc được nội dung của %s ở lần ghi thay đổi %s: %v", u.Path, u.Commit.Short, u.Err)
}

// VerifyBlobs reads the content of every revision of every document (at
// HEAD or deleted) once, from one goroutine per CPU, and returns those
// that cannot be read, sorted by path, newest first. A content is named by
// the revisions that made it; one known only as a revision's parent
// version is named by that parent commit. The error is the context's.
func (h *History) VerifyBlobs(ctx context.Context) ([]Unreadable, error) {
	if h.repo == nil {
		return nil, nil
	}
	made := map[string][]Unreadable{} // blob → the revisions that made it
	before := map[string][]Unreadable{}
	var blobs []string
	type key struct{ blob, path, commit string }
	seen := map[key]bool{} // a revision can be in two documents' lists
	note := func(m map[string][]Unreadable, u Unreadable) {
		k := key{u.Blob, u.Path, u.Commit.Hash}
		if seen[k] {
			return
		}
		seen[k] = true
		if len(made[u.Blob]) == 0 && len(before[u.Blob]) == 0 {
			blobs = append(blobs, u.Blob)
		}
		m[u.Blob] = append(m[u.Blob], u)
	}
	for _, ps := range [][]string{h.paths, h.deleted} {
		for _, p := range ps {
			for _, rv := range h.docs[p] {
				if rv.Blob != "" {
					note(made, Unreadable{Path: rv.Path, Commit: rv.Commit, Blob: rv.Blob})
				}
				if rv.ParentBlob != "" && len(rv.Commit.Parents) > 0 {
					path := rv.Path
					if rv.OldPath != "" {
						path = rv.OldPath
					}
					note(before, Unreadable{Path: path, Commit: h.parentCommit(rv.Commit.Parents[0]), Blob: rv.ParentBlob})
				}
			}
		}
	}
	errs := make([]error, len(blobs))
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(blobs) {
					return
				}
				_, errs[i] = h.repo.Blob(blobs[i])
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []Unreadable
	for i, b := range blobs {
		if errs[i] == nil {
			continue
		}
		us := made[b]
		if len(us) == 0 {
			us = before[b]
		}
		for _, u := range us {
			u.Err = errs[i]
			out = append(out, u)
		}
	}
	order := make(map[*qms.Commit]int, len(h.Commits))
	for i, c := range h.Commits {
		order[c] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return order[out[i].Commit] < order[out[j].Commit]
	})
	return out, nil
}

// parentCommit returns the commit with the given hash, or one made of the
// hash alone when it is not in the history (beyond a shallow boundary).
func (h *History) parentCommit(hash string) *qms.Commit {
	if c := h.byHash[hash]; c != nil {
		return c
	}
	return &qms.Commit{Hash: hash, Short: hash[:min(7, len(hash))]}
}

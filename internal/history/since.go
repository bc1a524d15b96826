package history

import (
	"context"
	"fmt"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Range is what changed between a base commit and HEAD: the commits
// `git log BASE..HEAD` lists and the document revisions they made.
type Range struct {
	// Base is the commit the reference resolved to.
	Base *qms.Commit
	// Commits are reachable from HEAD but not from Base, newest first.
	Commits []*qms.Commit
	// Revisions are the document revisions made by Commits, newest first,
	// then by path.
	Revisions []qms.Revision
}

// Since loads the history and returns what changed since ref: a branch, a
// tag, a commit hash or prefix, or an expression like HEAD~3 (resolved as
// Snapshot does).
func (r *Repo) Since(ctx context.Context, ref string) (*Range, error) {
	h, err := r.Load(ctx)
	if err != nil {
		return nil, err
	}
	return r.SinceIn(h, ref)
}

// SinceIn is Since on a history already loaded from r.
func (r *Repo) SinceIn(h *History, ref string) (*Range, error) {
	st := r.objs.get()
	defer r.objs.put(st)
	base, err := resolve(st, ref)
	if err != nil {
		return nil, fmt.Errorf("lịch sử từ %q: %w", ref, err)
	}
	excluded, baseCommit, err := ancestors(st, h, base, r.Mailmap())
	if err != nil {
		return nil, err
	}
	out := &Range{Base: baseCommit}
	for _, c := range h.Commits {
		if !excluded[c.Hash] {
			out.Commits = append(out.Commits, c)
		}
	}
	order := make(map[string]int, len(h.Commits))
	for i, c := range h.Commits {
		order[c.Hash] = i
	}
	for _, revs := range h.docs {
		for _, rv := range revs {
			if !excluded[rv.Commit.Hash] {
				out.Revisions = append(out.Revisions, rv)
			}
		}
	}
	sort.Slice(out.Revisions, func(i, j int) bool {
		a, b := out.Revisions[i], out.Revisions[j]
		if oa, ob := order[a.Commit.Hash], order[b.Commit.Hash]; oa != ob {
			return oa < ob
		}
		return a.Path < b.Path
	})
	return out, nil
}

// ancestors returns the hashes of base and every commit reachable from it,
// and base as a commit, its author named by mm.
func ancestors(st *filesystem.Storage, h *History, base plumbing.Hash, mm *Mailmap) (map[string]bool, *qms.Commit, error) {
	seen := map[string]bool{}
	var baseCommit *qms.Commit
	stack := []plumbing.Hash{base}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		hs := x.String()
		if seen[hs] {
			continue
		}
		seen[hs] = true
		if c := h.byHash[hs]; c != nil {
			if x == base {
				baseCommit = c
			}
			if c.Boundary {
				continue
			}
			for _, p := range c.Parents {
				stack = append(stack, plumbing.NewHash(p))
			}
			continue
		}
		rc, err := object.GetCommit(st, x)
		if err != nil && x != base {
			continue // beyond a shallow boundary
		}
		if err != nil {
			return nil, nil, fmt.Errorf("commit %s: %w", x, err)
		}
		if x == base {
			baseCommit = toCommit(x, rc, false, mm)
			baseCommit.Short = baseCommit.Hash[:7]
		}
		stack = append(stack, rc.ParentHashes...)
	}
	return seen, baseCommit, nil
}

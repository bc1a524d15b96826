package history

import (
	"container/heap"
	"context"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// node is one commit of the walked graph. Nodes are numbered in output
// order: 0 is HEAD, then newest first.
type node struct {
	hash    plumbing.Hash
	raw     *object.Commit
	parents []int32 // empty for a root and for a shallow boundary
	// boundary: the commit has parents in its object, but they are not in
	// the repository (listed in .git/shallow, or missing).
	boundary bool
	ctree    plumbing.Hash // the content root's tree; zero when absent
}

// graph is the commit graph reachable from HEAD.
type graph struct {
	nodes []node
}

// walked is what the differ needs of a commit: given to walkCommits' visit
// once the commit's number is known and its parents are read.
type walked struct {
	hash plumbing.Hash
	tree plumbing.Hash
	// parentTrees are the parents' trees, first parent first; none for a
	// root or a boundary.
	parentTrees []plumbing.Hash
}

// walkCommits reads every commit reachable from head, once, in the order
// `git log` prints them: a queue ordered by committer date (newest first,
// ties in discovery order) seeded with head, each popped commit's parents
// pushed. Commits listed in shallow are treated as roots, and so is a commit
// whose parent object is missing. visit, when not nil, is called for each
// commit in that order as soon as its parents are read.
func walkCommits(ctx context.Context, st *filesystem.Storage, head plumbing.Hash, shallow map[plumbing.Hash]bool, visit func(walked)) (*graph, error) {
	g := &graph{}
	// found are the commits read, in discovery order (a queue entry's
	// seq); node is the index a commit got when it was popped.
	type pending struct {
		h        plumbing.Hash
		raw      *object.Commit
		boundary bool
		node     int32
	}
	var found []pending
	seen := map[plumbing.Hash]int32{} // index in found
	var q commitQueue
	// read reads commit h: nil when it is not in the repository.
	read := func(h plumbing.Hash) (*object.Commit, error) {
		rc, err := object.GetCommit(st, h)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("commit %s: %w", h, err)
		}
		return rc, nil
	}
	add := func(h plumbing.Hash, rc *object.Commit) {
		if _, ok := seen[h]; ok {
			return
		}
		seen[h] = int32(len(found))
		heap.Push(&q, queued{date: rc.Committer.When.Unix(), seq: int32(len(found))})
		found = append(found, pending{h: h, raw: rc, boundary: shallow[h]})
	}
	if rc, err := read(head); err != nil {
		return nil, err
	} else if rc != nil {
		add(head, rc)
	} else {
		return nil, fmt.Errorf("commit HEAD %s: %w", head, plumbing.ErrObjectNotFound)
	}
	for len(q) > 0 {
		if len(g.nodes)%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		it := heap.Pop(&q).(queued)
		p := &found[it.seq]
		p.node = int32(len(g.nodes))
		g.nodes = append(g.nodes, node{hash: p.h, raw: p.raw, boundary: p.boundary})
		if p.boundary {
			if visit != nil {
				visit(walked{hash: p.h, tree: p.raw.TreeHash})
			}
			continue
		}
		// A parent that is not in the repository cuts history here, as in
		// a shallow clone; then none of the parents is followed.
		rcs := make([]*object.Commit, len(p.raw.ParentHashes))
		for k, ph := range p.raw.ParentHashes {
			if _, ok := seen[ph]; ok {
				continue
			}
			rc, err := read(ph)
			if err != nil {
				return nil, err
			}
			if rc == nil {
				g.nodes[len(g.nodes)-1].boundary = true
				break
			}
			rcs[k] = rc
		}
		if g.nodes[len(g.nodes)-1].boundary {
			if visit != nil {
				visit(walked{hash: p.h, tree: p.raw.TreeHash})
			}
			continue
		}
		for k, ph := range p.raw.ParentHashes {
			if rcs[k] != nil {
				add(ph, rcs[k])
			}
		}
		if visit != nil {
			w := walked{hash: p.h, tree: p.raw.TreeHash, parentTrees: make([]plumbing.Hash, len(p.raw.ParentHashes))}
			for k, ph := range p.raw.ParentHashes {
				w.parentTrees[k] = found[seen[ph]].raw.TreeHash
			}
			visit(w)
		}
	}
	total := 0
	for i := range g.nodes {
		if !g.nodes[i].boundary {
			total += len(g.nodes[i].raw.ParentHashes)
		}
	}
	all := make([]int32, total)
	for i := range g.nodes {
		n := &g.nodes[i]
		if n.boundary {
			continue
		}
		n.parents, all = all[:len(n.raw.ParentHashes):len(n.raw.ParentHashes)], all[len(n.raw.ParentHashes):]
		for k, ph := range n.raw.ParentHashes {
			if j, ok := seen[ph]; ok {
				n.parents[k] = found[j].node
			}
		}
	}
	return g, nil
}

// queued is an entry of the date-ordered commit queue: a committer date
// and the discovery order, which breaks ties.
type queued struct {
	date int64
	seq  int32
}

// commitQueue is a container/heap of queued, newest date first; equal
// dates leave in push order.
type commitQueue []queued

func (q commitQueue) Len() int { return len(q) }
func (q commitQueue) Less(i, j int) bool {
	if q[i].date != q[j].date {
		return q[i].date > q[j].date
	}
	return q[i].seq < q[j].seq
}
func (q commitQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *commitQueue) Push(x any)   { *q = append(*q, x.(queued)) }
func (q *commitQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

package history

import (
	"container/heap"
	"context"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// node is one commit of the walked graph. Nodes are numbered in output
// order: 0 is HEAD, then newest first.
type node struct {
	hash    plumbing.Hash
	raw     *rawCommit
	parents []int32 // empty for a root and for a shallow boundary
	// boundary: the commit has parents in its object, but they are not in
	// the repository (listed in .git/shallow, or missing).
	boundary bool
	ctree    plumbing.Hash // the content root's tree; zero when absent
}

// graph is the commit graph reachable from HEAD.
type graph struct {
	nodes []node
	index map[plumbing.Hash]int32
}

// walkCommits reads every commit reachable from head, once, in the order
// `git log` prints them: a queue ordered by committer date (newest first,
// ties in discovery order) seeded with head, each popped commit's parents
// pushed. Commits listed in shallow are treated as roots, and so is a commit
// whose parent object is missing.
func (o *odb) walkCommits(ctx context.Context, head plumbing.Hash, shallow map[plumbing.Hash]bool) (*graph, error) {
	g := &graph{index: make(map[plumbing.Hash]int32)}
	type pending struct {
		raw      *rawCommit
		boundary bool
	}
	seen := map[plumbing.Hash]*pending{}
	var q commitQueue
	var seq int
	push := func(h plumbing.Hash) (bool, error) {
		if _, ok := seen[h]; ok {
			return true, nil
		}
		b, err := o.read(plumbing.CommitObject, h)
		if err != nil {
			if errors.Is(err, plumbing.ErrObjectNotFound) {
				return false, nil
			}
			return false, err
		}
		rc, err := parseCommit(b)
		if err != nil {
			return false, fmt.Errorf("commit %s: %w", h, err)
		}
		p := &pending{raw: rc, boundary: shallow[h]}
		seen[h] = p
		heap.Push(&q, queued{h: h, date: rc.commitDate.Unix(), seq: seq})
		seq++
		return true, nil
	}
	if ok, err := push(head); err != nil {
		return nil, err
	} else if !ok {
		return nil, fmt.Errorf("commit HEAD %s: %w", head, plumbing.ErrObjectNotFound)
	}
	for q.Len() > 0 {
		if len(g.nodes)%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		it := heap.Pop(&q).(queued)
		p := seen[it.h]
		g.index[it.h] = int32(len(g.nodes))
		g.nodes = append(g.nodes, node{hash: it.h, raw: p.raw, boundary: p.boundary})
		if p.boundary {
			continue
		}
		// A parent that is not in the repository cuts history here, as in
		// a shallow clone; then none of the parents is followed.
		for _, ph := range p.raw.parents {
			if _, ok := seen[ph]; ok {
				continue
			}
			ok, err := o.has(ph)
			if err != nil {
				return nil, err
			}
			if !ok {
				g.nodes[len(g.nodes)-1].boundary = true
			}
		}
		if g.nodes[len(g.nodes)-1].boundary {
			continue
		}
		for _, ph := range p.raw.parents {
			if _, err := push(ph); err != nil {
				return nil, err
			}
		}
	}
	for i := range g.nodes {
		n := &g.nodes[i]
		if n.boundary {
			continue
		}
		n.parents = make([]int32, len(n.raw.parents))
		for k, ph := range n.raw.parents {
			n.parents[k] = g.index[ph]
		}
	}
	return g, nil
}

// queued is an entry of the date-ordered commit queue.
type queued struct {
	h    plumbing.Hash
	date int64
	seq  int
}

// commitQueue is a max-heap on date; equal dates leave in push order.
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
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

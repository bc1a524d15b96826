package history

import "slices"

// A document's revisions are the commits `git log -- FILE` lists, following
// renames. git's default history simplification decides them: walking from
// HEAD, a commit that is not a merge is listed when it changed the file; at
// a merge the walk follows only the first parent whose version of the file
// equals the merge's, and lists the merge and follows every parent only when
// the file differs from all of them. A side branch's commits are thus listed
// when its merge brought the file in, and hidden when the merge kept the
// other side's version.
//
// The walk is done per file on a compressed graph: following first parents
// from a commit s, the next place where anything happens for path p is the
// nearest first-parent ancestor of s that is a "stop" of p — a merge whose
// version of p differs from its first parent's, or the commit where p was
// created by a rename. Non-merge changes of p between s and that stop are
// listed. First-parent ancestry is answered in constant time with an Euler
// tour of the first-parent forest. The cost per file is proportional to the
// square of its number of stops and changes, not to the number of commits.

// fpForest is the forest of first-parent edges with entry/exit times.
type fpForest struct {
	tin, tout, depth []int32
}

func newFPForest(g *graph) *fpForest {
	n := len(g.nodes)
	f := &fpForest{tin: make([]int32, n), tout: make([]int32, n), depth: make([]int32, n)}
	// children lists as linked lists in arrays
	head := make([]int32, n)
	next := make([]int32, n)
	for i := range head {
		head[i] = -1
	}
	var roots []int32
	for i := n - 1; i >= 0; i-- {
		if ps := g.nodes[i].parents; len(ps) > 0 {
			p := ps[0]
			next[i] = head[p]
			head[p] = int32(i)
		} else {
			roots = append(roots, int32(i))
		}
	}
	var clock int32
	type frame struct {
		v     int32
		child int32
	}
	var stack []frame
	for _, r := range roots {
		f.depth[r] = 0
		f.tin[r] = clock
		clock++
		stack = append(stack[:0], frame{r, head[r]})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if c := top.child; c >= 0 {
				top.child = next[c]
				f.depth[c] = f.depth[top.v] + 1
				f.tin[c] = clock
				clock++
				stack = append(stack, frame{c, head[c]})
				continue
			}
			f.tout[top.v] = clock
			clock++
			stack = stack[:len(stack)-1]
		}
	}
	return f
}

// anc reports whether a is d or a first-parent ancestor of d.
func (f *fpForest) anc(a, d int32) bool {
	return f.tin[a] <= f.tin[d] && f.tout[d] <= f.tout[a]
}

// lineage returns the records listed in the history of path p as seen from
// commit from, following renames, newest first.
func (l *loader) lineage(f *fpForest, stops, cands [][]int32, from int32, p int32) []int32 {
	type start struct{ c, p int32 }
	seen := map[start]bool{}
	shown := map[int32]bool{}
	var out []int32
	show := func(k int32) {
		if !shown[k] {
			shown[k] = true
			out = append(out, k)
		}
	}
	queue := []start{{from, p}}
	seen[queue[0]] = true
	for len(queue) > 0 {
		s := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		best := int32(-1)
		for _, k := range stops[s.p] {
			c := l.recs[k].commit
			if f.anc(c, s.c) && (best < 0 || f.depth[c] > f.depth[l.recs[best].commit]) {
				best = k
			}
		}
		lim := int32(-1)
		if best >= 0 {
			lim = f.depth[l.recs[best].commit]
		}
		for _, k := range cands[s.p] {
			c := l.recs[k].commit
			if f.anc(c, s.c) && f.depth[c] > lim {
				show(k)
			}
		}
		if best < 0 {
			continue
		}
		r := &l.recs[best]
		n := &l.g.nodes[r.commit]
		enqueue := func(c, p int32) {
			st := start{c, p}
			if !seen[st] {
				seen[st] = true
				queue = append(queue, st)
			}
		}
		if r.same > 0 {
			enqueue(n.parents[r.same], s.p)
			continue
		}
		show(best)
		np := s.p
		if r.from >= 0 {
			np = r.from
		}
		for _, pc := range n.parents {
			enqueue(pc, np)
		}
	}
	// Newest first: commits are numbered in output order.
	slices.SortFunc(out, func(a, b int32) int { return int(l.recs[a].commit - l.recs[b].commit) })
	return out
}

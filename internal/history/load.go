package history

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// loader holds the state of one Load.
type loader struct {
	r    *Repo
	g    *graph // set when the walk is done
	d    *differ
	recs []rec
	// span[i] is the range of recs made by commit i.
	span [][2]int32
	// ctree[i] is commit i's content-root tree (zero when absent); ctrees
	// remembers them by commit tree when the content root is a
	// sub-directory.
	ctree  []plumbing.Hash
	ctrees map[plumbing.Hash]plumbing.Hash
	cur    int32 // the commit being diffed
	// mark and stamp are settleMerge's set of changed paths.
	mark  []int32
	stamp int32
}

// Load walks the commit graph from HEAD once and returns the history of
// every content file. A repository without commits gives an empty History.
func (r *Repo) Load(ctx context.Context) (*History, error) {
	st := r.objs.get()
	defer r.objs.put(st)
	h, err := r.load(ctx, st)
	if err != nil {
		return nil, fmt.Errorf("đọc lịch sử git %s: %w", r.Root, err)
	}
	return h, nil
}

// load reads the history; the differ reads trees from st, the walk
// commits from a storage of its own.
func (r *Repo) load(ctx context.Context, st *filesystem.Storage) (*History, error) {
	head, err := headOf(st)
	if err != nil {
		return nil, err
	}
	if head.IsZero() {
		return newHistory(r, &graph{}, nil, nil, nil), nil
	}
	shallow, err := shallowOf(st)
	if err != nil {
		return nil, err
	}
	l := &loader{r: r, d: &differ{st: st, ids: map[string]int32{}}, ctrees: map[plumbing.Hash]plumbing.Hash{}}
	if err := l.walkAndDiff(ctx, head, shallow); err != nil {
		return nil, err
	}
	h := l.build()
	// The trees read here are of no use to what comes next (blobs for
	// revision pages): let them go.
	r.objs.cache.Clear()
	return h, nil
}

// headOf returns the commit HEAD points to, or zero for an unborn branch.
func headOf(st *filesystem.Storage) (plumbing.Hash, error) {
	ref, err := st.Reference(plumbing.HEAD)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("đọc HEAD: %w", err)
	}
	for i := 0; ref.Type() == plumbing.SymbolicReference; i++ {
		if i > 10 {
			return plumbing.ZeroHash, fmt.Errorf("HEAD: vòng tham chiếu")
		}
		ref, err = st.Reference(ref.Target())
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return plumbing.ZeroHash, nil // unborn branch: no commits yet
		}
		if err != nil {
			return plumbing.ZeroHash, fmt.Errorf("đọc HEAD: %w", err)
		}
	}
	return ref.Hash(), nil
}

// shallowOf returns the commits listed in .git/shallow.
func shallowOf(st *filesystem.Storage) (map[plumbing.Hash]bool, error) {
	hs, err := st.Shallow()
	if err != nil {
		return nil, fmt.Errorf("đọc .git/shallow: %w", err)
	}
	m := make(map[plumbing.Hash]bool, len(hs))
	for _, h := range hs {
		m[h] = true
	}
	return m, nil
}

// walkBatch is how many walked commits go to the differ at once.
const walkBatch = 64

// walkAndDiff walks the commits (walkCommits) on a goroutine of its own
// and diffs each commit as soon as the walk has read it and its parents,
// so that the two share the work on two cores. The differ sees the commits
// in the walk's order, as a walk followed by the diffs would: the result is
// the same. A walk error wins over a diff error, as when the walk came
// first.
func (l *loader) walkAndDiff(ctx context.Context, head plumbing.Hash, shallow map[plumbing.Hash]bool) error {
	batches := make(chan []walked, 8)
	var g *graph
	var werr error
	go func() {
		defer close(batches)
		var batch []walked
		st := l.r.objs.get()
		defer l.r.objs.put(st)
		g, werr = walkCommits(ctx, st, head, shallow, func(w walked) {
			batch = append(batch, w)
			if len(batch) == walkBatch {
				batches <- batch
				batch = make([]walked, 0, walkBatch)
			}
		})
		if werr == nil && len(batch) > 0 {
			batches <- batch
		}
	}()
	var derr error
	l.d.emit = func(p []byte, old, new version) {
		l.recs = append(l.recs, rec{commit: l.cur, path: l.d.intern(p), old: old, new: new, same: -1, from: -1})
	}
	for batch := range batches {
		for _, w := range batch {
			if derr != nil {
				break // drain: the walk's own error, if any, comes first
			}
			derr = l.diffOne(ctx, w)
		}
	}
	if werr != nil {
		return werr
	}
	if derr != nil {
		return derr
	}
	l.g = g
	for i := range g.nodes {
		g.nodes[i].ctree = l.ctree[i]
	}
	return nil
}

// contentTree returns the content root's tree in the commit tree root.
func (l *loader) contentTree(root plumbing.Hash) (plumbing.Hash, error) {
	if l.r.Prefix == "" {
		return root, nil
	}
	if h, ok := l.ctrees[root]; ok {
		return h, nil
	}
	h, err := l.d.subtree(root, l.r.Prefix)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	l.ctrees[root] = h
	return h, nil
}

// diffOne diffs commit w against its first parent (a root or boundary
// against nothing), then settles its merge and renames.
func (l *loader) diffOne(ctx context.Context, w walked) error {
	i := int32(len(l.ctree))
	if i%256 == 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	ct, err := l.contentTree(w.tree)
	if err != nil {
		return err
	}
	l.ctree = append(l.ctree, ct)
	parents := make([]plumbing.Hash, len(w.parentTrees))
	for k, t := range w.parentTrees {
		if parents[k], err = l.contentTree(t); err != nil {
			return err
		}
	}
	l.cur = i
	start := int32(len(l.recs))
	var base plumbing.Hash
	if len(parents) > 0 {
		base = parents[0]
	}
	if err := l.d.diffContent(base, ct); err != nil {
		return fmt.Errorf("commit %s: %w", w.hash, err)
	}
	l.span = append(l.span, [2]int32{start, int32(len(l.recs))})
	rs := l.recs[start:]
	if len(parents) > 1 {
		if err := l.settleMerge(ct, parents, rs); err != nil {
			return fmt.Errorf("commit %s: %w", w.hash, err)
		}
	}
	if len(parents) > 0 {
		if err := l.detectRenames(rs); err != nil {
			return fmt.Errorf("commit %s: %w", w.hash, err)
		}
	}
	return nil
}

// settleMerge sets same for each change of merge n: the first other parent
// whose version of the file equals the merge's, or -1 (the file differs from
// every parent: the merge itself changed it, as in a conflict resolution).
// A parent's version equals the merge's exactly when the diff between the
// two trees does not list the file, so each other parent costs one tree
// diff, limited to the directories of the merge's changes (the trees a
// lookup of each file would read), which skips what the two share.
func (l *loader) settleMerge(ct plumbing.Hash, parents []plumbing.Hash, rs []rec) error {
	if len(l.mark) < len(l.d.paths) {
		l.mark = make([]int32, len(l.d.paths)+len(l.d.paths)/2+16)
	}
	dirs := map[string]bool{}
	for k := range rs {
		p := l.d.paths[rs[k].path]
		for i := 0; i < len(p); i++ {
			if p[i] == '/' {
				dirs[p[:i+1]] = true
			}
		}
	}
	emit := l.d.emit
	l.d.dirs = dirs
	defer func() { l.d.emit, l.d.dirs = emit, nil }()
	for pi := 1; pi < len(parents); pi++ {
		open := false
		for k := range rs {
			if rs[k].same < 0 {
				open = true
				break
			}
		}
		if !open {
			break
		}
		// mark[p] == stamp: p differs between parent pi and the merge.
		l.stamp++
		stamp := l.stamp
		l.d.emit = func(p []byte, _, _ version) {
			if id, ok := l.d.ids[string(p)]; ok {
				l.mark[id] = stamp
			}
		}
		if err := l.d.diffContent(parents[pi], ct); err != nil {
			return err
		}
		for k := range rs {
			if r := &rs[k]; r.same < 0 && l.mark[r.path] != stamp {
				r.same = int8(min(pi, 127))
			}
		}
	}
	return nil
}

package history

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// loader holds the state of one Load.
type loader struct {
	r *Repo
	g *graph // set when the walk is done
	// d interns the paths of recs (and reads HEAD's tree for build).
	d    *differ
	recs []rec
	// span[i] is the range of recs made by commit i.
	span [][2]int32
	// ctree[i] is commit i's content-root tree (zero when absent).
	ctree []plumbing.Hash
	// mm is the repository's .mailmap, read once per Load.
	mm *Mailmap
}

// Load walks the commit graph from HEAD once and returns the history of
// every content file. A repository without commits gives an empty History.
func (r *Repo) Load(ctx context.Context) (*History, error) {
	h, err := r.load(ctx)
	if err != nil {
		return nil, fmt.Errorf("đọc lịch sử git %s: %w", r.Root, err)
	}
	return h, nil
}

// load reads the history. Each goroutine takes a storage of the pool only
// while it reads: none is held while waiting for others.
func (r *Repo) load(ctx context.Context) (*History, error) {
	var head plumbing.Hash
	var shallow map[plumbing.Hash]bool
	err := r.objs.with(func(st *filesystem.Storage) (err error) {
		if head, err = headOf(st); err == nil {
			shallow, err = shallowOf(st)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if head.IsZero() {
		return newHistory(r, &graph{}, nil, nil, nil), nil
	}
	l := &loader{r: r, d: &differ{ids: map[string]int32{}}, mm: r.Mailmap()}
	if err := l.walkAndDiff(ctx, head, shallow); err != nil {
		return nil, err
	}
	var h *History
	_ = r.objs.with(func(st *filesystem.Storage) error {
		l.d.st = st
		h = l.build()
		return nil
	})
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

// walkBatch is how many walked commits go to a diff worker at once.
const walkBatch = 64

// walkAndDiff walks the commits (walkCommits) on a goroutine of its own
// and hands them in batches to diff workers, one per CPU, each reading
// trees from a storage of its own (all share go-git's object cache). The
// workers' results are put back in the walk's order, as a walk followed by
// the diffs would make them: the result is the same. A walk error wins
// over a diff error, as when the walk came first, and the diff error of
// the first commit wins over later ones.
func (l *loader) walkAndDiff(ctx context.Context, head plumbing.Hash, shallow map[plumbing.Hash]bool) error {
	type batch struct {
		n  int // batches before this one
		ws []walked
	}
	type result struct {
		n  int
		ds []diffed
	}
	batches := make(chan batch, 8)
	var g *graph
	var werr error
	go func() {
		defer close(batches)
		st := l.r.objs.get()
		defer l.r.objs.put(st)
		b := batch{}
		g, werr = walkCommits(ctx, st, head, shallow, func(w walked) {
			b.ws = append(b.ws, w)
			if len(b.ws) == walkBatch {
				batches <- b
				b = batch{n: b.n + 1}
			}
		})
		if werr == nil && len(b.ws) > 0 {
			batches <- b
		}
	}()
	results := make(chan result, 8)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := l.r.objs.get()
			defer l.r.objs.put(st)
			wk := newWorker(l.r, st)
			for b := range batches {
				r := result{n: b.n, ds: make([]diffed, len(b.ws))}
				for k, w := range b.ws {
					if k == 0 {
						if err := ctx.Err(); err != nil {
							r.ds[k].err = err
							break
						}
					}
					r.ds[k] = wk.diffOne(w)
				}
				results <- r
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var derr error
	pending := map[int][]diffed{}
	next := 0
	for r := range results {
		pending[r.n] = r.ds
		for ds, ok := pending[next]; ok; ds, ok = pending[next] {
			delete(pending, next)
			next++
			for _, d := range ds {
				if derr == nil && d.err != nil {
					derr = d.err
				}
				if derr == nil {
					l.add(d)
				}
			}
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

// add appends the next commit's changes, as a worker found them, with the
// loader's path ids.
func (l *loader) add(d diffed) {
	i := int32(len(l.ctree))
	l.ctree = append(l.ctree, d.ct)
	start := int32(len(l.recs))
	for k, r := range d.recs {
		r.commit, r.path = i, l.d.internString(d.names[2*k])
		l.recs = append(l.recs, r)
	}
	rs := l.recs[start:]
	for k := range rs {
		if rs[k].from >= 0 {
			rs[k].from = l.d.ids[d.names[2*k+1]] // a path of this commit's
		}
	}
	l.span = append(l.span, [2]int32{start, int32(len(l.recs))})
}

// worker diffs commits, reading trees from a storage of its own; its
// path ids are its own.
type worker struct {
	r      *Repo
	d      *differ
	recs   []rec // the commit being diffed
	ctrees map[plumbing.Hash]plumbing.Hash
	// mark and stamp are settleMerge's set of changed paths.
	mark  []int32
	stamp int32
}

// diffed is one commit's changes as a worker found them.
type diffed struct {
	ct   plumbing.Hash // the commit's content-root tree
	recs []rec
	// names are the paths of recs[k] (at 2k) and of the file it was
	// renamed from (at 2k+1, "" when none): recs' ids are the worker's.
	names []string
	err   error
}

func newWorker(r *Repo, st *filesystem.Storage) *worker {
	wk := &worker{r: r, d: &differ{st: st, ids: map[string]int32{}}, ctrees: map[plumbing.Hash]plumbing.Hash{}}
	wk.d.emit = func(p []byte, old, new version) {
		wk.recs = append(wk.recs, rec{path: wk.d.intern(p), old: old, new: new, same: -1, from: -1})
	}
	return wk
}

// contentTree returns the content root's tree in the commit tree root.
func (wk *worker) contentTree(root plumbing.Hash) (plumbing.Hash, error) {
	if wk.r.Prefix == "" {
		return root, nil
	}
	if h, ok := wk.ctrees[root]; ok {
		return h, nil
	}
	h, err := wk.d.subtree(root, wk.r.Prefix)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	wk.ctrees[root] = h
	return h, nil
}

// diffOne diffs commit w against its first parent (a root or boundary
// against nothing), then settles its merge and renames.
func (wk *worker) diffOne(w walked) diffed {
	ct, err := wk.contentTree(w.tree)
	if err != nil {
		return diffed{err: err}
	}
	parents := make([]plumbing.Hash, len(w.parentTrees))
	for k, t := range w.parentTrees {
		if parents[k], err = wk.contentTree(t); err != nil {
			return diffed{err: err}
		}
	}
	var base plumbing.Hash
	if len(parents) > 0 {
		base = parents[0]
	}
	wk.recs = wk.recs[:0]
	err = wk.d.diffContent(base, ct)
	rs := wk.recs
	if err == nil && len(parents) > 1 {
		err = wk.settleMerge(ct, parents, rs)
	}
	if err == nil && len(parents) > 0 {
		err = wk.detectRenames(rs)
	}
	if err != nil {
		return diffed{err: fmt.Errorf("commit %s: %w", w.hash, err)}
	}
	out := diffed{ct: ct, recs: slices.Clone(rs), names: make([]string, 2*len(rs))}
	for k, r := range rs {
		out.names[2*k] = wk.d.paths[r.path]
		if r.from >= 0 {
			out.names[2*k+1] = wk.d.paths[r.from]
		}
	}
	return out
}

// settleMerge sets same for each change of merge n: the first other parent
// whose version of the file equals the merge's, or -1 (the file differs from
// every parent: the merge itself changed it, as in a conflict resolution).
// A parent's version equals the merge's exactly when the diff between the
// two trees does not list the file, so each other parent costs one tree
// diff, limited to the directories of the merge's changes (the trees a
// lookup of each file would read), which skips what the two share.
func (l *worker) settleMerge(ct plumbing.Hash, parents []plumbing.Hash, rs []rec) error {
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

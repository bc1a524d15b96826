package history

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// loader holds the state of one Load.
type loader struct {
	r    *Repo
	g    *graph
	d    *differ
	recs []rec
	// span[i] is the range of recs made by commit i.
	span [][2]int32
	// mark and stamp are settleMerge's set of changed paths.
	mark  []int32
	stamp int32
}

// Load walks the commit graph from HEAD once and returns the history of
// every content file. A repository without commits gives an empty History.
func (r *Repo) Load(ctx context.Context) (*History, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	h, err := r.load(ctx)
	if err != nil {
		return nil, fmt.Errorf("đọc lịch sử git %s: %w", r.Root, err)
	}
	return h, nil
}

func (r *Repo) load(ctx context.Context) (*History, error) {
	head, err := r.head()
	if err != nil {
		return nil, err
	}
	if head.IsZero() {
		return newHistory(r, &graph{}, nil, nil, nil), nil
	}
	shallow, err := r.shallow()
	if err != nil {
		return nil, err
	}
	g, err := r.odb.walkCommits(ctx, head, shallow)
	if err != nil {
		return nil, err
	}
	l := &loader{r: r, g: g, span: make([][2]int32, len(g.nodes))}
	l.d = &differ{odb: r.odb, ids: map[string]int32{}}
	if err := l.contentTrees(); err != nil {
		return nil, err
	}
	if err := l.diffAll(ctx); err != nil {
		return nil, err
	}
	return l.build(), nil
}

// head returns the commit HEAD points to, or zero for an unborn branch.
func (r *Repo) head() (plumbing.Hash, error) {
	ref, err := r.st.Reference(plumbing.HEAD)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("đọc HEAD: %w", err)
	}
	for i := 0; ref.Type() == plumbing.SymbolicReference; i++ {
		if i > 10 {
			return plumbing.ZeroHash, fmt.Errorf("HEAD: vòng tham chiếu")
		}
		ref, err = r.st.Reference(ref.Target())
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return plumbing.ZeroHash, nil // unborn branch: no commits yet
		}
		if err != nil {
			return plumbing.ZeroHash, fmt.Errorf("đọc HEAD: %w", err)
		}
	}
	return ref.Hash(), nil
}

// shallow returns the commits listed in .git/shallow.
func (r *Repo) shallow() (map[plumbing.Hash]bool, error) {
	hs, err := r.st.Shallow()
	if err != nil {
		return nil, fmt.Errorf("đọc .git/shallow: %w", err)
	}
	m := make(map[plumbing.Hash]bool, len(hs))
	for _, h := range hs {
		m[h] = true
	}
	return m, nil
}

// contentTrees finds each commit's content-root tree.
func (l *loader) contentTrees() error {
	for i := range l.g.nodes {
		n := &l.g.nodes[i]
		h, err := l.d.subtree(n.raw.tree, l.r.Prefix)
		if err != nil {
			return err
		}
		n.ctree = h
	}
	return nil
}

// diffAll diffs every commit against its first parent (a root or boundary
// against nothing), then settles merges and renames.
func (l *loader) diffAll(ctx context.Context) error {
	var cur int32
	l.d.emit = func(p []byte, old, new version) {
		l.recs = append(l.recs, rec{commit: cur, path: l.d.intern(p), old: old, new: new, same: -1, from: -1})
	}
	for i := range l.g.nodes {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n := &l.g.nodes[i]
		cur = int32(i)
		start := int32(len(l.recs))
		var base plumbing.Hash
		if len(n.parents) > 0 {
			base = l.g.nodes[n.parents[0]].ctree
		}
		if err := l.d.diffContent(base, n.ctree); err != nil {
			return fmt.Errorf("commit %s: %w", n.hash, err)
		}
		l.span[i] = [2]int32{start, int32(len(l.recs))}
		rs := l.recs[start:]
		if len(n.parents) > 1 {
			if err := l.settleMerge(n, rs); err != nil {
				return fmt.Errorf("commit %s: %w", n.hash, err)
			}
		}
		if len(n.parents) > 0 {
			if err := l.detectRenames(rs); err != nil {
				return fmt.Errorf("commit %s: %w", n.hash, err)
			}
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
func (l *loader) settleMerge(n *node, rs []rec) error {
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
	for pi := 1; pi < len(n.parents); pi++ {
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
		if err := l.d.diffContent(l.g.nodes[n.parents[pi]].ctree, n.ctree); err != nil {
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

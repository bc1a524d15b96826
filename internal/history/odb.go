package history

import (
	"container/list"
	"fmt"
	"io"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// treeCacheBytes bounds the parsed-tree cache. Trees of a commit are read
// again when its parents are diffed, so only a window of recent trees needs
// to stay; the bound is in bytes because tree sizes vary with directory
// sizes (history-performance.md §3, flat layout).
const treeCacheBytes = 24 << 20

// odb reads objects from go-git's object store. It is not safe for
// concurrent use; Repo serialises access.
type odb struct {
	st    *filesystem.Storage
	trees *lru
}

func newODB(st *filesystem.Storage) *odb {
	return &odb{st: st, trees: newLRU(treeCacheBytes)}
}

// read returns the raw content of an object of type t. The returned slice is
// owned by the caller.
func (o *odb) read(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	obj, err := o.st.EncodedObject(t, h)
	if err != nil {
		return nil, fmt.Errorf("đọc đối tượng %s %s: %w", t, h, err)
	}
	r, err := obj.Reader()
	if err != nil {
		return nil, fmt.Errorf("đọc đối tượng %s %s: %w", t, h, err)
	}
	defer r.Close()
	sz := obj.Size()
	if sz < 0 || sz > 1<<31 {
		return nil, fmt.Errorf("đối tượng %s %s quá lớn (%d byte)", t, h, sz)
	}
	b := make([]byte, sz)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, fmt.Errorf("đọc đối tượng %s %s: %w", t, h, err)
	}
	return b, nil
}

// tree returns the parsed tree h, from the cache when possible.
func (o *odb) tree(h plumbing.Hash) (*tree, error) {
	if t, ok := o.trees.get(h); ok {
		return t, nil
	}
	raw, err := o.read(plumbing.TreeObject, h)
	if err != nil {
		return nil, err
	}
	t, err := parseTree(raw)
	if err != nil {
		return nil, fmt.Errorf("tree %s: %w", h, err)
	}
	o.trees.put(h, t)
	return t, nil
}

// lru is a byte-bounded least-recently-used cache of parsed trees.
type lru struct {
	max, used int
	ll        *list.List
	m         map[plumbing.Hash]*list.Element
}

type lruItem struct {
	h plumbing.Hash
	t *tree
}

func newLRU(max int) *lru {
	return &lru{max: max, ll: list.New(), m: make(map[plumbing.Hash]*list.Element)}
}

func (c *lru) get(h plumbing.Hash) (*tree, bool) {
	if e, ok := c.m[h]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*lruItem).t, true
	}
	return nil, false
}

func (c *lru) put(h plumbing.Hash, t *tree) {
	if _, ok := c.m[h]; ok {
		return
	}
	sz := t.size()
	if sz > c.max/4 {
		return // a huge tree would evict everything else
	}
	c.m[h] = c.ll.PushFront(&lruItem{h, t})
	c.used += sz
	for c.used > c.max {
		e := c.ll.Back()
		it := e.Value.(*lruItem)
		c.ll.Remove(e)
		delete(c.m, it.h)
		c.used -= it.t.size()
	}
}

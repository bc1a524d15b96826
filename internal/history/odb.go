package history

import (
	"container/list"
	"fmt"
	"io"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// cacheBytes bounds the object cache: inflated objects (trees, delta bases,
// blobs) and parsed trees. Trees of a commit are read again when its parent
// is diffed, and delta bases are shared by the objects built on them, so a
// window of recent objects is enough; the bound is in bytes because tree
// sizes vary with directory sizes (history-performance.md §3, flat layout).
const cacheBytes = 16 << 20

// odb reads objects: packed ones directly from the pack files (pack.go),
// others through go-git's object storage. It is not safe for concurrent
// use; Repo serialises access.
type odb struct {
	st          *filesystem.Storage
	packs       []*packFile
	packsOpened bool
	pr          packReader
	cache       *lru
}

// cobj is an object in the cache; t is its parsed form once read as a tree.
type cobj struct {
	typ plumbing.ObjectType
	raw []byte
	t   *tree
}

func (c *cobj) size() int {
	n := len(c.raw) + 64
	if c.t != nil {
		n += 12 * len(c.t.ents)
	}
	return n
}

// ckey names a cached object: a pack and offset, or (pack -1) a hash.
type ckey struct {
	pack int32
	off  int64
	h    plumbing.Hash
}

func newODB(st *filesystem.Storage) *odb {
	return &odb{st: st, cache: newLRU(cacheBytes)}
}

func (o *odb) close() error {
	var first error
	for _, p := range o.packs {
		if err := p.f.Close(); err != nil && first == nil {
			first = err
		}
	}
	o.packs, o.packsOpened = nil, false
	if err := o.st.Close(); err != nil && first == nil {
		first = err
	}
	return first
}

// object returns object h from a pack or, failing that, from go-git.
func (o *odb) object(h plumbing.Hash, depth int) (*cobj, error) {
	if !o.packsOpened {
		ps, err := openPacks(o.st.Filesystem())
		if err != nil {
			return nil, fmt.Errorf("mở pack: %w", err)
		}
		o.packs, o.packsOpened = ps, true
	}
	for i, p := range o.packs {
		if off, ok := p.find(h); ok {
			return o.packed(i, off, depth)
		}
	}
	key := ckey{pack: -1, h: h}
	if c, ok := o.cache.get(key); ok {
		return c, nil
	}
	obj, err := o.st.EncodedObject(plumbing.AnyObject, h)
	if err != nil {
		return nil, err
	}
	r, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	sz := obj.Size()
	if sz < 0 || sz > maxObject {
		return nil, fmt.Errorf("đối tượng %s quá lớn (%d byte)", h, sz)
	}
	b := make([]byte, sz)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, err
	}
	c := &cobj{typ: obj.Type(), raw: b}
	o.cache.put(key, c)
	return c, nil
}

// read returns the content of object h, which must be of type t. The slice
// is shared with the cache: callers must not modify it.
func (o *odb) read(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	c, err := o.object(h, 0)
	if err == nil && c.typ != t {
		err = plumbing.ErrObjectNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("đọc đối tượng %s %s: %w", t, h, err)
	}
	return c.raw, nil
}

// tree returns the parsed tree h.
func (o *odb) tree(h plumbing.Hash) (*tree, error) {
	c, err := o.object(h, 0)
	if err == nil && c.typ != plumbing.TreeObject {
		err = plumbing.ErrObjectNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("đọc tree %s: %w", h, err)
	}
	if c.t == nil {
		t, err := parseTree(c.raw)
		if err != nil {
			return nil, fmt.Errorf("tree %s: %w", h, err)
		}
		c.t = t
		o.cache.grew(c)
	}
	return c.t, nil
}

// lru is a byte-bounded least-recently-used cache of objects.
type lru struct {
	max, used int
	ll        *list.List
	m         map[ckey]*list.Element
	sizes     map[*cobj]int
}

type lruItem struct {
	k ckey
	c *cobj
}

func newLRU(max int) *lru {
	return &lru{max: max, ll: list.New(), m: make(map[ckey]*list.Element), sizes: map[*cobj]int{}}
}

func (l *lru) get(k ckey) (*cobj, bool) {
	if e, ok := l.m[k]; ok {
		l.ll.MoveToFront(e)
		return e.Value.(*lruItem).c, true
	}
	return nil, false
}

func (l *lru) put(k ckey, c *cobj) {
	if _, ok := l.m[k]; ok {
		return
	}
	sz := c.size()
	if sz > l.max/4 {
		return // a huge object would evict everything else
	}
	l.m[k] = l.ll.PushFront(&lruItem{k, c})
	l.sizes[c] = sz
	l.used += sz
	l.evict()
}

// grew accounts for c having grown (a parsed tree was attached).
func (l *lru) grew(c *cobj) {
	old, ok := l.sizes[c]
	if !ok {
		return
	}
	sz := c.size()
	l.sizes[c] = sz
	l.used += sz - old
	l.evict()
}

func (l *lru) evict() {
	for l.used > l.max && l.ll.Len() > 1 {
		e := l.ll.Back()
		it := e.Value.(*lruItem)
		l.ll.Remove(e)
		delete(l.m, it.k)
		l.used -= l.sizes[it.c]
		delete(l.sizes, it.c)
	}
}

package history

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"sync/atomic"

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
// others through go-git's object storage.
//
// Packed objects may be read from several goroutines at once: the packs
// are read-only mappings, each read takes a packReader of its own from a
// pool and the cache has its own lock. go-git's storage is not safe for
// concurrent use, so it is only used when the caller says it holds
// Repo.mu (store), and then under stMu too (Load reads from two
// goroutines); a read without Repo.mu that needs the storage fails with
// errNeedStore, and the caller retries holding Repo.mu (see Repo.Blob).
type odb struct {
	stMu    sync.Mutex
	st      *filesystem.Storage
	objects string // the objects directory, where objects/pack is

	// packMu guards packs and packsOpened; a read holds it for reading
	// while it uses the packs' mappings, close holds it for writing.
	packMu      sync.RWMutex
	packs       []*packFile
	packsOpened bool
	packsErr    error

	readers sync.Pool // *packReader
	cache   *lru
	// mapped counts the bytes of the pack mappings read since their pages
	// were last released (see touched).
	mapped atomic.Int64
}

// releaseEvery is how many bytes of the pack mappings may be read before
// their pages are released: the pages read stay in the process's resident
// memory until then, and a whole build reads most of a pack's blobs.
const releaseEvery = 2 << 20

// errNeedStore is returned by reads made without Repo.mu that need
// go-git's storage (a loose object, or one in an alternate).
var errNeedStore = errors.New("cần kho đối tượng của go-git")

// cobj is an object in the cache; t is its parsed form once read as a tree
// (set under the cache's lock).
type cobj struct {
	typ plumbing.ObjectType
	raw []byte
	t   *tree

	// The cache's bookkeeping: key, accounted size and list links.
	key        ckey
	size       int
	prev, next *cobj
}

// footprint is the object's memory use as the cache counts it.
func (c *cobj) footprint() int {
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

func newODB(st *filesystem.Storage, objects string) *odb {
	o := &odb{st: st, objects: objects, cache: newLRU(cacheBytes)}
	o.readers.New = func() any { return new(packReader) }
	return o
}

func (o *odb) close() error {
	o.packMu.Lock()
	var first error
	for _, p := range o.packs {
		if err := p.close(); err != nil && first == nil {
			first = err
		}
	}
	o.packs, o.packsOpened, o.packsErr = nil, false, nil
	o.packMu.Unlock()
	o.cache.clear()
	if err := o.st.Close(); err != nil && first == nil {
		first = err
	}
	return first
}

// release lets go of what a Load read: the cache's objects, and the pack
// pages mapped in.
func (o *odb) release() {
	o.cache.clear()
	o.packMu.RLock()
	o.releasePages()
	o.packMu.RUnlock()
}

// touched counts n bytes read from the pack mappings and releases their
// pages every releaseEvery bytes. Pages being read by another goroutine
// at that moment are read again from the file. The caller holds o.packMu
// for reading.
func (o *odb) touched(n int64) {
	if o.mapped.Add(n) > releaseEvery {
		o.mapped.Store(0)
		o.releasePages()
	}
}

// releasePages releases the mapped pages of every pack (a pack read into
// memory, without mmap, stays). The caller holds o.packMu.
func (o *odb) releasePages() {
	o.mapped.Store(0)
	for _, p := range o.packs {
		if p.unmap != nil {
			releasePages(p.data)
		}
	}
}

// lockPacks opens the packs on first use and returns with o.packMu held
// for reading; the caller unlocks it.
func (o *odb) lockPacks() error {
	o.packMu.RLock()
	if o.packsOpened {
		if o.packsErr != nil {
			o.packMu.RUnlock()
			return o.packsErr
		}
		return nil
	}
	o.packMu.RUnlock()
	o.packMu.Lock()
	if !o.packsOpened {
		ps, err := openPacks(filepath.Join(o.objects, "pack"))
		o.packs, o.packsOpened = ps, true
		if err != nil {
			o.packsErr = fmt.Errorf("mở pack: %w", err)
		}
	}
	o.packMu.Unlock()
	return o.lockPacks()
}

// get returns object h, from a pack or (when store: the caller holds
// Repo.mu) through go-git.
func (o *odb) get(h plumbing.Hash, store bool) (*cobj, error) {
	if err := o.lockPacks(); err != nil {
		return nil, err
	}
	defer o.packMu.RUnlock()
	return o.object(h, 0, store, true)
}

// getOnce is get for an object read once (a commit during the walk): it is
// not put in the cache (the delta bases it is made from are). The caller
// holds Repo.mu.
func (o *odb) getOnce(h plumbing.Hash) (*cobj, error) {
	if err := o.lockPacks(); err != nil {
		return nil, err
	}
	defer o.packMu.RUnlock()
	return o.object(h, 0, true, false)
}

// object returns object h from a pack or, failing that, from go-git; keep
// puts it in the cache. The caller holds o.packMu for reading.
func (o *odb) object(h plumbing.Hash, depth int, store, keep bool) (*cobj, error) {
	for i, p := range o.packs {
		if off, ok := p.find(h); ok {
			return o.packed(i, off, depth, store, keep)
		}
	}
	key := ckey{pack: -1, h: h}
	if c := o.cache.get(key); c != nil {
		return c, nil
	}
	if !store {
		return nil, errNeedStore
	}
	c, err := o.loose(h)
	if err != nil {
		return nil, err
	}
	if keep {
		o.cache.put(key, c)
	}
	return c, nil
}

// loose reads object h through go-git.
func (o *odb) loose(h plumbing.Hash) (*cobj, error) {
	o.stMu.Lock()
	defer o.stMu.Unlock()
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
	return &cobj{typ: obj.Type(), raw: b}, nil
}

// has reports whether object h exists, reading it only when it is not
// packed. The caller holds Repo.mu.
func (o *odb) has(h plumbing.Hash) (bool, error) {
	if err := o.lockPacks(); err != nil {
		return false, err
	}
	for _, p := range o.packs {
		if _, ok := p.find(h); ok {
			o.packMu.RUnlock()
			return true, nil
		}
	}
	o.packMu.RUnlock()
	_, err := o.get(h, true)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return false, nil
	}
	return err == nil, err
}

// read returns the content of object h, which must be of type t. The slice
// is shared with the cache: callers must not modify it. The caller holds
// Repo.mu.
func (o *odb) read(t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	c, err := o.get(h, true)
	if err == nil && c.typ != t {
		err = plumbing.ErrObjectNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("đọc đối tượng %s %s: %w", t, h, err)
	}
	return c.raw, nil
}

// tree returns the parsed tree h. The caller holds Repo.mu.
func (o *odb) tree(h plumbing.Hash) (*tree, error) {
	c, err := o.get(h, true)
	if err == nil && c.typ != plumbing.TreeObject {
		err = plumbing.ErrObjectNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("đọc tree %s: %w", h, err)
	}
	if t := o.cache.parsed(c); t != nil {
		return t, nil
	}
	t, err := parseTree(c.raw)
	if err != nil {
		return nil, fmt.Errorf("tree %s: %w", h, err)
	}
	o.cache.attach(c, t)
	return t, nil
}

// rawTree returns the content of tree h, unparsed (see rawtree.go). The
// caller holds Repo.mu.
func (o *odb) rawTree(h plumbing.Hash) ([]byte, error) {
	c, err := o.get(h, true)
	if err == nil && c.typ != plumbing.TreeObject {
		err = plumbing.ErrObjectNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("đọc tree %s: %w", h, err)
	}
	return c.raw, nil
}

// lru is a byte-bounded least-recently-used cache of objects, safe for
// concurrent use. Its list is threaded through the objects themselves:
// head is the most recently used.
type lru struct {
	mu         sync.Mutex
	max, used  int
	head, tail *cobj
	m          map[ckey]*cobj
}

func newLRU(max int) *lru {
	return &lru{max: max, m: make(map[ckey]*cobj)}
}

func (l *lru) get(k ckey) *cobj {
	l.mu.Lock()
	c := l.m[k]
	if c != nil && c != l.head {
		l.unlink(c)
		l.pushFront(c)
	}
	l.mu.Unlock()
	return c
}

// put adds c under k (unless k is there already: a concurrent read made
// the same object).
func (l *lru) put(k ckey, c *cobj) {
	sz := c.footprint()
	if sz > l.max/4 {
		return // a huge object would evict everything else
	}
	l.mu.Lock()
	if _, ok := l.m[k]; !ok {
		c.key, c.size = k, sz
		l.m[k] = c
		l.pushFront(c)
		l.used += sz
		l.evict()
	}
	l.mu.Unlock()
}

// parsed returns c's parsed tree, or nil.
func (l *lru) parsed(c *cobj) *tree {
	l.mu.Lock()
	defer l.mu.Unlock()
	return c.t
}

// attach sets c's parsed tree and accounts for its size.
func (l *lru) attach(c *cobj, t *tree) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c.t != nil {
		return
	}
	c.t = t
	if l.m[c.key] != c {
		return // not cached (too big, or evicted)
	}
	sz := c.footprint()
	l.used += sz - c.size
	c.size = sz
	l.evict()
}

func (l *lru) clear() {
	l.mu.Lock()
	l.m = make(map[ckey]*cobj)
	l.head, l.tail, l.used = nil, nil, 0
	l.mu.Unlock()
}

func (l *lru) pushFront(c *cobj) {
	c.prev, c.next = nil, l.head
	if l.head != nil {
		l.head.prev = c
	}
	l.head = c
	if l.tail == nil {
		l.tail = c
	}
}

func (l *lru) unlink(c *cobj) {
	if c.prev != nil {
		c.prev.next = c.next
	} else {
		l.head = c.next
	}
	if c.next != nil {
		c.next.prev = c.prev
	} else {
		l.tail = c.prev
	}
	c.prev, c.next = nil, nil
}

func (l *lru) evict() {
	for l.used > l.max && l.tail != nil && l.tail != l.head {
		c := l.tail
		l.unlink(c)
		delete(l.m, c.key)
		l.used -= c.size
	}
}

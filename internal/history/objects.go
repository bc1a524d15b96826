package history

import (
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// objectCache is the size of go-git's object cache, which is also its
// delta-base cache: when it is too small delta bases get evicted and reads
// slow down. It is shared by every storage of
// a Repo.
const objectCache = 16 * cache.MiByte

// maxObject bounds the size of an object read into memory.
const maxObject = 1 << 30

// objects reads git objects through go-git's filesystem storage. A storage
// is not safe for concurrent use, so a Repo keeps a pool of storages over
// the same repository, at most two more than CPUs (Load walks the commits
// while one worker per CPU diffs trees; one is left for other readers),
// all sharing one object cache (which is safe for concurrent use): a
// reader takes a storage only while it reads and gives it back.
type objects struct {
	fs    billy.Filesystem
	cache cache.Object

	mu   sync.Mutex
	free []*filesystem.Storage
	all  []*filesystem.Storage
	max  int
	cond *sync.Cond
}

func newObjects(fs billy.Filesystem) *objects {
	o := &objects{fs: fs, cache: cache.NewObjectLRU(objectCache), max: runtime.GOMAXPROCS(0) + 2}
	o.cond = sync.NewCond(&o.mu)
	return o
}

// get takes a storage from the pool, opening one when all are in use and
// fewer than max are open, or waiting for one.
func (o *objects) get() *filesystem.Storage {
	o.mu.Lock()
	defer o.mu.Unlock()
	for len(o.free) == 0 && len(o.all) >= o.max {
		o.cond.Wait()
	}
	if n := len(o.free); n > 0 {
		st := o.free[n-1]
		o.free = o.free[:n-1]
		return st
	}
	// Pack files stay open (KeepDescriptors) until Close: go-git otherwise
	// reopens a pack for every object.
	st := filesystem.NewStorageWithOptions(o.fs, o.cache, filesystem.Options{KeepDescriptors: true})
	o.all = append(o.all, st)
	return st
}

func (o *objects) put(st *filesystem.Storage) {
	o.mu.Lock()
	o.free = append(o.free, st)
	o.mu.Unlock()
	o.cond.Signal()
}

// with runs fn with a storage from the pool.
func (o *objects) with(fn func(st *filesystem.Storage) error) error {
	st := o.get()
	defer o.put(st)
	return fn(st)
}

// read returns the content of object h, which must be of type t, from a
// storage of the pool. The caller owns the slice.
func (o *objects) read(t plumbing.ObjectType, h plumbing.Hash) (b []byte, err error) {
	err = o.with(func(st *filesystem.Storage) error {
		b, err = readObject(st, t, h)
		return err
	})
	return b, err
}

// close closes every storage's pack files; the storages must be back in
// the pool.
func (o *objects) close() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	var first error
	for _, st := range o.all {
		if err := st.Close(); err != nil && first == nil {
			first = err
		}
	}
	o.all, o.free = nil, nil
	o.cache.Clear()
	return first
}

// readObject returns the content of object h, which must be of type t. The
// caller owns the slice (go-git's cache keeps its own).
func readObject(st storer.EncodedObjectStorer, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	obj, err := st.EncodedObject(t, h)
	if err != nil {
		return nil, fmt.Errorf("đọc đối tượng %s %s: %w", t, h, err)
	}
	r, err := obj.Reader()
	if err != nil {
		return nil, fmt.Errorf("đọc đối tượng %s %s: %w", t, h, err)
	}
	defer r.Close()
	if obj.Size() < 0 || obj.Size() > maxObject {
		return nil, fmt.Errorf("đối tượng %s quá lớn (%d byte)", h, obj.Size())
	}
	b := make([]byte, obj.Size())
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, fmt.Errorf("đọc đối tượng %s %s: %w", t, h, err)
	}
	return b, nil
}

package render

import (
	"sync"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// cache keeps the last values computed for keys: revision pages parse the
// document after its commit and before it, and the "before" of one
// revision is usually the "after" of the next one on the same document's
// list, rendered just after it; and their bodies are mostly the same
// Markdown as the neighbouring revision's or the current page's. It is
// bounded to size entries, evicted oldest first, and safe for concurrent
// use.
type cache[K comparable, V any] struct {
	mu   sync.Mutex
	size int
	m    map[K]V
	ring []K
	next int
}

// blobKey names a blob parsed as the document at a path (the path gives
// the kind and the stem).
type blobKey struct{ path, blob string }

// parsedBlob is a blob's content and the document parsed from it (nil when
// it cannot be parsed).
type parsedBlob struct {
	src []byte
	doc qms.Document
}

func newCache[K comparable, V any](size int) *cache[K, V] {
	return &cache[K, V]{size: size, m: make(map[K]V, size), ring: make([]K, size)}
}

func (c *cache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *cache[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok {
		return
	}
	var zero K
	if old := c.ring[c.next]; old != zero {
		delete(c.m, old)
	}
	c.ring[c.next] = k
	c.next = (c.next + 1) % c.size
	c.m[k] = v
}

// revisionDoc reads blob and parses it as the document at path.
func (s *Site) revisionDoc(path, blob string) (parsedBlob, error) {
	k := blobKey{path, blob}
	if v, ok := s.blobs.get(k); ok {
		return v, nil
	}
	h := s.opts.History
	src, err := h.Read(blob)
	if err != nil {
		return parsedBlob{}, err
	}
	v := parsedBlob{src: src}
	if h.Parse != nil {
		v.doc = h.Parse(path, src)
	}
	s.blobs.put(k, v)
	return v, nil
}

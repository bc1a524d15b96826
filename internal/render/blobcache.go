package render

import (
	"sync"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// docCache keeps the last parsed revisions: a revision page parses the
// document after its commit and before it, and the "before" of one
// revision is usually the "after" of the next one on the same document's
// list, rendered just after it. It is bounded to size entries, evicted
// oldest first, and safe for concurrent use.
type docCache struct {
	mu   sync.Mutex
	size int
	m    map[blobKey]parsedBlob
	ring []blobKey
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

func newDocCache(size int) *docCache {
	return &docCache{size: size, m: make(map[blobKey]parsedBlob, size), ring: make([]blobKey, size)}
}

func (c *docCache) get(k blobKey) (parsedBlob, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *docCache) put(k blobKey, v parsedBlob) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok {
		return
	}
	if old := c.ring[c.next]; old != (blobKey{}) {
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

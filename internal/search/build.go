package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Dir is the folder, relative to the site root, that holds the index.
const Dir = "search/"

// base64url is the alphabet of meta.json's "doc" string.
const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// Build returns the index files of docs, keyed by path relative to the site
// root, all under [Dir]. The same documents give the same bytes, in any
// order and on any number of processors. It fails when a URL is empty,
// repeated, absolute or leaves the site.
func Build(docs []Doc) (map[string][]byte, error) {
	return build(docs, runtime.GOMAXPROCS(0))
}

// build is Build on up to workers collectors.
func build(docs []Doc, workers int) (map[string][]byte, error) {
	for i := range docs {
		if err := checkURL(docs[i].URL); err != nil {
			return nil, fmt.Errorf("search: build: %w", err)
		}
	}
	order := make([]int32, len(docs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(docs[a].URL, docs[b].URL) })
	for i := 1; i < len(order); i++ {
		if docs[order[i]].URL == docs[order[i-1]].URL {
			return nil, fmt.Errorf("search: build: two documents have the URL %q", docs[order[i]].URL)
		}
	}

	// Each document's entry in the document shards is written while it is
	// indexed, in one pass over its texts, and kept until the shards are
	// cut.
	cs, flags, entries := collect(docs, order, workers)
	files := make(map[string][]byte)
	tk := termShards(newMerger(cs), workers, files)
	dk := docShards(entries, files)

	b := []byte(`{"v":3,"n":`)
	b = strconv.AppendInt(b, int64(len(docs)), 10)
	b = append(b, `,"h":`...)
	b = appendString(b, contentHash(files, workers))
	b = append(b, `,"doc":`...)
	b = appendString(b, string(flags))
	b = append(b, `,"tk":`...)
	b = appendStrings(b, tk)
	b = append(b, `,"dk":`...)
	b = appendInts(b, dk)
	b = append(b, "}\n"...)
	files[Dir+"meta.json"] = b
	return files, nil
}

// blockDocs is how many documents a collector takes at a time.
const blockDocs = 64

// maxCollectors bounds the collectors that run at once; each one holds
// its own dictionary.
const maxCollectors = 8

// collect indexes docs, taken in order, on up to workers collectors,
// and returns them with, for each document, its character of meta.json's
// "doc", and the documents' entries in the document shards.
func collect(docs []Doc, order []int32, workers int) (cs []*collector, flags []byte, entries docEntries) {
	n := len(order)
	flags = make([]byte, n)
	entries = docEntries{end: make([]int32, n), blocks: make([][]byte, (n+blockDocs-1)/blockDocs)}
	cs = make([]*collector, max(1, min(workers, maxCollectors, len(entries.blocks))))
	for w := range cs {
		cs[w] = newCollector()
	}
	parallel(len(cs), len(entries.blocks), func(w, bl int) {
		c := cs[w]
		b := c.entries[:0]
		for i := bl * blockDocs; i < min(n, (bl+1)*blockDocs); i++ {
			normalize(&c.d, &docs[order[i]])
			v := min(c.add(i, &c.d), 31)
			if c.d.Obsolete {
				v += 32
			}
			flags[i] = base64url[v]
			b = appendDoc(b, &c.d)
			entries.end[i] = int32(len(b))
		}
		entries.blocks[bl] = bytes.Clone(b)
		c.entries = b
	})
	for _, c := range cs {
		c.done()
	}
	return cs, flags, entries
}

// docEntries are the documents' entries in the document shards, written
// while the documents are indexed: block k holds those of documents
// k×blockDocs on, and document i's ends at end[i] of its block.
type docEntries struct {
	blocks [][]byte
	end    []int32
}

// entry returns document i's entry.
func (e *docEntries) entry(i int) []byte {
	start := int32(0)
	if i%blockDocs != 0 {
		start = e.end[i-1]
	}
	return e.blocks[i/blockDocs][start:e.end[i]]
}

// parallel calls fn(w, job) for every job below jobs, in increasing order
// for each w, on workers goroutines numbered w.
func parallel(workers, jobs int, fn func(w, job int)) {
	var next atomic.Int32
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				job := int(next.Add(1)) - 1
				if job >= jobs {
					return
				}
				fn(w, job)
			}
		})
	}
	wg.Wait()
}

// checkURL accepts a page path relative to the site root.
func checkURL(u string) error {
	if u == "" {
		return fmt.Errorf("a document has no URL")
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			strings.IndexByte("._~/%-", c) >= 0
		if !ok {
			return fmt.Errorf("URL %q: character %q not allowed (a page path relative to the site root)", u, c)
		}
	}
	if strings.HasPrefix(u, "/") || slices.Contains(strings.Split(u, "/"), "..") {
		return fmt.Errorf("URL %q: not relative to the site root", u)
	}
	return nil
}

// contentHash is a short hash of every file, for meta.json's "h": shard
// names are numbers, and search.js fetches them with ?h= so that a browser
// never mixes shards of two builds. Files are hashed on up to workers
// goroutines; the hash is of their names, sizes and hashes.
func contentHash(files map[string][]byte, workers int) string {
	names := slices.Sorted(maps.Keys(files))
	sums := make([][sha256.Size]byte, len(names))
	parallel(max(1, min(workers, len(names))), len(names), func(_, i int) {
		sums[i] = sha256.Sum256(files[names[i]])
	})
	h := sha256.New()
	for i, name := range names {
		fmt.Fprintf(h, "%s %d %x\n", name, len(files[name]), sums[i])
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

package search

import (
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
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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

	cs, flags, entries := collect(docs, order, workers)
	files := make(map[string][]byte)
	dk := docShards(entries, files)
	entries = nil
	tk := termShards(newMerger(cs), files)

	b := []byte(`{"v":2,"n":`)
	b = strconv.AppendInt(b, int64(len(docs)), 10)
	b = append(b, `,"h":`...)
	b = appendString(b, contentHash(files))
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
// and returns them with each document's character of meta.json's "doc"
// and its entry in a document shard.
func collect(docs []Doc, order []int32, workers int) (cs []*collector, flags []byte, entries [][]byte) {
	n := len(order)
	blocks := (n + blockDocs - 1) / blockDocs
	workers = max(1, min(workers, maxCollectors, blocks))
	class := newRuneClass()
	flags = make([]byte, n)
	entries = make([][]byte, n)
	cs = make([]*collector, workers)
	var next atomic.Int32
	var wg sync.WaitGroup
	for w := range cs {
		c := newCollector(class)
		cs[w] = c
		wg.Go(func() {
			var offsets [blockDocs + 1]int
			var snippet, buf []byte
			for {
				bl := int(next.Add(1)) - 1
				if bl >= blocks {
					return
				}
				start, end := bl*blockDocs, min(n, (bl+1)*blockDocs)
				buf = buf[:0]
				for i := start; i < end; i++ {
					d := validUTF8(docs[order[i]])
					v := min(c.add(i, &d), 31)
					if d.Obsolete {
						v += 32
					}
					flags[i] = base64url[v]
					offsets[i-start] = len(buf)
					snippet = appendSnippet(snippet[:0], d.Body)
					buf = appendDoc(buf, &d, snippet)
				}
				offsets[end-start] = len(buf)
				block := slices.Clone(buf)
				for i := start; i < end; i++ {
					entries[i] = block[offsets[i-start]:offsets[i-start+1]:offsets[i-start+1]]
				}
			}
		})
	}
	wg.Wait()
	return cs, flags, entries
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

// validUTF8 replaces each invalid byte in every text of d with U+FFFD (as
// a browser would) and puts the text in NFC, the form search.js highlights
// in.
func validUTF8(d Doc) Doc {
	d.Kind, d.KindLabel, d.Code = normalText(d.Kind), normalText(d.KindLabel), normalText(d.Code)
	d.Title, d.Status, d.Body = normalText(d.Title), normalText(d.Status), normalText(d.Body)
	fields := make([]string, len(d.Fields))
	for i, f := range d.Fields {
		fields[i] = normalText(f)
	}
	d.Fields = fields
	return d
}

// normalText is s, valid UTF-8 and in NFC.
func normalText(s string) string {
	if isNFC(s) {
		return s
	}
	return norm.NFC.String(validUTF8String(s))
}

// isNFC reports whether s is valid UTF-8 made only of characters that are
// in NFC whatever surrounds them: below U+0300 (Latin, before the
// combining marks), the precomposed letters of Latin Extended Additional
// (Vietnamese), and the dashes and quotation marks U+2010–U+2027. Each has
// NFC_Quick_Check=Yes and combining class 0, so such a text is NFC. It
// answers false for other texts, which may be NFC too.
func isNFC(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r < 0x300 && r != utf8.RuneError || r >= 0x1e00 && r <= 0x1eff || r >= 0x2010 && r <= 0x2027) {
			return false
		}
		i += n
	}
	return true
}

// contentHash is a short hash of every file, for meta.json's "h": shard
// names are numbers, and search.js fetches them with ?h= so that a browser
// never mixes shards of two builds.
func contentHash(files map[string][]byte) string {
	names := slices.Sorted(maps.Keys(files))
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%s %d\n", name, len(files[name]))
		h.Write(files[name])
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

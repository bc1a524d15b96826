package search

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Dir is the folder, relative to the site root, that holds the index.
const Dir = "search/"

// Sizes of the shards, in bytes before compression. A term shard may be
// larger when one key's postings alone are.
const (
	termShardSize = 32 << 10
	docShardSize  = 8 << 10
)

// snippetRunes is how much of a body the document shards keep for snippets.
const snippetRunes = 1000

// base64url is the alphabet of meta.json's "doc" string.
const base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// Build returns the index files of docs, keyed by path relative to the site
// root, all under [Dir]. The same documents give the same bytes, in any
// order. It fails when a URL is empty, repeated, absolute or leaves the
// site.
func Build(docs []Doc) (map[string][]byte, error) {
	docs = slices.Clone(docs)
	for i := range docs {
		if err := checkURL(docs[i].URL); err != nil {
			return nil, fmt.Errorf("search: build: %w", err)
		}
		docs[i] = validUTF8(docs[i])
	}
	slices.SortFunc(docs, func(a, b Doc) int { return cmp.Compare(a.URL, b.URL) })
	for i := 1; i < len(docs); i++ {
		if docs[i].URL == docs[i-1].URL {
			return nil, fmt.Errorf("search: build: two documents have the URL %q", docs[i].URL)
		}
	}

	ix := newInverted()
	flags := make([]byte, len(docs))
	for n, d := range docs {
		v := min(ix.add(n, d), 31)
		if d.Obsolete {
			v += 32
		}
		flags[n] = base64url[v]
	}

	files := make(map[string][]byte)
	tk := termShards(ix, files)
	dk := docShards(docs, files)

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
// a browser would) and puts the text in NFC,
// the form search.js highlights in.
func validUTF8(d Doc) Doc {
	fix := func(s string) string { return norm.NFC.String(validUTF8String(s)) }
	d.Kind, d.KindLabel, d.Code = fix(d.Kind), fix(d.KindLabel), fix(d.Code)
	d.Title, d.Status, d.Body = fix(d.Title), fix(d.Status), fix(d.Body)
	fields := make([]string, len(d.Fields))
	for i, f := range d.Fields {
		fields[i] = fix(f)
	}
	d.Fields = fields
	return d
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

// termShards writes the term shards, t/0.json, t/1.json ..., and returns
// each one's first key.
func termShards(ix *inverted, files map[string][]byte) (first []string) {
	terms := make([]*term, 0, len(ix.terms)+len(ix.pairs))
	for _, t := range ix.terms {
		terms = append(terms, t)
	}
	for _, t := range ix.pairs {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b *term) int { return compareUTF16(a.key, b.key) })

	var k, v, p []byte
	var start string
	flush := func() {
		if len(k) == 0 {
			return
		}
		content := make([]byte, 0, len(k)+len(v)+len(p)+20)
		content = append(content, `{"k":[`...)
		content = append(content, k...)
		content = append(content, `],"v":[`...)
		content = append(content, v...)
		content = append(content, `],"p":[`...)
		content = append(content, p...)
		content = append(content, "]}\n"...)
		files[Dir+"t/"+strconv.Itoa(len(first))+".json"] = content
		first = append(first, start)
		k, v, p = k[:0], v[:0], p[:0]
	}
	var enc []byte
	for _, t := range terms {
		t.finish()
		enc = t.encodePostings(enc[:0])
		entry := len(t.key) + len(enc) + 16
		if len(k) > 0 && len(k)+len(v)+len(p)+entry > termShardSize {
			flush()
		}
		if len(k) == 0 {
			start = t.key
		} else {
			k, v, p = append(k, ','), append(v, ','), append(p, ',')
		}
		k = appendString(k, t.key)
		v = appendStrings(v, t.variants)
		p = append(p, '"')
		p = append(p, enc...)
		p = append(p, '"')
	}
	flush()
	return first
}

// docShards writes the document shards, d/0.json, d/1.json ..., and
// returns each one's first document number.
func docShards(docs []Doc, files map[string][]byte) (first []int) {
	var body []byte
	start := 0
	flush := func(next int) {
		if len(body) == 0 {
			return
		}
		content := append([]byte(`{"d":[`), body...)
		content = append(content, "]}\n"...)
		files[Dir+"d/"+strconv.Itoa(len(first))+".json"] = content
		first = append(first, start)
		body, start = body[:0], next
	}
	var e []byte
	for n, d := range docs {
		e = appendDoc(e[:0], d)
		if len(body) > 0 && len(body)+len(e) > docShardSize {
			flush(n)
		}
		if len(body) > 0 {
			body = append(body, ',')
		}
		body = append(body, e...)
	}
	flush(len(docs))
	return first
}

// appendDoc appends one entry of a document shard.
func appendDoc(b []byte, d Doc) []byte {
	b = append(b, `{"u":`...)
	b = appendString(b, d.URL)
	b = append(b, `,"k":`...)
	b = appendString(b, d.Kind)
	b = append(b, `,"l":`...)
	b = appendString(b, d.KindLabel)
	b = append(b, `,"c":`...)
	b = appendString(b, d.Code)
	b = append(b, `,"t":`...)
	b = appendString(b, d.Title)
	b = append(b, `,"s":`...)
	b = appendString(b, d.Status)
	if d.Obsolete {
		b = append(b, `,"o":true`...)
	}
	b = append(b, `,"b":`...)
	b = appendString(b, snippetText(d.Body))
	return append(b, '}')
}

// snippetText is the body with runs of space made one, cut after
// snippetRunes characters at a space and marked " …" when cut.
func snippetText(body string) string {
	var b strings.Builder
	n := 0                        // runes written
	lastSpace, lastSpaceN := 0, 0 // where the last space was written, in bytes and runes
	pending := false
	for _, r := range body {
		if unicode.IsSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			lastSpace, lastSpaceN = b.Len(), n
			b.WriteByte(' ')
			n++
			pending = false
		}
		if n >= snippetRunes {
			s := b.String()
			if lastSpaceN > snippetRunes/2 {
				s = s[:lastSpace]
			}
			return strings.TrimRight(s, " ") + " …"
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

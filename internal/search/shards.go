package search

import (
	"strconv"
	"strings"
	"unicode"
)

// Sizes of the shards, in bytes before compression. A term shard may be
// larger when one key's postings alone are.
const (
	termShardSize = 16 << 10
	docShardSize  = 8 << 10
)

// snippetRunes is how much of a body the document shards keep for snippets.
const snippetRunes = 1000

// termRange is how many keys, in order, are cut into term shards together:
// the ranges are encoded in parallel, and the last shard of each may be
// short.
const termRange = 4096

// termShards writes the term shards, t/0.json, t/1.json ..., on up to
// workers goroutines, and returns each one's first key.
func termShards(m *merger, workers int, files map[string][]byte) (first []string) {
	type shards struct {
		contents [][]byte
		first    []string
	}
	ranges := make([]shards, (len(m.terms)+termRange-1)/termRange)
	workers = max(1, min(workers, len(ranges)))
	encoders := make([]*keyEncoder, workers)
	for w := range encoders {
		encoders[w] = newKeyEncoder(m)
	}
	parallel(workers, len(ranges), func(w, r int) {
		sh := &ranges[r]
		sh.contents, sh.first = encoders[w].shards(r*termRange, min(len(m.terms), (r+1)*termRange))
	})
	for _, sh := range ranges {
		for i, content := range sh.contents {
			files[Dir+"t/"+strconv.Itoa(len(first))+".json"] = content
			first = append(first, sh.first[i])
		}
	}
	return first
}

// shards encodes keys from to to of the merger into term shards and
// returns them with each one's first key.
func (e *keyEncoder) shards(from, to int) (contents [][]byte, first []string) {
	var k, v, p, enc []byte
	var start string
	flush := func() {
		if len(k) == 0 {
			return
		}
		const a, b, c, d = `{"k":[`, `],"v":[`, `],"p":[`, "]}\n"
		content := make([]byte, 0, len(a)+len(k)+len(b)+len(v)+len(c)+len(p)+len(d))
		content = append(content, a...)
		content = append(content, k...)
		content = append(content, b...)
		content = append(content, v...)
		content = append(content, c...)
		content = append(content, p...)
		content = append(content, d...)
		contents = append(contents, content)
		first = append(first, start)
		k, v, p = k[:0], v[:0], p[:0]
	}
	for g := from; g < to; g++ {
		key := e.m.terms[g].key
		var variants []string
		variants, enc = e.encode(g, enc[:0])
		entry := len(key) + len(enc) + 16
		if len(k) > 0 && len(k)+len(v)+len(p)+entry > termShardSize {
			flush()
		}
		if len(k) == 0 {
			start = key
		} else {
			k, v, p = append(k, ','), append(v, ','), append(p, ',')
		}
		k = appendString(k, key)
		v = appendStrings(v, variants)
		p = append(p, '"')
		p = append(p, enc...)
		p = append(p, '"')
	}
	flush()
	return contents, first
}

// docShards writes the document shards, d/0.json, d/1.json ..., of the
// documents' entries, and returns each shard's first document number.
func docShards(entries docEntries, files map[string][]byte) (first []int) {
	const head, tail = `{"d":[`, "]}\n"
	n := len(entries.end)
	for start := 0; start < n; {
		size := len(entries.entry(start))
		end := start + 1
		for end < n && size+len(entries.entry(end)) <= docShardSize {
			size += 1 + len(entries.entry(end))
			end++
		}
		b := make([]byte, 0, len(head)+size+len(tail))
		b = append(b, head...)
		for i := start; i < end; i++ {
			if i > start {
				b = append(b, ',')
			}
			b = append(b, entries.entry(i)...)
		}
		files[Dir+"d/"+strconv.Itoa(len(first))+".json"] = append(b, tail...)
		first = append(first, start)
		start = end
	}
	return first
}

// appendDoc appends one entry of a document shard.
func appendDoc(b []byte, d *Doc) []byte {
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
	b = appendString(b, snippet(d.Body))
	return append(b, '}')
}

// snippet is the start of body as snippets are cut from: runs of space
// (unicode.IsSpace) made one space, leading and trailing ones dropped,
// cut after snippetRunes characters at a space and marked " …" when cut.
func snippet(body string) string {
	var b strings.Builder
	n, lastSpace, lastSpaceN, pending := 0, 0, 0, false
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
				s = s[:lastSpace] // cut at the last space
			}
			return strings.TrimRight(s, " ") + " …"
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

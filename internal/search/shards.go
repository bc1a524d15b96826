package search

import (
	"strconv"
	"unicode/utf8"
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
	b = appendSnippet(b, d.Body)
	return append(b, '}')
}

// appendSnippet appends, as a JSON string, the start of body (valid UTF-8)
// as snippets are cut from: runs of space (unicode.IsSpace) made one
// space, leading and trailing ones dropped, cut after snippetRunes
// characters at a space and marked " …" when cut.
func appendSnippet(b []byte, body string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	base := len(b)
	n := 0                        // characters written
	lastSpace, lastSpaceN := 0, 0 // where the last space was written, in bytes and characters
	i := 0
	for i < len(body) {
		// a run of spaces, written as one when a word follows
		j := i
		for j < len(body) {
			size := spaceAt(body, j)
			if size == 0 {
				break
			}
			j += size
		}
		if j == len(body) {
			break
		}
		if j > i && len(b) > base {
			lastSpace, lastSpaceN = len(b), n
			b = append(b, ' ')
			n++
		}
		i = j
		// a word, up to the limit, copied a span at a time
		start := i
		for i < len(body) && n < snippetRunes {
			c := body[i]
			if c > ' ' && c < utf8.RuneSelf && c != '"' && c != '\\' {
				i++
				n++
				continue
			}
			if c < utf8.RuneSelf {
				if asciiSpace(c) {
					break
				}
				b = append(b, body[start:i]...)
				if c < ' ' {
					b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
				} else {
					b = append(b, '\\', c)
				}
				i++
				n++
				start = i
				continue
			}
			if (c == 0xc2 || c >= 0xe1 && c <= 0xe3) && spaceAt(body, i) != 0 {
				break // only these lead bytes start a space
			}
			i = min(i+runeSize(c), len(body))
			n++
		}
		b = append(b, body[start:i]...)
		if n >= snippetRunes && i < len(body) && spaceAt(body, i) == 0 {
			// one more character would be written: cut
			if lastSpaceN > snippetRunes/2 {
				b = b[:lastSpace]
			}
			for len(b) > base && b[len(b)-1] == ' ' {
				b = b[:len(b)-1]
			}
			return append(b, " …\""...)
		}
	}
	return append(b, '"')
}

// runeSize is the length of the UTF-8 sequence that lead byte c starts.
func runeSize(c byte) int {
	switch {
	case c < 0xe0:
		return 2
	case c < 0xf0:
		return 3
	}
	return 4
}

// spaceAt returns the length of the character at body[i] when
// unicode.IsSpace says it is a space, else 0. body is valid UTF-8.
func spaceAt(body string, i int) int {
	c := body[i]
	switch {
	case c < utf8.RuneSelf:
		if asciiSpace(c) {
			return 1
		}
	case c == 0xc2: // U+0085, U+00A0
		if i+1 < len(body) && (body[i+1] == 0x85 || body[i+1] == 0xa0) {
			return 2
		}
	case c == 0xe1: // U+1680
		if i+2 < len(body) && body[i+1] == 0x9a && body[i+2] == 0x80 {
			return 3
		}
	case c == 0xe2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
		if i+2 < len(body) {
			c1, c2 := body[i+1], body[i+2]
			if c1 == 0x80 && (c2 >= 0x80 && c2 <= 0x8a || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf) || c1 == 0x81 && c2 == 0x9f {
				return 3
			}
		}
	case c == 0xe3: // U+3000
		if i+2 < len(body) && body[i+1] == 0x80 && body[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

// asciiSpace is unicode.IsSpace below utf8.RuneSelf.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

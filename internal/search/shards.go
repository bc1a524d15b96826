package search

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Sizes of the shards, in bytes before compression. A term shard may be
// larger when one key's postings alone are.
const (
	termShardSize = 32 << 10
	docShardSize  = 8 << 10
)

// snippetRunes is how much of a body the document shards keep for snippets.
const snippetRunes = 1000

// termShards writes the term shards, t/0.json, t/1.json ..., and returns
// each one's first key.
func termShards(m *merger, files map[string][]byte) (first []string) {
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
	for g, t := range m.terms {
		var variants []string
		variants, enc = m.encode(g, enc[:0])
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
		v = appendStrings(v, variants)
		p = append(p, '"')
		p = append(p, enc...)
		p = append(p, '"')
	}
	flush()
	return first
}

// docShards writes the document shards, d/0.json, d/1.json ..., from
// each document's entry, and returns each one's first document number.
func docShards(entries [][]byte, files map[string][]byte) (first []int) {
	const head, tail = `{"d":[`, "]}\n"
	for start := 0; start < len(entries); {
		size := len(entries[start])
		end := start + 1
		for end < len(entries) && size+len(entries[end]) <= docShardSize {
			size += 1 + len(entries[end])
			end++
		}
		content := make([]byte, 0, len(head)+size+len(tail))
		content = append(content, head...)
		for i, e := range entries[start:end] {
			if i > 0 {
				content = append(content, ',')
			}
			content = append(content, e...)
		}
		content = append(content, tail...)
		files[Dir+"d/"+strconv.Itoa(len(first))+".json"] = content
		first = append(first, start)
		start = end
	}
	return first
}

// appendDoc appends one entry of a document shard, with snippet as its
// body.
func appendDoc(b []byte, d *Doc, snippet []byte) []byte {
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
	b = appendString(b, snippet)
	return append(b, '}')
}

// snippetText is the body with runs of space made one, cut after
// snippetRunes characters at a space and marked " …" when cut.
func snippetText(body string) string {
	return string(appendSnippet(nil, body))
}

// appendSnippet appends snippetText(body) to b.
func appendSnippet(b []byte, body string) []byte {
	base := len(b)
	n := 0                        // runes written
	lastSpace, lastSpaceN := 0, 0 // where the last space was written, in bytes and runes
	for i := 0; i < len(body); {
		// a run of spaces
		j := i
		for j < len(body) {
			size := spaceAt(body, j)
			if size == 0 {
				break
			}
			j += size
		}
		if j > i && len(b) > base && j < len(body) {
			lastSpace, lastSpaceN = len(b), n
			b = append(b, ' ')
			n++
		}
		i = j
		// a word, up to the limit
		for j < len(body) && n < snippetRunes && spaceAt(body, j) == 0 {
			if body[j] < utf8.RuneSelf {
				j++
			} else {
				_, size := utf8.DecodeRuneInString(body[j:])
				j += size
			}
			n++
		}
		b = append(b, body[i:j]...)
		i = j
		if n >= snippetRunes && i < len(body) && spaceAt(body, i) == 0 {
			// one more character would be written: cut
			if lastSpaceN > snippetRunes/2 {
				b = b[:lastSpace]
			}
			for len(b) > base && b[len(b)-1] == ' ' {
				b = b[:len(b)-1]
			}
			return append(b, " …"...)
		}
	}
	return b
}

// spaceAt returns the length of the character at body[i] when it is a
// space by unicode.IsSpace, else 0.
func spaceAt(body string, i int) int {
	c := body[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
			return 1
		}
		return 0
	}
	// the lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000
	if c != 0xc2 && c != 0xe1 && c != 0xe2 && c != 0xe3 {
		return 0
	}
	r, size := utf8.DecodeRuneInString(body[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
}

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
		const a, b, c, d = `{"k":[`, `],"v":[`, `],"p":[`, "]}\n"
		content := make([]byte, 0, len(a)+len(k)+len(b)+len(v)+len(c)+len(p)+len(d))
		content = append(content, a...)
		content = append(content, k...)
		content = append(content, b...)
		content = append(content, v...)
		content = append(content, c...)
		content = append(content, p...)
		content = append(content, d...)
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

// docShards writes the document shards, d/0.json, d/1.json ..., of docs
// taken in order, whose entries have the given sizes, on up to workers
// goroutines, and returns each shard's first document number.
func docShards(docs []Doc, order []int32, sizes []int32, workers int, files map[string][]byte) (first []int) {
	const head, tail = `{"d":[`, "]}\n"
	var contents [][]byte
	for start := 0; start < len(sizes); {
		size := int(sizes[start])
		end := start + 1
		for end < len(sizes) && size+int(sizes[end]) <= docShardSize {
			size += 1 + int(sizes[end])
			end++
		}
		first = append(first, start)
		contents = append(contents, make([]byte, 0, len(head)+size+len(tail)))
		start = end
	}
	type scratch struct {
		d       Doc
		snippet []byte
	}
	workers = max(1, min(workers, len(contents)))
	scratches := make([]scratch, workers)
	parallel(workers, len(contents), func(w, s int) {
		sc := &scratches[w]
		end := len(sizes)
		if s+1 < len(first) {
			end = first[s+1]
		}
		b := append(contents[s], head...)
		for i := first[s]; i < end; i++ {
			if i > first[s] {
				b = append(b, ',')
			}
			normalize(&sc.d, &docs[order[i]])
			b = appendDoc(b, &sc.d, &sc.snippet)
		}
		contents[s] = append(b, tail...)
	})
	for s, content := range contents {
		files[Dir+"d/"+strconv.Itoa(s)+".json"] = content
	}
	return first
}

// appendDoc appends one entry of a document shard; snippet is scratch
// space.
func appendDoc(b []byte, d *Doc, snippet *[]byte) []byte {
	*snippet = appendSnippet((*snippet)[:0], d.Body)
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
	b = appendString(b, *snippet)
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

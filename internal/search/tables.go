package search

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
)

// pairTable maps two terms to their bigram's term, by open addressing;
// a slot holds the key, its term and where the term is in the document
// being added, so that noting a bigram reads one place.
type pairTable struct {
	slots []pairSlot
	n     int
	shift uint
}

// pairSlot is a key a<<32 | b+1 (0 for an empty slot), its term, and the
// slot of docTerms that holds the term when the document being added has
// it (see collector.slot).
type pairSlot struct {
	key  uint64
	term int32
	slot int32
}

func pairKey(a, b int32) uint64 { return uint64(a)<<32 | uint64(b+1) }

func (p *pairTable) index(k uint64) int {
	return int((k * 0x9e3779b97f4a7c15) >> p.shift)
}

// find returns the entry of a and b, or the empty entry where it goes,
// which the caller must fill and count in n.
func (p *pairTable) find(a, b int32) *pairSlot {
	if 2*(p.n+1) > len(p.slots) {
		p.grow()
	}
	k := pairKey(a, b)
	mask := len(p.slots) - 1
	for i := p.index(k); ; i = (i + 1) & mask {
		if sl := &p.slots[i]; sl.key == k || sl.key == 0 {
			return sl
		}
	}
}

func (p *pairTable) grow() {
	old := p.slots
	size := max(1024, 2*len(old))
	p.slots = make([]pairSlot, size)
	p.shift = uint(64 - bits.TrailingZeros(uint(size)))
	mask := size - 1
	for _, sl := range old {
		if sl.key == 0 {
			continue
		}
		i := p.index(sl.key)
		for p.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		p.slots[i] = sl
	}
}

// shortTable maps a chunk of at most 8 bytes, packed in a number by
// packChunk, to its span of tokens, by open addressing; a slot holds both,
// so a look-up reads one place and compares no text. Most chunks (words)
// are that short.
type shortTable struct {
	slots []shortSlot
	n     int
	shift uint
}

// shortSlot is a packed chunk (0 for an empty slot) and its span.
type shortSlot struct {
	key uint64
	sp  span
}

// packChunk returns the bytes of chunk as a little-endian number, when
// there are 1 to 8 of them and none is 0, which tells the number of them
// apart (a chunk has letters, marks, digits and joiners, never NUL).
func packChunk(chunk []byte) (uint64, bool) {
	n := len(chunk)
	if n == 0 || n > 8 {
		return 0, false
	}
	var k uint64
	if cap(chunk) >= 8 {
		k = binary.LittleEndian.Uint64(chunk[:8])
	} else {
		for i := n - 1; i >= 0; i-- {
			k = k<<8 | uint64(chunk[i])
		}
	}
	return packed(k, n)
}

// packSpan is packChunk of text[start:end].
func packSpan(text string, start, end int) (uint64, bool) {
	n := end - start
	if n == 0 || n > 8 {
		return 0, false
	}
	var k uint64
	if start+8 <= len(text) {
		s := text[start : start+8]
		k = uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	} else {
		for i := end - 1; i >= start; i-- {
			k = k<<8 | uint64(text[i])
		}
	}
	return packed(k, n)
}

// packed keeps the first n bytes of k and reports whether none is 0.
func packed(k uint64, n int) (uint64, bool) {
	k &= ^uint64(0) >> (64 - 8*n)
	if high := uint64(0x8080808080808080) >> (64 - 8*n); (k-0x0101010101010101)&^k&high != 0 {
		return 0, false // a zero byte among the n
	}
	return k, true
}

// find returns the entry of key, or the empty entry where it goes, which
// the caller must fill and count in n.
func (t *shortTable) find(key uint64) *shortSlot {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	for i := int((key * 0x9e3779b97f4a7c15) >> t.shift); ; i = (i + 1) & mask {
		if sl := &t.slots[i]; sl.key == key || sl.key == 0 {
			return sl
		}
	}
}

func (t *shortTable) grow() {
	old := t.slots
	size := max(1024, 2*len(old))
	t.slots = make([]shortSlot, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	mask := size - 1
	for _, sl := range old {
		if sl.key == 0 {
			continue
		}
		i := int((sl.key * 0x9e3779b97f4a7c15) >> t.shift)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = sl
	}
}

// chunkTable maps the text of a chunk to its span of tokens, by open
// addressing. The seed changes the table's layout from run to run, never
// what it maps.
type chunkTable struct {
	seed    maphash.Seed
	slots   []chunkSlot
	entries []chunkEntry // in the order they were put
	shift   uint
}

// chunkSlot holds the number of a chunk's entry + 1 (0 for an empty slot)
// and the low bits of its hash.
type chunkSlot struct {
	hash uint32
	ci   int32
}

// chunkEntry is a chunk and its span, together so that a look-up reads
// both at once.
type chunkEntry struct {
	text string
	span span
}

func (t *chunkTable) hash(chunk []byte) uint64 { return maphash.Bytes(t.seed, chunk) }

// get returns the span of chunk, whose hash is h, if it has one.
func (t *chunkTable) get(h uint64, chunk []byte) (span, bool) {
	if len(t.slots) == 0 {
		return span{}, false
	}
	mask := len(t.slots) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		sl := t.slots[i]
		if sl.ci == 0 {
			return span{}, false
		}
		if sl.hash == uint32(h) {
			if e := &t.entries[sl.ci-1]; e.text == string(chunk) {
				return e.span, true
			}
		}
	}
}

// put adds text, whose hash is h and which must not be there, with its
// span.
func (t *chunkTable) put(h uint64, text string, sp span) {
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.grow()
	}
	t.entries = append(t.entries, chunkEntry{text, sp})
	t.insert(h, int32(len(t.entries)-1))
}

func (t *chunkTable) insert(h uint64, ci int32) {
	mask := len(t.slots) - 1
	i := int(h >> t.shift)
	for t.slots[i].ci != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = chunkSlot{hash: uint32(h), ci: ci + 1}
}

func (t *chunkTable) grow() {
	size := max(1024, 2*len(t.slots))
	t.slots = make([]chunkSlot, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	for ci := range t.entries {
		t.insert(maphash.String(t.seed, t.entries[ci].text), int32(ci))
	}
}

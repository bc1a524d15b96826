package search

import (
	"hash/maphash"
	"math/bits"
)

// pairTable maps two terms to their bigram's term, by open addressing;
// a slot holds both the key and its term, so a look-up reads one place.
type pairTable struct {
	slots []pairSlot
	n     int
	shift uint
}

// pairSlot is a key a<<32 | b+1 (0 for an empty slot) and its term.
type pairSlot struct {
	key uint64
	val int32
}

func pairKey(a, b int32) uint64 { return uint64(a)<<32 | uint64(b+1) }

func (p *pairTable) slot(k uint64) int {
	return int((k * 0x9e3779b97f4a7c15) >> p.shift)
}

// get returns the bigram of a and b, if there is one.
func (p *pairTable) get(a, b int32) (int32, bool) {
	if p.n == 0 {
		return 0, false
	}
	k := pairKey(a, b)
	mask := len(p.slots) - 1
	for i := p.slot(k); ; i = (i + 1) & mask {
		switch p.slots[i].key {
		case k:
			return p.slots[i].val, true
		case 0:
			return 0, false
		}
	}
}

// put adds the bigram t of a and b, which must not be there.
func (p *pairTable) put(a, b, t int32) {
	if 2*(p.n+1) > len(p.slots) {
		p.grow()
	}
	p.insert(pairSlot{pairKey(a, b), t})
	p.n++
}

func (p *pairTable) insert(sl pairSlot) {
	mask := len(p.slots) - 1
	i := p.slot(sl.key)
	for p.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	p.slots[i] = sl
}

func (p *pairTable) grow() {
	old := p.slots
	size := max(1024, 2*len(old))
	p.slots = make([]pairSlot, size)
	p.shift = uint(64 - bits.TrailingZeros(uint(size)))
	for _, sl := range old {
		if sl.key != 0 {
			p.insert(sl)
		}
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

package search

import (
	"hash/maphash"
	"math/bits"
)

// pairTable maps two terms to their bigram's term, by open addressing.
type pairTable struct {
	keys  []uint64 // a<<32 | b, 0 for an empty slot (b+1 is stored)
	vals  []int32
	n     int
	shift uint
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
	mask := len(p.keys) - 1
	for i := p.slot(k); ; i = (i + 1) & mask {
		switch p.keys[i] {
		case k:
			return p.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// put adds the bigram t of a and b, which must not be there.
func (p *pairTable) put(a, b, t int32) {
	if 2*(p.n+1) > len(p.keys) {
		p.grow()
	}
	p.insert(pairKey(a, b), t)
	p.n++
}

func (p *pairTable) insert(k uint64, t int32) {
	mask := len(p.keys) - 1
	i := p.slot(k)
	for p.keys[i] != 0 {
		i = (i + 1) & mask
	}
	p.keys[i], p.vals[i] = k, t
}

func (p *pairTable) grow() {
	keys, vals := p.keys, p.vals
	size := max(1024, 2*len(keys))
	p.keys, p.vals = make([]uint64, size), make([]int32, size)
	p.shift = uint(64 - bits.TrailingZeros(uint(size)))
	for i, k := range keys {
		if k != 0 {
			p.insert(k, vals[i])
		}
	}
}

// chunkTable maps the text of a chunk to its span, by open addressing.
// The seed changes the table's layout from run to run, never what it
// maps.
type chunkTable struct {
	seed  maphash.Seed
	slots []chunkSlot
	texts []string // the text of each chunk, by span
	shift uint
}

// chunkSlot holds a chunk's span + 1 (0 for an empty slot) and the high
// bits of its hash.
type chunkSlot struct {
	hash uint32
	ci   int32
}

func (t *chunkTable) hash(chunk []byte) uint64 { return maphash.Bytes(t.seed, chunk) }

// get returns the span of chunk, whose hash is h, if it has one.
func (t *chunkTable) get(h uint64, chunk []byte) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := len(t.slots) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		sl := t.slots[i]
		if sl.ci == 0 {
			return 0, false
		}
		if sl.hash == uint32(h) && t.texts[sl.ci-1] == string(chunk) {
			return sl.ci - 1, true
		}
	}
}

// put adds text, whose hash is h, as span ci, which must be the next.
func (t *chunkTable) put(h uint64, text string, ci int32) {
	if 2*(len(t.texts)+1) > len(t.slots) {
		t.grow()
	}
	t.texts = append(t.texts, text)
	t.insert(h, ci)
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
	for ci, text := range t.texts {
		t.insert(maphash.String(t.seed, text), int32(ci))
	}
}

package search

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
)

// A merger joins the collectors' terms by key. The index it gives depends
// only on the documents: keys are compared as text, postings are read in
// document order, and variants are ranked by how many documents have
// them, however the documents were shared out.
type merger struct {
	cs []*collector
	// terms are the keys in UTF-16 order; parts[g*len(cs)+w] is collector
	// w's term for terms[g], -1 when it has none.
	terms []mterm
	parts []int32
}

// A keyEncoder encodes keys of a merger, one at a time; several may work
// on different keys of one merger at once.
type keyEncoder struct {
	m       *merger
	cands   []varCand
	remap   [][]int8
	readers []rawReader
	enc     postingsEncoder
}

func newKeyEncoder(m *merger) *keyEncoder {
	return &keyEncoder{m: m, remap: make([][]int8, len(m.cs)), readers: make([]rawReader, len(m.cs))}
}

// mterm is a key of the index.
type mterm struct {
	key  string
	word bool
}

// varCand is a variant as one collector has it.
type varCand struct {
	exact string
	docs  int32
	w     int
	idx   int32
}

func newMerger(cs []*collector) *merger {
	m := &merger{cs: cs}
	n := len(cs)
	most := 0
	for _, c := range cs {
		most = max(most, len(c.terms))
	}
	index := make(map[string]int32, most)
	for w, c := range cs {
		for ti := range c.terms {
			t := &c.terms[ti]
			key := t.key
			if t.a >= 0 {
				key = c.terms[t.a].key + " " + c.terms[t.b].key
			}
			g, ok := index[key]
			if !ok {
				g = int32(len(m.terms))
				index[key] = g
				m.terms = append(m.terms, mterm{key: key})
				for range n {
					m.parts = append(m.parts, -1)
				}
			}
			m.terms[g].word = m.terms[g].word || t.word
			m.parts[int(g)*n+w] = int32(ti)
		}
	}
	order := make([]int32, len(m.terms))
	for i := range order {
		order[i] = int32(i)
	}
	cmpKeys := compareUTF16
	if !slices.ContainsFunc(m.terms, func(t mterm) bool { return hasHighBMP(t.key) }) {
		cmpKeys = strings.Compare // the same order without U+E000–U+FFFF
	}
	slices.SortFunc(order, func(a, b int32) int { return cmpKeys(m.terms[a].key, m.terms[b].key) })
	terms := make([]mterm, len(m.terms))
	parts := make([]int32, len(m.parts))
	for i, g := range order {
		terms[i] = m.terms[g]
		copy(parts[i*n:(i+1)*n], m.parts[int(g)*n:(int(g)+1)*n])
	}
	m.terms, m.parts = terms, parts
	return m
}

// encode returns the variants and the encoded postings of terms[g],
// appending the postings to b, and frees the collectors' records of it.
func (e *keyEncoder) encode(g int, b []byte) ([]string, []byte) {
	m := e.m
	n := len(m.cs)
	parts := m.parts[g*n : (g+1)*n]
	var variants []string
	if m.terms[g].word {
		variants = e.rankVariants(parts)
	}
	e.enc.reset(b, len(variants) > 1)
	live := 0
	for w, ti := range parts {
		e.readers[w] = rawReader{prev: -1, more: e.readers[w].more}
		if ti >= 0 {
			e.readers[w].raw = m.cs[w].lists[ti].buf
			e.readers[w].next()
			live++
		}
	}
	for live > 0 {
		best := -1
		for w := range e.readers {
			r := &e.readers[w]
			if r.ok && (best < 0 || r.doc < e.readers[best].doc) {
				best = w
			}
		}
		r := &e.readers[best]
		var vars uint64
		if len(variants) > 1 {
			remap := e.remap[best]
			for x := r.vars; x != 0; x &= x - 1 {
				if j := remap[bitIndex(x)]; j >= 0 {
					vars |= 1 << j
				}
			}
			for _, idx := range r.more {
				if j := remap[idx]; j >= 0 {
					vars |= 1 << j
				}
			}
		}
		e.enc.add(r.doc, r.mask, vars)
		if !r.next() {
			live--
		}
	}
	for w, ti := range parts {
		if ti >= 0 {
			m.cs[w].lists[ti] = rawList{}
		}
	}
	return variants, e.enc.finish()
}

// rankVariants orders a word's variants by document frequency (then text),
// keeps the first maxVariants, and sets remap to number each collector's
// variants accordingly (-1 for those left out).
func (e *keyEncoder) rankVariants(parts []int32) []string {
	m := e.m
	e.cands = e.cands[:0]
	for w, ti := range parts {
		if ti < 0 {
			continue
		}
		c := m.cs[w]
		vs := c.terms[ti].vars
		e.remap[w] = slices.Grow(e.remap[w][:0], len(vs))[:len(vs)]
		for idx, v := range vs {
			e.remap[w][idx] = -1
			e.cands = append(e.cands, varCand{exact: c.vars[v].exact, docs: c.vars[v].docs, w: w, idx: int32(idx)})
		}
	}
	// the same variant in several collectors counts once, with their
	// documents summed
	slices.SortFunc(e.cands, func(a, b varCand) int { return strings.Compare(a.exact, b.exact) })
	type ranked struct {
		exact      string
		docs       int32
		start, end int // its entries in e.cands
	}
	var rs []ranked
	for i := 0; i < len(e.cands); {
		j := i
		var docs int32
		for j < len(e.cands) && e.cands[j].exact == e.cands[i].exact {
			docs += e.cands[j].docs
			j++
		}
		rs = append(rs, ranked{e.cands[i].exact, docs, i, j})
		i = j
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if c := cmp.Compare(b.docs, a.docs); c != 0 {
			return c
		}
		return strings.Compare(a.exact, b.exact)
	})
	rs = rs[:min(len(rs), maxVariants)]
	variants := make([]string, len(rs))
	for j, r := range rs {
		variants[j] = r.exact
		for _, vc := range e.cands[r.start:r.end] {
			e.remap[vc.w][vc.idx] = int8(j)
		}
	}
	return variants
}

// bitIndex is the position of the lowest bit set in x.
func bitIndex(x uint64) int {
	i := 0
	for x&1 == 0 {
		x >>= 1
		i++
	}
	return i
}

// rawReader reads a collector's records of one term (see collector).
type rawReader struct {
	raw  []byte
	ok   bool
	prev int
	// the record read last
	doc  int
	mask uint8
	vars uint64
	more []int32
}

// next reads the next record and reports whether there was one.
func (r *rawReader) next() bool {
	if len(r.raw) == 0 {
		r.ok = false
		return false
	}
	gap, n := binary.Uvarint(r.raw)
	r.raw = r.raw[n:]
	r.doc = r.prev + 1 + int(gap)
	r.prev = r.doc
	flags := r.raw[0]
	r.raw = r.raw[1:]
	r.mask = flags &^ (rawVars | rawMore)
	r.vars = 0
	r.more = r.more[:0]
	if flags&rawVars != 0 {
		r.vars, n = binary.Uvarint(r.raw)
		r.raw = r.raw[n:]
	}
	if flags&rawMore != 0 {
		k, n := binary.Uvarint(r.raw)
		r.raw = r.raw[n:]
		for range k {
			idx, n := binary.Uvarint(r.raw)
			r.raw = r.raw[n:]
			r.more = append(r.more, int32(idx))
		}
	}
	r.ok = true
	return true
}

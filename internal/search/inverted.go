package search

import (
	"encoding/binary"
)

// Field mask bits of a posting (see the package comment).
const (
	maskCode     = 1
	maskTitle    = 2
	maskFields   = 4
	maskBody     = 8
	maskBodyMany = 16
)

// maxVariants is how many exact forms of a word keep a bit in the variant
// mask; JavaScript's bitwise operators work on 32 bits.
const maxVariants = 30

// bodyMany is how often a key must occur in a body to set maskBodyMany.
const bodyMany = 3

// A collector writes each term's postings as raw records: the gap from
// the term's previous document (uvarint), the field mask with the flags
// below, then the variant mask (uvarint) when rawVars is set and, when
// rawMore is set, a count and the numbers of variants 64 and above.
const (
	rawVars = 0x40
	rawMore = 0x80
)

// A collector indexes its share of the documents: the documents given to
// one collector must come in increasing order, and several collectors may
// share a corpus (see merge.go). Its terms, variants and chunks are
// numbered in the order it first sees them; only their texts leave it.
type collector struct {
	ch chunker

	// Every distinct chunk is tokenised once: chunks maps its text to its
	// span of toks.
	chunks  map[string]span
	toks    []ctoken
	scratch []Token

	terms []cterm
	// lists are the terms' records; marks[t] is where term t may be in
	// docTerms: it is there when that slot of docTerms holds t.
	lists []rawList
	marks []int32
	keys  map[string]int32   // word or identifier key → term
	pairs map[[2]int32]int32 // two terms → their bigram's term
	vars  []cvariant
	varOf map[varKey]int32

	// The document being added and the terms it has, in order of first
	// occurrence; more holds variants numbered 64 and above.
	doc      int32
	docTerms []docTerm
	more     []moreVar
	// Reused by the builder: the document in NFC, and the entries of a
	// block of documents in the document shards.
	d       Doc
	entries []byte
}

// span is a range of collector.toks.
type span struct{ start, end int32 }

// ctoken is a token of a chunk, as numbers.
type ctoken struct {
	term int32
	// v is the variant, for words and pieces; -1 for identifiers.
	v int32
	// chain is true for the tokens that bigrams are made of (see chain).
	chain bool
}

// cterm is a key as one collector has it.
type cterm struct {
	// key is a word or identifier key; "" for a bigram, whose words are
	// terms a and b.
	key  string
	a, b int32
	// word is true when the key occurs as a word or piece, which have
	// variants.
	word bool
	// vars are the term's variants in order of first occurrence.
	vars []int32
}

// rawList is a term's records (see collector).
type rawList struct {
	buf []byte
	// last is the document of the last record, -1 before any.
	last int32
}

// cvariant is an exact form of a word.
type cvariant struct {
	exact string
	docs  int32 // how many documents have it
	seen  int32 // 1 + the last document that has it
	idx   int32 // its position in its term's vars
}

type varKey struct {
	term  int32
	exact string
}

// docTerm collects one term's occurrences in the document being added.
type docTerm struct {
	term int32
	mask uint8
	body uint8 // occurrences in the body, up to bodyMany
	more bool
	vars uint64
}

// moreVar is a variant numbered 64 or above of docTerms[slot].
type moreVar struct{ slot, idx int32 }

func newCollector() *collector {
	return &collector{
		chunks: make(map[string]span),
		keys:   make(map[string]int32),
		pairs:  make(map[[2]int32]int32),
		varOf:  make(map[varKey]int32),
	}
}

// add indexes document number n, whose texts are valid UTF-8 and in NFC,
// and returns the number of tokens in its title.
func (c *collector) add(n int, d *Doc) int {
	c.doc = int32(n)
	c.docTerms, c.more = c.docTerms[:0], c.more[:0]
	c.addText(d.Code, maskCode)
	titleLen := c.addText(d.Title, maskTitle)
	c.addText(d.KindLabel, maskFields)
	for _, f := range d.Fields {
		c.addText(f, maskFields)
	}
	c.addText(d.Body, maskBody)
	c.write()
	return titleLen
}

// done frees what only adding documents needs.
func (c *collector) done() {
	c.chunks, c.toks, c.scratch = nil, nil, nil
	c.keys, c.pairs, c.varOf, c.marks = nil, nil, nil, nil
	c.docTerms, c.more, c.d, c.entries = nil, nil, Doc{}, nil
}

// addText indexes one field's text and returns the length of its chain of
// words.
func (c *collector) addText(text string, bit uint8) int {
	n := 0
	prev := int32(-1)
	c.ch.reset(text)
	for {
		chunk, ok := c.ch.next()
		if !ok {
			return n
		}
		sp, ok := c.chunks[string(chunk)]
		if !ok {
			s := string(chunk)
			sp = c.addChunk(s)
			c.chunks[s] = sp
		}
		for _, tk := range c.toks[sp.start:sp.end] {
			slot := c.note(tk.term, bit)
			if tk.v >= 0 {
				c.noteVariant(slot, tk.v)
			}
			if tk.chain {
				n++
				if prev >= 0 {
					c.notePair(prev, tk.term, bit)
				}
				prev = tk.term
			}
		}
	}
}

// addChunk tokenises a chunk seen for the first time and returns its span
// of toks.
func (c *collector) addChunk(text string) span {
	c.scratch = appendChunk(c.scratch[:0], text)
	start := int32(len(c.toks))
	for i, tok := range c.scratch {
		word := tok.Kind != ID
		term := c.term(tok.Key, word)
		v := int32(-1)
		if word {
			v = c.variant(term, tok.Exact)
		}
		chain := !(tok.Kind == ID && i+1 < len(c.scratch) && c.scratch[i+1].Kind == Part)
		c.toks = append(c.toks, ctoken{term: term, v: v, chain: chain})
	}
	return span{start, int32(len(c.toks))}
}

// term returns the term of a word or identifier key.
func (c *collector) term(key string, word bool) int32 {
	t, ok := c.keys[key]
	if !ok {
		t = int32(len(c.terms))
		c.terms = append(c.terms, cterm{key: key, a: -1, b: -1})
		c.lists = append(c.lists, rawList{last: -1})
		c.marks = append(c.marks, 0)
		c.keys[key] = t
	}
	if word {
		c.terms[t].word = true
	}
	return t
}

// variant returns the variant exact of a word's term.
func (c *collector) variant(term int32, exact string) int32 {
	k := varKey{term, exact}
	v, ok := c.varOf[k]
	if !ok {
		v = int32(len(c.vars))
		t := &c.terms[term]
		c.vars = append(c.vars, cvariant{exact: exact, idx: int32(len(t.vars))})
		t.vars = append(t.vars, v)
		c.varOf[k] = v
	}
	return v
}

// notePair records an occurrence of the bigram of terms a and b in the
// field bit of the document being added.
func (c *collector) notePair(a, b int32, bit uint8) {
	t, ok := c.pairs[[2]int32{a, b}]
	if !ok {
		t = int32(len(c.terms))
		c.pairs[[2]int32{a, b}] = t
		c.terms = append(c.terms, cterm{a: a, b: b})
		c.lists = append(c.lists, rawList{last: -1})
		c.marks = append(c.marks, 0)
	}
	c.note(t, bit)
}

// note records an occurrence of term in the field bit of the document
// being added and returns its slot in docTerms.
func (c *collector) note(term int32, bit uint8) int32 {
	s := c.marks[term]
	if int(s) >= len(c.docTerms) || c.docTerms[s].term != term {
		s = int32(len(c.docTerms))
		c.docTerms = append(c.docTerms, docTerm{term: term})
		c.marks[term] = s
	}
	dt := &c.docTerms[s]
	dt.mask |= bit
	if bit == maskBody && dt.body < bodyMany {
		dt.body++
	}
	return s
}

// noteVariant records that the document being added has variant v of the
// term in docTerms[slot].
func (c *collector) noteVariant(slot, v int32) {
	cv := &c.vars[v]
	if cv.seen == c.doc+1 {
		return
	}
	cv.seen = c.doc + 1
	cv.docs++
	if cv.idx < 64 {
		c.docTerms[slot].vars |= 1 << cv.idx
		return
	}
	c.docTerms[slot].more = true
	c.more = append(c.more, moreVar{slot, cv.idx})
}

// write appends the document's record to each of its terms.
func (c *collector) write() {
	for i := range c.docTerms {
		dt := &c.docTerms[i]
		l := &c.lists[dt.term]
		mask := dt.mask
		if dt.body >= bodyMany {
			mask |= maskBodyMany
		}
		if dt.vars != 0 {
			mask |= rawVars
		}
		if dt.more {
			mask |= rawMore
		}
		l.buf = binary.AppendUvarint(l.buf, uint64(c.doc-l.last-1))
		l.buf = append(l.buf, mask)
		l.last = c.doc
		if dt.vars != 0 {
			l.buf = binary.AppendUvarint(l.buf, dt.vars)
		}
		if dt.more {
			var idx []uint64
			for _, m := range c.more {
				if m.slot == int32(i) {
					idx = append(idx, uint64(m.idx))
				}
			}
			l.buf = binary.AppendUvarint(l.buf, uint64(len(idx)))
			for _, x := range idx {
				l.buf = binary.AppendUvarint(l.buf, x)
			}
		}
	}
}

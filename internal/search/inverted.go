package search

import (
	"cmp"
	"slices"
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

// posting is one document's entry in a term's list.
type posting struct {
	doc  int
	mask uint8
	// vars has bit i set when the document has the term's variant i.
	vars uint64
}

// term is the list of documents that have a key.
type term struct {
	key string
	// word is true for words and pieces, which have exact variants; false
	// for identifiers and bigrams.
	word     bool
	variants []string
	varIndex map[string]int
	varDocs  []int
	postings []posting
}

// docTerm collects one key's occurrences in the document being added.
type docTerm struct {
	t    *term
	mask uint8
	vars uint64
	body int
}

// inverted is the index being built: documents must be added in order.
type inverted struct {
	terms map[string]*term    // words and identifiers
	pairs map[[2]string]*term // bigrams
	tz    tokenizer

	// The document being added: its terms in order of first occurrence,
	// and where each one is in that list.
	doc   []docTerm
	local map[*term]int
	toks  []Token
}

func newInverted() *inverted {
	return &inverted{
		terms: make(map[string]*term),
		pairs: make(map[[2]string]*term),
		tz:    tokenizer{words: make(map[string]Token)},
		local: make(map[*term]int),
	}
}

// add indexes document number n and returns the number of tokens in its
// title.
func (ix *inverted) add(n int, d Doc) int {
	ix.doc = ix.doc[:0]
	clear(ix.local)
	ix.addText(d.Code, maskCode)
	titleLen := ix.addText(d.Title, maskTitle)
	ix.addText(d.KindLabel, maskFields)
	for _, f := range d.Fields {
		ix.addText(f, maskFields)
	}
	ix.addText(d.Body, maskBody)
	for _, dt := range ix.doc {
		if dt.body >= bodyMany {
			dt.mask |= maskBodyMany
		}
		t := dt.t
		t.postings = append(t.postings, posting{doc: n, mask: dt.mask, vars: dt.vars})
		for i := range t.varDocs {
			if dt.vars&(1<<i) != 0 {
				t.varDocs[i]++
			}
		}
	}
	return titleLen
}

// addText indexes one field's text and returns the length of its chain of
// words.
func (ix *inverted) addText(text string, bit uint8) int {
	ix.toks = ix.tz.tokenize(ix.toks[:0], text)
	toks := ix.toks
	for _, tok := range toks {
		t := ix.terms[tok.Key]
		if t == nil {
			t = &term{key: tok.Key, word: tok.Kind != ID}
			if t.word {
				t.varIndex = make(map[string]int)
			}
			ix.terms[tok.Key] = t
		}
		dt := ix.note(t, bit)
		if t.word {
			i, ok := t.varIndex[tok.Exact]
			if !ok && len(t.variants) < 64 {
				i, ok = len(t.variants), true
				t.varIndex[tok.Exact] = i
				t.variants = append(t.variants, tok.Exact)
				t.varDocs = append(t.varDocs, 0)
			}
			if ok {
				dt.vars |= 1 << i
			}
		}
	}
	keys := chain(toks)
	for i := 0; i+1 < len(keys); i++ {
		pair := [2]string{keys[i], keys[i+1]}
		t := ix.pairs[pair]
		if t == nil {
			t = &term{key: keys[i] + " " + keys[i+1]}
			ix.pairs[pair] = t
		}
		ix.note(t, bit)
	}
	return len(keys)
}

// note records an occurrence of t in the field bit of the document being
// added.
func (ix *inverted) note(t *term, bit uint8) *docTerm {
	i, ok := ix.local[t]
	if !ok {
		i = len(ix.doc)
		ix.doc = append(ix.doc, docTerm{t: t})
		ix.local[t] = i
	}
	dt := &ix.doc[i]
	dt.mask |= bit
	if bit == maskBody {
		dt.body++
	}
	return dt
}

// finish orders each word's variants by document frequency (then text),
// keeps the first maxVariants, and renumbers the postings' masks to match.
func (t *term) finish() {
	if !t.word {
		return
	}
	order := make([]int, len(t.variants))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(t.varDocs[b], t.varDocs[a]); c != 0 {
			return c
		}
		return cmp.Compare(t.variants[a], t.variants[b])
	})
	if len(order) > maxVariants {
		order = order[:maxVariants]
	}
	variants := make([]string, len(order))
	for j, i := range order {
		variants[j] = t.variants[i]
	}
	for p := range t.postings {
		var m uint64
		for j, i := range order {
			if t.postings[p].vars&(1<<i) != 0 {
				m |= 1 << j
			}
		}
		t.postings[p].vars = m
	}
	t.variants = variants
}

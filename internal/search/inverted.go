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
	mask uint8
	vars uint64
	body int
}

// inverted is the index being built: documents must be added in order.
type inverted struct {
	terms map[string]*term
}

func newInverted() *inverted { return &inverted{terms: make(map[string]*term)} }

// add indexes document number n and returns the number of tokens in its
// title.
func (ix *inverted) add(n int, d Doc) int {
	local := make(map[string]*docTerm)
	ix.addText(local, d.Code, maskCode)
	titleLen := ix.addText(local, d.Title, maskTitle)
	ix.addText(local, d.KindLabel, maskFields)
	for _, f := range d.Fields {
		ix.addText(local, f, maskFields)
	}
	ix.addText(local, d.Body, maskBody)
	for key, dt := range local {
		if dt.body >= bodyMany {
			dt.mask |= maskBodyMany
		}
		t := ix.terms[key]
		t.postings = append(t.postings, posting{doc: n, mask: dt.mask, vars: dt.vars})
		for i := range t.varDocs {
			if dt.vars&(1<<i) != 0 {
				t.varDocs[i]++
			}
		}
	}
	return titleLen
}

// addText indexes one field's text into local and returns the length of
// its chain of words.
func (ix *inverted) addText(local map[string]*docTerm, text string, bit uint8) int {
	toks := Tokenize(text)
	for _, tok := range toks {
		dt := ix.note(local, tok.Key, tok.Kind != ID, bit)
		if tok.Kind != ID {
			t := ix.terms[tok.Key]
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
		ix.note(local, keys[i]+" "+keys[i+1], false, bit)
	}
	return len(keys)
}

// note records an occurrence of key in the field bit.
func (ix *inverted) note(local map[string]*docTerm, key string, word bool, bit uint8) *docTerm {
	if _, ok := ix.terms[key]; !ok {
		t := &term{word: word}
		if word {
			t.varIndex = make(map[string]int)
		}
		ix.terms[key] = t
	}
	dt := local[key]
	if dt == nil {
		dt = &docTerm{}
		local[key] = dt
	}
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

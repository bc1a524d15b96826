package search

import (
	"cmp"
	"slices"
)

// Ranking weights, shared with search.js (integers, so that both rank alike).
const (
	weightCode     = 40
	weightTitle    = 24
	weightFields   = 8
	weightBody     = 4
	weightBodyMany = 2 // added when the body has the word three times or more
	foldedDivisor  = 8 // a word typed with diacritics, found only folded
	phraseFactor   = 6 // times the field weight, per query bigram found
	coverageBonus  = 64
)

// Result is the answer to a query.
type Result struct {
	// Hits are the matching documents, best first.
	Hits []Hit
	// Complete is true when every hit has every word of the query, false
	// when no document has them all and the hits are the closest partial
	// matches (most words first).
	Complete bool
}

// Hit is one matching document.
type Hit struct {
	Doc      int
	Score    int
	Obsolete bool
	// Missing are the words of the query (as typed) the document lacks;
	// empty when Result.Complete.
	Missing []string
	// Entry is the document, filled for the first hits Search was asked
	// for.
	Entry *DocEntry
}

// candidate accumulates one document's score.
type candidate struct {
	doc, score, count, titleHits int
	matched                      uint32
}

// fieldWeight is the weight of the best field in mask.
func fieldWeight(mask int) int {
	w := 0
	switch {
	case mask&maskCode != 0:
		w = weightCode
	case mask&maskTitle != 0:
		w = weightTitle
	case mask&maskFields != 0:
		w = weightFields
	case mask&maskBody != 0:
		w = weightBody
	}
	if mask&maskBodyMany != 0 {
		w += weightBodyMany
	}
	return w
}

// Search ranks the documents for the reader's query q and fills Entry for
// the first limit hits.
func (ix *Index) Search(q string, limit int) (Result, error) {
	pq := parseQuery(q)
	var required []queryTerm
	var entries []*entry
	have := make(map[string]bool)
	add := func(t queryTerm, e *entry) {
		if !have[t.key] {
			have[t.key] = true
			required = append(required, t)
			entries = append(entries, e)
		}
	}
	for _, t := range pq.terms {
		e, err := ix.lookup(t.key)
		if err != nil {
			return Result{}, err
		}
		if e != nil || len(t.parts) == 0 {
			add(t, e)
			continue
		}
		for _, p := range t.parts {
			pe, err := ix.lookup(p.key)
			if err != nil {
				return Result{}, err
			}
			add(p, pe)
		}
	}
	if len(required) > 32 {
		required, entries = required[:32], entries[:32]
	}

	n := ix.meta.N
	acc := make(map[int]*candidate)
	for ti, t := range required {
		e := entries[ti]
		if e == nil || n == 0 {
			continue
		}
		df := len(e.ints) / e.stride
		idf := 4 + 8*(n-df)/n
		diacritic := t.word && t.exact != t.key
		vidx := slices.Index(e.variants, t.exact)
		for i := 0; i+e.stride <= len(e.ints); i += e.stride {
			doc, mask := e.ints[i], e.ints[i+1]
			s := fieldWeight(mask) * idf
			if diacritic {
				exact := len(e.variants) == 1 && vidx == 0
				if e.stride == 3 {
					exact = vidx >= 0 && e.ints[i+2]>>vidx&1 == 1
				}
				if !exact {
					s /= foldedDivisor
				}
			}
			c := acc[doc]
			if c == nil {
				c = &candidate{doc: doc}
				acc[doc] = c
			}
			c.score += s
			c.count++
			c.matched |= 1 << ti
			if mask&maskTitle != 0 {
				c.titleHits++
			}
		}
	}
	for _, b := range pq.bigrams {
		e, err := ix.lookup(b)
		if err != nil {
			return Result{}, err
		}
		if e == nil {
			continue
		}
		for i := 0; i+e.stride <= len(e.ints); i += e.stride {
			if c := acc[e.ints[i]]; c != nil {
				c.score += fieldWeight(e.ints[i+1]) * phraseFactor
			}
		}
	}
	return ix.collect(acc, required, limit)
}

// collect sorts the candidates and fills the first limit entries.
func (ix *Index) collect(acc map[int]*candidate, required []queryTerm, limit int) (Result, error) {
	var res Result
	var all, complete []Hit
	counts := make(map[int]int)
	for _, c := range acc {
		tl, obs := ix.flags(c.doc)
		if c.titleHits > 0 {
			tl = max(tl, 1)
			c.score += coverageBonus * min(c.titleHits, tl) / tl
		}
		h := Hit{Doc: c.doc, Score: c.score, Obsolete: obs}
		counts[c.doc] = c.count
		if c.count == len(required) {
			complete = append(complete, h)
			continue
		}
		for ti, t := range required {
			if c.matched&(1<<ti) == 0 {
				h.Missing = append(h.Missing, t.exact)
			}
		}
		all = append(all, h)
	}
	byScore := func(a, b Hit) int {
		if a.Obsolete != b.Obsolete {
			if a.Obsolete {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Doc, b.Doc)
	}
	if len(complete) > 0 {
		res.Complete = true
		slices.SortFunc(complete, byScore)
		res.Hits = complete
	} else {
		slices.SortFunc(all, func(a, b Hit) int {
			if c := cmp.Compare(counts[b.Doc], counts[a.Doc]); c != 0 {
				return c
			}
			return byScore(a, b)
		})
		res.Hits = all
	}
	for i := range res.Hits[:max(0, min(limit, len(res.Hits)))] {
		e, err := ix.Doc(res.Hits[i].Doc)
		if err != nil {
			return Result{}, err
		}
		res.Hits[i].Entry = &e
	}
	return res, nil
}

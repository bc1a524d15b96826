package search

// This file is the Go copy of search.js's reader and ranker: it opens an
// index written by Build, loads shards on demand as the script does and
// ranks queries in the same integer arithmetic, so that the tests can
// check the index through it and check the script against it
// (TestJSMatchesGo).

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Index reads an index written by [Build], loading shards on demand as
// search.js does. It is safe for concurrent use.
type Index struct {
	fsys fs.FS
	meta meta

	mu     sync.Mutex
	terms  map[string]*termShard
	dshard map[string]*docShard
}

// meta is meta.json.
type meta struct {
	V   int      `json:"v"`
	N   int      `json:"n"`
	H   string   `json:"h"`
	Doc string   `json:"doc"`
	TK  []string `json:"tk"`
	DK  []int    `json:"dk"`
}

// termShard is one t/<hash>.json.
type termShard struct {
	K []string   `json:"k"`
	V [][]string `json:"v"`
	P []string   `json:"p"`
	// at maps a key to its position in K.
	at map[string]int
}

// docShard is one d/<hash>.json.
type docShard struct {
	D []DocEntry `json:"d"`
}

// DocEntry is a document as a document shard holds it.
type DocEntry struct {
	URL       string `json:"u"`
	Kind      string `json:"k"`
	KindLabel string `json:"l"`
	Code      string `json:"c"`
	Title     string `json:"t"`
	Status    string `json:"s"`
	Obsolete  bool   `json:"o"`
	// Snippet is the start of the body, as snippets are cut from.
	Snippet string `json:"b"`
}

// entry is one key's data in a term shard.
type entry struct {
	variants []string
	ints     []int
	stride   int
}

// Open reads search/meta.json from fsys, the site root.
func Open(fsys fs.FS) (*Index, error) {
	var m meta
	if err := readJSON(fsys, Dir+"meta.json", &m); err != nil {
		return nil, err
	}
	if m.V != 3 || len(m.Doc) != m.N {
		return nil, fmt.Errorf("search: open: %smeta.json: unknown version or inconsistent lengths", Dir)
	}
	return &Index{fsys: fsys, meta: m, terms: map[string]*termShard{}, dshard: map[string]*docShard{}}, nil
}

// Len is the number of documents.
func (ix *Index) Len() int { return ix.meta.N }

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("search: %s: %w", name, err)
	}
	return nil
}

// lookup returns key's entry, or nil when no document has key.
func (ix *Index) lookup(key string) (*entry, error) {
	i := sort.Search(len(ix.meta.TK), func(i int) bool { return compareUTF16(ix.meta.TK[i], key) > 0 }) - 1
	if i < 0 {
		return nil, nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	name := Dir + "t/" + strconv.Itoa(i) + ".json"
	sh := ix.terms[name]
	if sh == nil {
		sh = &termShard{}
		if err := readJSON(ix.fsys, name, sh); err != nil {
			return nil, err
		}
		if len(sh.V) != len(sh.K) || len(sh.P) != len(sh.K) {
			return nil, fmt.Errorf("search: term shard %s: inconsistent lengths", name)
		}
		sh.at = make(map[string]int, len(sh.K))
		for j, k := range sh.K {
			sh.at[k] = j
		}
		ix.terms[name] = sh
	}
	j, ok := sh.at[key]
	if !ok {
		return nil, nil
	}
	e := &entry{variants: sh.V[j], stride: 2}
	if len(e.variants) > 1 {
		e.stride = 3
	}
	ints, err := decodePostings(sh.P[j], e.stride, ix.meta.N)
	if err != nil {
		return nil, fmt.Errorf("search: %s: key %q: %w", name, key, err)
	}
	e.ints = ints
	return e, nil
}

// Doc returns document n's entry.
func (ix *Index) Doc(n int) (DocEntry, error) {
	if n < 0 || n >= ix.meta.N {
		return DocEntry{}, fmt.Errorf("search: no document %d", n)
	}
	i := sort.SearchInts(ix.meta.DK, n+1) - 1
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i < 0 {
		return DocEntry{}, fmt.Errorf("search: no shard for document %d", n)
	}
	name := Dir + "d/" + strconv.Itoa(i) + ".json"
	sh := ix.dshard[name]
	if sh == nil {
		sh = &docShard{}
		if err := readJSON(ix.fsys, name, sh); err != nil {
			return DocEntry{}, err
		}
		ix.dshard[name] = sh
	}
	j := n - ix.meta.DK[i]
	if j >= len(sh.D) {
		return DocEntry{}, fmt.Errorf("search: document shard %s: no document %d", name, n)
	}
	return sh.D[j], nil
}

// flags returns document n's title length and whether it is obsolete.
func (ix *Index) flags(n int) (titleLen int, obsolete bool) {
	v := 0
	for i := 0; i < len(base64url); i++ {
		if base64url[i] == ix.meta.Doc[n] {
			v = i
			break
		}
	}
	return v & 31, v&32 != 0
}

// errPostings reports a postings string that does not decode.
var errPostings = errors.New("postings cut short or not in the alphabet")

// decodePostings expands s into (document, mask[, variants]) groups of
// stride numbers; stride is 3 when the key has two variants or more,
// else 2. It fails on a malformed string and on a list longer than n
// documents.
func decodePostings(s string, stride, n int) ([]int, error) {
	var out []int
	i := 0
	next := func() (int, error) {
		x, shift := 0, 0
		for {
			if i == len(s) || shift > 30 {
				return 0, errPostings
			}
			v := strings.IndexByte(base64url, s[i])
			i++
			if v < 0 {
				return 0, errPostings
			}
			x |= (v & 31) << shift
			shift += 5
			if v&32 == 0 {
				return x, nil
			}
		}
	}
	prev := -1
	for i < len(s) {
		var rec [3]int
		for k := range stride {
			v, err := next()
			if err != nil {
				return nil, err
			}
			rec[k] = v
		}
		doc, mask, run := prev+1+rec[0], rec[1]%32, rec[1]/32
		if doc+run >= n {
			return nil, errPostings
		}
		for d := doc; d <= doc+run; d++ {
			out = append(out, d, mask)
			if stride == 3 {
				out = append(out, rec[2])
			}
		}
		prev = doc + run
	}
	return out, nil
}

// maxTerms is how many distinct words of a query count; the rest are
// ignored.
const maxTerms = 12

// queryTerm is one word or identifier of a query.
type queryTerm struct {
	key   string
	exact string
	// word is false for an identifier, whose diacritics do not rank.
	word bool
	// parts are an identifier's pieces, searched instead of it when no
	// document has the whole identifier ("3463/QĐ-UBND" typed with a
	// wrong issuer still finds 3463).
	parts []queryTerm
}

// query is a parsed query.
type query struct {
	terms   []queryTerm
	bigrams []string
}

// parseQuery turns the reader's text into terms and bigrams; search.js's
// parseQuery does the same.
func parseQuery(q string) query {
	toks := Tokenize(q)
	var out query
	seen := make(map[string]bool)
	owner := -1 // the term that Part tokens belong to, or -1
	for _, t := range toks {
		if t.Kind == Part {
			if owner >= 0 {
				p := &out.terms[owner]
				p.parts = append(p.parts, queryTerm{key: t.Key, exact: t.Exact, word: true})
			}
			continue
		}
		owner = -1
		if seen[t.Key] || len(out.terms) == maxTerms {
			continue
		}
		seen[t.Key] = true
		out.terms = append(out.terms, queryTerm{key: t.Key, exact: t.Exact, word: t.Kind == Word})
		if t.Kind == ID {
			owner = len(out.terms) - 1
		}
	}
	// Bigrams of the words as typed; an identifier is one unit here, so
	// that the pieces of 3463/QĐ-UBND do not favour 3464/QĐ-UBND.
	var keys []string
	for _, t := range toks {
		if t.Kind != Part {
			keys = append(keys, t.Key)
		}
	}
	seenB := make(map[string]bool)
	for i := 0; i+1 < len(keys) && len(out.bigrams) < maxTerms; i++ {
		b := keys[i] + " " + keys[i+1]
		if !seenB[b] {
			seenB[b] = true
			out.bigrams = append(out.bigrams, b)
		}
	}
	return out
}

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

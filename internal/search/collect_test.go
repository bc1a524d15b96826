package search

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// refRecord is what a term's record says of one document.
type refRecord struct {
	mask uint8
	vars string // the variants, sorted and joined by "|"
}

// refPostings indexes docs, in order, the plain way: a map from key and
// document to its record, made from Tokenize and chain.
func refPostings(docs []Doc) map[string]map[int]refRecord {
	type acc struct {
		mask uint8
		body int
		vars map[string]bool
	}
	out := make(map[string]map[int]refRecord)
	for n := range docs {
		var d Doc
		normalize(&d, &docs[n])
		accs := make(map[string]*acc)
		noteKey := func(key string, bit uint8) *acc {
			a := accs[key]
			if a == nil {
				a = &acc{vars: map[string]bool{}}
				accs[key] = a
			}
			a.mask |= bit
			if bit == maskBody {
				a.body++
			}
			return a
		}
		texts := []struct {
			s   string
			bit uint8
		}{{d.Code, maskCode}, {d.Title, maskTitle}, {d.KindLabel, maskFields}}
		for _, f := range d.Fields {
			texts = append(texts, struct {
				s   string
				bit uint8
			}{f, maskFields})
		}
		texts = append(texts, struct {
			s   string
			bit uint8
		}{d.Body, maskBody})
		for _, t := range texts {
			toks := Tokenize(t.s)
			for _, tok := range toks {
				a := noteKey(tok.Key, t.bit)
				if tok.Kind != ID {
					a.vars[tok.Exact] = true
				}
			}
			keys := chain(toks)
			for i := 1; i < len(keys); i++ {
				noteKey(keys[i-1]+" "+keys[i], t.bit)
			}
		}
		for key, a := range accs {
			if out[key] == nil {
				out[key] = make(map[int]refRecord)
			}
			mask := a.mask
			if a.body >= bodyMany {
				mask |= maskBodyMany
			}
			out[key][n] = refRecord{mask, strings.Join(slices.Sorted(maps.Keys(a.vars)), "|")}
		}
	}
	return out
}

// collectorPostings reads the records of collectors back into the form of
// refPostings.
func collectorPostings(t *testing.T, cs []*collector) map[string]map[int]refRecord {
	out := make(map[string]map[int]refRecord)
	for _, c := range cs {
		for ti := range c.terms {
			term := &c.terms[ti]
			key := term.key
			if term.a >= 0 {
				key = c.terms[term.a].key + " " + c.terms[term.b].key
			}
			if out[key] == nil {
				out[key] = make(map[int]refRecord)
			}
			r := rawReader{raw: c.lists[ti].buf, prev: -1}
			for r.next() {
				var vars []string
				for idx, v := range term.vars {
					if idx < 64 && r.vars&(1<<idx) != 0 || slices.Contains(r.more, int32(idx)) {
						vars = append(vars, c.vars[v].exact)
					}
				}
				slices.Sort(vars)
				if _, dup := out[key][r.doc]; dup {
					t.Errorf("key %q: two records of document %d", key, r.doc)
				}
				out[key][r.doc] = refRecord{r.mask, strings.Join(vars, "|")}
			}
		}
	}
	return out
}

// TestCollectorMatchesReference compares the records that collectors
// write with the plain map-based indexing of the same documents.
func TestCollectorMatchesReference(t *testing.T) {
	many, _, _ := manyVariants()
	docs := slices.Concat(fixture(), synthDocs(400), many)
	docs = append(docs,
		Doc{URL: "odd/1/", Title: "đường đường Đường", Body: "a b a b a b c a b \xff 3463/QĐ-UBND qd 3463 ĐƯỜNG"},
		Doc{URL: "odd/2/", Body: strings.Repeat("nghiệp trưởng thường ", 50) + "Số3463/QĐ-UBND x"},
		Doc{URL: "odd/3/", Body: "e\u0301 cafe\u0301 ab ba ab", Fields: []string{"ab ba", "ba ab"}})
	for i := range 200 {
		docs = append(docs, Doc{URL: fmt.Sprintf("gen/%d/", i),
			Body: strings.Repeat(fmt.Sprintf("w%d w%d ", i%7, i%5), 1+i%4)})
	}
	want := refPostings(docs)
	for _, workers := range []int{1, 3} {
		order := make([]int32, len(docs))
		for i := range order {
			order[i] = int32(i)
		}
		cs, _, _ := collect(docs, order, workers)
		got := collectorPostings(t, cs)
		if len(got) != len(want) {
			t.Errorf("%d workers: %d keys, want %d", workers, len(got), len(want))
		}
		for key, w := range want {
			if !maps.Equal(got[key], w) {
				t.Errorf("%d workers: key %q: records %v, want %v", workers, key, got[key], w)
			}
		}
	}
}

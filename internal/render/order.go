package render

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator sorts Vietnamese text. A collator keeps buffers: use one per
// goroutine.
//
// It compares collation keys, made once per string and remembered: the
// site model sorts lists of tens of thousands of documents, and comparing
// two keys costs a byte compare where CompareString collates both strings
// again (order_test.go checks that both give the same order).
type collator struct {
	text *collate.Collator // names and titles
	code *collate.Collator // codes: digits compared as numbers
	buf  collate.Buffer    // holds the keys (never reset)
	// textKeys and codeKeys are the keys made so far, by string.
	textKeys, codeKeys map[string][]byte
}

func newCollator() *collator {
	return &collator{
		text:     collate.New(language.Vietnamese),
		code:     collate.New(language.Vietnamese, collate.Numeric),
		textKeys: map[string][]byte{},
		codeKeys: map[string][]byte{},
	}
}

// key returns s's collation key by col, made once.
func (c *collator) key(col *collate.Collator, keys map[string][]byte, s string) []byte {
	k, ok := keys[s]
	if !ok {
		k = col.KeyFromString(&c.buf, s)
		keys[s] = k
	}
	return k
}

// less orders a and b alphabetically, Vietnamese style, with a byte-wise
// tie-break so that the order is total.
func (c *collator) less(a, b string) bool {
	return compareCollated(collated{c.textKey(a), a}, collated{c.textKey(b), b}) < 0
}

// textKey and codeKey return the collation keys of s as a name and as a
// code.
func (c *collator) textKey(s string) []byte { return c.key(c.text, c.textKeys, s) }
func (c *collator) codeKey(s string) []byte { return c.key(c.code, c.codeKeys, s) }

// sortByKey sorts xs stably by cmp on keys made once per element: the
// lists of tens of thousands of documents compare keys, not documents.
func sortByKey[T, K any](xs []T, key func(T) K, cmp func(a, b K) int) {
	type keyed struct {
		k K
		v T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{key(x), x}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return cmp(a.k, b.k) })
	for i := range ks {
		xs[i] = ks[i].v
	}
}

// collated is a string with its collation key, compared as less and
// lessCode compare: by key, then byte-wise.
type collated struct {
	key []byte
	s   string
}

func compareCollated(a, b collated) int {
	if r := bytes.Compare(a.key, b.key); r != 0 {
		return r
	}
	return strings.Compare(a.s, b.s)
}

// sortStrings sorts names alphabetically.
func (c *collator) sortStrings(s []string) {
	sort.SliceStable(s, func(i, j int) bool { return c.less(s[i], s[j]) })
}

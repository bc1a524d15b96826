package search

import (
	"errors"
	"strings"
)

// A postings list is stored as a string of base64url characters, each
// carrying five bits of a number and, in its sixth bit (32), whether the
// number continues in the next character, low bits first. The numbers are
// records of
//
//	gap, mask, [variants,] run
//
// gap is how many documents lie between the previous record's last
// document and this one (the first record counts from document -1), mask
// the field mask, variants the variant mask (only for words with two
// variants or more), and run how many following documents, one after the
// other, have the same masks. A word in every body of a range of documents
// thus costs a few characters, not a few per document.

// appendNumber appends x (≥ 0) in the postings alphabet.
func appendNumber(b []byte, x uint64) []byte {
	for {
		d := x & 31
		x >>= 5
		if x == 0 {
			return append(b, base64url[d])
		}
		b = append(b, base64url[d|32])
	}
}

// encodePostings writes t's postings; t.finish must have run.
func (t *term) encodePostings(b []byte) []byte {
	withVars := len(t.variants) > 1
	prev := -1
	for i := 0; i < len(t.postings); {
		p := t.postings[i]
		j := i + 1
		for j < len(t.postings) && t.postings[j].doc == t.postings[j-1].doc+1 &&
			t.postings[j].mask == p.mask && t.postings[j].vars == p.vars {
			j++
		}
		b = appendNumber(b, uint64(p.doc-prev-1))
		b = appendNumber(b, uint64(p.mask))
		if withVars {
			b = appendNumber(b, p.vars)
		}
		b = appendNumber(b, uint64(j-i-1))
		prev = p.doc + j - i - 1
		i = j
	}
	return b
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
		var rec [4]int
		for k := range stride + 1 {
			v, err := next()
			if err != nil {
				return nil, err
			}
			rec[k] = v
		}
		doc, run := prev+1+rec[0], rec[stride]
		if doc+run >= n {
			return nil, errPostings
		}
		for d := doc; d <= doc+run; d++ {
			out = append(out, d, rec[1])
			if stride == 3 {
				out = append(out, rec[2])
			}
		}
		prev = doc + run
	}
	return out, nil
}

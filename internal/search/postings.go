package search

// A postings list is stored as a string of base64url characters, each
// carrying five bits of a number and, in its sixth bit (32), whether the
// number continues in the next character, low bits first. The numbers are
// records of
//
//	gap, mask + 32 × run[, variants]
//
// gap is how many documents lie between the previous record's last
// document and this one (the first record counts from document -1), mask
// the field mask (below 32), run how many following documents, one after
// the other, have the same masks, and variants the variant mask (only for
// words with two variants or more). A word in every body of a range of
// documents thus costs a few characters, not a few per document, and a
// document alone costs two.

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

// postingsEncoder writes one key's postings, given in document order.
type postingsEncoder struct {
	b []byte
	// withVars is true for a word with two variants or more.
	withVars bool
	// prev is the last document of the records written.
	prev int
	// The record being extended: its first document, how many documents
	// follow it alike, and their masks.
	open     bool
	doc, run int
	mask     uint8
	vars     uint64
}

// reset starts a new list in b.
func (e *postingsEncoder) reset(b []byte, withVars bool) {
	*e = postingsEncoder{b: b, withVars: withVars, prev: -1}
}

// add appends a document; documents must come in increasing order.
func (e *postingsEncoder) add(doc int, mask uint8, vars uint64) {
	if e.open && doc == e.doc+e.run+1 && mask == e.mask && vars == e.vars {
		e.run++
		return
	}
	e.flush()
	e.open, e.doc, e.run, e.mask, e.vars = true, doc, 0, mask, vars
}

func (e *postingsEncoder) flush() {
	if !e.open {
		return
	}
	e.b = appendNumber(e.b, uint64(e.doc-e.prev-1))
	e.b = appendNumber(e.b, uint64(e.mask)+32*uint64(e.run))
	if e.withVars {
		e.b = appendNumber(e.b, e.vars)
	}
	e.prev = e.doc + e.run
	e.open = false
}

// finish returns the encoded list.
func (e *postingsEncoder) finish() []byte {
	e.flush()
	return e.b
}

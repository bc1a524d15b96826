package textdiff

import (
	"hash/maphash"
	"sync"
	"unicode/utf8"
)

// scratch is the working memory of one Text call, kept in scratchPool
// between calls: a build diffs the bodies of tens of thousands of
// revisions, and per-call slices and maps were most of the diff's cost.
// Nothing in it outlives the call: the Result holds only substrings of the
// inputs and its own segment slice.
type scratch struct {
	ids interner
	// Line starts (with the text's length at the end) and line ids of the
	// old and new text.
	lineA, lineB []int
	idA, idB     []int32
	// The tokens and token ids of the changed run being compared word by
	// word.
	tokA, tokB tokenList
	tidA, tidB []int32
	lineEdits  []Edit
	wordEdits  []Edit
	trace      []int32
	lcs        lcsMem
	// Per word edit: the size of the run of changes it belongs to (see
	// cleanup), and whether an unchanged piece is counted as changed.
	size     []int
	absorbed []bool
}

var scratchPool = sync.Pool{New: func() any { return &scratch{ids: newInterner()} }}

// maxKeptInterner is the size beyond which an interner is dropped rather
// than cleared for the next call, so that one huge input does not make
// every later call clear a huge table.
const maxKeptInterner = 1 << 16

// dist is the edit distance of two sequences of line or token ids (a
// distFunc).
func (s *scratch) dist(a, b []int32) (int, bool) {
	l, ok := s.lcs.lcsLength(a, b, utf8.RuneSelf+len(s.ids.keys))
	return len(a) + len(b) - 2*l, ok
}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(s *scratch) {
	if len(s.ids.slots) > maxKeptInterner {
		s.ids = newInterner()
	} else {
		s.ids.reset()
	}
	scratchPool.Put(s)
}

// interner numbers distinct strings 0, 1, 2, … in order of first sight:
// an open-addressing hash table of the strings' ids. The strings are
// substrings of the texts being compared, so keeping them costs no copy.
type interner struct {
	seed  maphash.Seed
	slots []int32 // id+1, or 0 for an empty slot; len is a power of 2
	keys  []string
}

func newInterner() interner {
	return interner{seed: maphash.MakeSeed(), slots: make([]int32, 256)}
}

func (t *interner) reset() {
	clear(t.slots)
	clear(t.keys) // drop the references to the texts
	t.keys = t.keys[:0]
}

// id returns the number of s.
func (t *interner) id(s string) int32 {
	mask := uint64(len(t.slots) - 1)
	for i := maphash.String(t.seed, s) & mask; ; i = (i + 1) & mask {
		v := t.slots[i]
		if v == 0 {
			id := int32(len(t.keys))
			t.keys = append(t.keys, s)
			t.slots[i] = id + 1
			if 2*len(t.keys) > len(t.slots) {
				t.grow()
			}
			return id
		}
		if t.keys[v-1] == s {
			return v - 1
		}
	}
}

// grow doubles the table and puts every id back.
func (t *interner) grow() {
	t.slots = make([]int32, 2*len(t.slots))
	mask := uint64(len(t.slots) - 1)
	for id, s := range t.keys {
		i := maphash.String(t.seed, s) & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int32(id) + 1
	}
}

package history

import (
	"bytes"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// Tree objects are parsed in place for Snapshot (treefs.go): a tree keeps
// its raw bytes and the offsets of each entry, so no string is made for a
// name until it is asked for. Load's differ reads trees unparsed
// (rawtree.go).

// File modes as stored in tree entries.
const (
	modeTree    = 0o40000
	modeFile    = 0o100644
	modeExec    = 0o100755
	modeSymlink = 0o120000
	modeGitlink = 0o160000
)

// entry is one tree entry; its name is raw[nameOff:nameEnd] and its hash the
// 20 bytes after the name's NUL terminator.
type entry struct {
	nameOff, nameEnd uint32
	mode             uint32
}

// tree is a parsed tree object.
type tree struct {
	raw  []byte
	ents []entry
}

func (t *tree) name(i int) []byte { e := t.ents[i]; return t.raw[e.nameOff:e.nameEnd] }

func (t *tree) hash(i int) (h plumbing.Hash) {
	off := t.ents[i].nameEnd + 1
	copy(h[:], t.raw[off:off+20])
	return h
}

// hashBytes returns the entry's hash without copying.
func (t *tree) hashBytes(i int) []byte {
	off := t.ents[i].nameEnd + 1
	return t.raw[off : off+20]
}

func (t *tree) isDir(i int) bool { return t.ents[i].mode == modeTree }

// size is the tree's memory footprint, for the byte-bounded cache.
func (t *tree) size() int { return len(t.raw) + 12*len(t.ents) + 64 }

// parseTree parses the raw content of a tree object.
func parseTree(raw []byte) (*tree, error) {
	t := &tree{raw: raw}
	// Entries are at least 1+1+1+20 bytes; reserving from an estimate
	// of 40 bytes per entry avoids most regrowth.
	t.ents = make([]entry, 0, len(raw)/40+1)
	for i := 0; i < len(raw); {
		var mode uint32
		j := i
		for ; j < len(raw) && raw[j] != ' '; j++ {
			c := raw[j]
			if c < '0' || c > '7' {
				return nil, fmt.Errorf("đối tượng tree hỏng: chế độ %q", raw[i:j+1])
			}
			mode = mode<<3 | uint32(c-'0')
		}
		if j == i || j >= len(raw) {
			return nil, fmt.Errorf("đối tượng tree hỏng ở byte %d", i)
		}
		nameOff := j + 1
		k := bytes.IndexByte(raw[nameOff:], 0)
		if k <= 0 || nameOff+k+21 > len(raw) {
			return nil, fmt.Errorf("đối tượng tree hỏng ở byte %d", i)
		}
		nameEnd := nameOff + k
		t.ents = append(t.ents, entry{nameOff: uint32(nameOff), nameEnd: uint32(nameEnd), mode: mode})
		i = nameEnd + 21
	}
	return t, nil
}

// lookup returns the index of the entry called name, or -1. Entries are in
// git order, which agrees with byte order on names except that a directory
// sorts as if its name ended in '/', so a linear scan with early exit is
// used rather than binary search.
func (t *tree) lookup(name string) int {
	for i := range t.ents {
		n := t.name(i)
		if string(n) == name {
			return i
		}
	}
	return -1
}

// compareNames orders two tree entries, named na and nb, the way git sorts
// them: by name, a directory's name followed by '/'.
func compareNames(na []byte, aDir bool, nb []byte, bDir bool) int {
	n := min(len(na), len(nb))
	if c := bytes.Compare(na[:n], nb[:n]); c != 0 {
		return c
	}
	var ca, cb byte
	if len(na) > n {
		ca = na[n]
	} else if aDir {
		ca = '/'
	}
	if len(nb) > n {
		cb = nb[n]
	} else if bDir {
		cb = '/'
	}
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

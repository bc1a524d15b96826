package history

import (
	"bytes"
	"fmt"
)

// The differ reads tree objects unparsed. An entry is "MODE NAME\0HASH"
// (HASH 20 bytes); entries are read one at a time from an offset, so a
// tree costs nothing beyond the entries looked at. Two versions of a
// directory mostly share a long run of leading and trailing entries byte
// for byte: diffTree skips those with a memory comparison (commonPrefix,
// commonSuffix) and merge-joins only the entries in between.

// rawEntry is one entry of an unparsed tree; name and hash point into it.
type rawEntry struct {
	mode uint32
	name []byte
	hash []byte
}

func (e *rawEntry) isDir() bool { return e.mode == modeTree }

// nextEntry parses the entry of tree t at offset i and returns it and the
// offset of the next one. It checks what parseTree checks.
func nextEntry(t []byte, i int) (rawEntry, int, error) {
	var e rawEntry
	j := i
	for ; j < len(t) && t[j] != ' '; j++ {
		c := t[j]
		if c < '0' || c > '7' {
			return e, 0, fmt.Errorf("đối tượng tree hỏng: chế độ %q", t[i:j+1])
		}
		e.mode = e.mode<<3 | uint32(c-'0')
	}
	if j == i || j >= len(t) {
		return e, 0, fmt.Errorf("đối tượng tree hỏng ở byte %d", i)
	}
	nameOff := j + 1
	k := bytes.IndexByte(t[nameOff:], 0)
	if k <= 0 || nameOff+k+21 > len(t) {
		return e, 0, fmt.Errorf("đối tượng tree hỏng ở byte %d", i)
	}
	nameEnd := nameOff + k
	e.name = t[nameOff:nameEnd]
	e.hash = t[nameEnd+1 : nameEnd+21]
	return e, nameEnd + 21, nil
}

// skipEntry returns the offset of the entry after the one at i, or -1 when
// the tree ends or is malformed there.
func skipEntry(t []byte, i int) int {
	k := bytes.IndexByte(t[i:], 0)
	if k < 0 || i+k+21 > len(t) {
		return -1
	}
	return i + k + 21
}

// lookupEntry finds the entry called name in tree t. Entries are in git
// order, which agrees with byte order on names except that a directory
// sorts as if its name ended in '/', so the scan does not stop early.
func lookupEntry(t []byte, name string) (rawEntry, bool, error) {
	for i := 0; i < len(t); {
		e, next, err := nextEntry(t, i)
		if err != nil {
			return e, false, err
		}
		if string(e.name) == name {
			return e, true, nil
		}
		i = next
	}
	return rawEntry{}, false, nil
}

// compareRaw orders two entries the way git sorts tree entries.
func compareRaw(a, b *rawEntry) int { return compareNames(a.name, a.isDir(), b.name, b.isDir()) }

// The common prefix and suffix of two versions of a tree are most of
// both: they are compared in blocks with bytes.Equal (vectorised), then
// byte by byte inside the block that differs.
const equalBlock = 256

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+equalBlock <= n && bytes.Equal(a[i:i+equalBlock], b[i:i+equalBlock]); i += equalBlock {
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}

// commonSuffix returns the length of the longest common suffix of a and b.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	a, b = a[len(a)-n:], b[len(b)-n:]
	i := n // a[i:] == b[i:]
	for ; i >= equalBlock && bytes.Equal(a[i-equalBlock:i], b[i-equalBlock:i]); i -= equalBlock {
	}
	for ; i > 0 && a[i-1] == b[i-1]; i-- {
	}
	return n - i
}

// File modes as stored in tree entries.
const (
	modeTree    = 0o40000
	modeFile    = 0o100644
	modeExec    = 0o100755
	modeSymlink = 0o120000
)

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

package history

import (
	"bytes"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// contentDirs are the content root's folders whose *.md files are
// documents.
var contentDirs = [...]string{"decisions", "procedures", "processes"}

// version is a file's state in one tree: zero hash when absent.
type version struct {
	hash plumbing.Hash
	mode uint32
}

func (v version) absent() bool { return v.hash.IsZero() }

// rec is one change of one content file in one commit, against the
// commit's first parent (against nothing for a root or shallow boundary).
type rec struct {
	commit   int32
	path     int32
	old, new version
	// same is, for a merge, the index of the first parent whose version of
	// the file equals the merge's (≥ 1, since the first parent's differs by
	// construction), or -1 when it differs from every parent. Always -1
	// for other commits.
	same int8
	// from is the path id the file was renamed from, or -1.
	from int32
	// renamedAway marks a deletion that is one half of a rename.
	renamedAway bool
}

// differ diffs trees of the content root, read from st, skipping subtrees
// whose hashes are equal, and interns the paths of changed files.
type differ struct {
	st    storer.EncodedObjectStorer
	paths []string
	ids   map[string]int32
	buf   []byte
	// emit is called with each changed file's path (d.buf: valid during
	// the call only) and versions.
	emit func(path []byte, old, new version)
	// dirs, when not nil, limits the diff to the directories it holds
	// (paths ending in '/'); the others are not looked into.
	dirs map[string]bool
}

func (d *differ) intern(p []byte) int32 {
	if id, ok := d.ids[string(p)]; ok {
		return id
	}
	return d.internString(string(p))
}

func (d *differ) internString(s string) int32 {
	if id, ok := d.ids[s]; ok {
		return id
	}
	id := int32(len(d.paths))
	d.paths = append(d.paths, s)
	d.ids[s] = id
	return id
}

// diffContent diffs two content-root trees (either may be zero) and calls
// d.emit for every *.md file under the content folders whose version differs.
func (d *differ) diffContent(a, b plumbing.Hash) error {
	if a == b {
		return nil
	}
	ta, tb, err := d.pair(a, b)
	if err != nil {
		return err
	}
	for _, dir := range contentDirs {
		ha, err := dirEntry(ta, dir)
		if err != nil {
			return err
		}
		hb, err := dirEntry(tb, dir)
		if err != nil {
			return err
		}
		if ha == hb {
			continue
		}
		d.buf = append(d.buf[:0], dir...)
		d.buf = append(d.buf, '/')
		if d.dirs != nil && !d.dirs[string(d.buf)] {
			continue
		}
		if err := d.diffTree(ha, hb); err != nil {
			return err
		}
	}
	return nil
}

// dirEntry returns the hash of the sub-directory name of tree t (nil: no
// tree), or zero.
func dirEntry(t []byte, name string) (plumbing.Hash, error) {
	e, ok, err := lookupEntry(t, name)
	if !ok || err != nil || !e.isDir() {
		return plumbing.ZeroHash, err
	}
	return plumbing.Hash(e.hash), nil
}

// tree returns the content of tree h, unparsed (rawtree.go).
func (d *differ) tree(h plumbing.Hash) ([]byte, error) {
	return readObject(d.st, plumbing.TreeObject, h)
}

// pair reads trees a and b; a zero hash gives a nil tree.
func (d *differ) pair(a, b plumbing.Hash) (ta, tb []byte, err error) {
	if !a.IsZero() {
		if ta, err = d.tree(a); err != nil {
			return nil, nil, err
		}
	}
	if !b.IsZero() {
		if tb, err = d.tree(b); err != nil {
			return nil, nil, err
		}
	}
	return ta, tb, nil
}

// diffTree merge-joins the entries of trees a and b (either may be zero),
// whose path is d.buf, in git order. The entries both trees start with and
// end with, byte for byte, are skipped without being parsed.
func (d *differ) diffTree(a, b plumbing.Hash) error {
	ta, tb, err := d.pair(a, b)
	if err != nil {
		return err
	}
	i, j := 0, 0
	tail := 0
	if ta != nil && tb != nil {
		p := commonPrefix(ta, tb)
		for i < p {
			n := skipEntry(ta, i)
			if n < 0 || n > p {
				break
			}
			i = n
		}
		j = i
		tail = commonSuffix(ta[i:], tb[j:])
	}
	base := len(d.buf)
	for {
		// From offsets i and j, which are entry starts, the rest of both
		// trees is the same bytes, so the same entries: nothing differs.
		if len(ta)-i == len(tb)-j && len(ta)-i <= tail {
			break
		}
		var ea, eb rawEntry
		var na, nb int
		c := 0
		switch {
		case i == len(ta):
			c = 1
		case j == len(tb):
			c = -1
		}
		if c <= 0 {
			if ea, na, err = nextEntry(ta, i); err != nil {
				return err
			}
		}
		if c >= 0 {
			if eb, nb, err = nextEntry(tb, j); err != nil {
				return err
			}
		}
		if c == 0 {
			c = compareRaw(&ea, &eb)
		}
		switch {
		case c == 0:
			if ea.mode != eb.mode || !bytes.Equal(ea.hash, eb.hash) {
				if err := d.entry(&ea, &eb, base); err != nil {
					return err
				}
			}
			i, j = na, nb
		case c < 0:
			if err := d.entry(&ea, nil, base); err != nil {
				return err
			}
			i = na
		default:
			if err := d.entry(nil, &eb, base); err != nil {
				return err
			}
			j = nb
		}
	}
	d.buf = d.buf[:base]
	return nil
}

// entry handles one differing entry pair (one side may be missing).
func (d *differ) entry(ea, eb *rawEntry, base int) error {
	e := ea
	if e == nil {
		e = eb
	}
	d.buf = append(d.buf[:base], e.name...)
	if e.isDir() {
		var ha, hb plumbing.Hash
		if ea != nil {
			ha = plumbing.Hash(ea.hash)
		}
		if eb != nil {
			hb = plumbing.Hash(eb.hash)
		}
		d.buf = append(d.buf, '/')
		if d.dirs != nil && !d.dirs[string(d.buf)] {
			return nil
		}
		return d.diffTree(ha, hb)
	}
	if !bytes.HasSuffix(e.name, []byte(".md")) {
		return nil
	}
	var va, vb version
	if ea != nil && isFileMode(ea.mode) {
		va = version{plumbing.Hash(ea.hash), ea.mode}
	}
	if eb != nil && isFileMode(eb.mode) {
		vb = version{plumbing.Hash(eb.hash), eb.mode}
	}
	if va == vb {
		return nil
	}
	d.emit(d.buf, va, vb)
	return nil
}

func isFileMode(m uint32) bool { return m == modeFile || m == modeExec || m == modeSymlink }

// subtree returns the tree at the '/'-separated directory prefix of root,
// or zero when there is none.
func (d *differ) subtree(root plumbing.Hash, prefix string) (plumbing.Hash, error) {
	h := root
	for prefix != "" && !h.IsZero() {
		t, err := d.tree(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		name, rest, _ := strings.Cut(prefix, "/")
		if name == "" {
			prefix = rest
			continue
		}
		if h, err = dirEntry(t, name); err != nil {
			return plumbing.ZeroHash, err
		}
		prefix = rest
	}
	return h, nil
}

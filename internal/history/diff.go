package history

import (
	"bytes"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
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

// differ diffs trees of the content root, skipping subtrees whose hashes
// are equal, and interns the paths of changed files.
type differ struct {
	odb   *odb
	paths []string
	ids   map[string]int32
	buf   []byte
	emit  func(path int32, old, new version)
}

func (d *differ) intern(p []byte) int32 {
	if id, ok := d.ids[string(p)]; ok {
		return id
	}
	id := int32(len(d.paths))
	s := string(p)
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
		ha, hb := dirEntry(ta, dir), dirEntry(tb, dir)
		if ha == hb {
			continue
		}
		d.buf = append(d.buf[:0], dir...)
		d.buf = append(d.buf, '/')
		if err := d.diffTree(ha, hb); err != nil {
			return err
		}
	}
	return nil
}

// dirEntry returns the hash of the sub-directory name of t, or zero.
func dirEntry(t *tree, name string) plumbing.Hash {
	if t == nil {
		return plumbing.ZeroHash
	}
	if i := t.lookup(name); i >= 0 && t.isDir(i) {
		return t.hash(i)
	}
	return plumbing.ZeroHash
}

func (d *differ) pair(a, b plumbing.Hash) (ta, tb *tree, err error) {
	if !a.IsZero() {
		if ta, err = d.odb.tree(a); err != nil {
			return nil, nil, err
		}
	}
	if !b.IsZero() {
		if tb, err = d.odb.tree(b); err != nil {
			return nil, nil, err
		}
	}
	return ta, tb, nil
}

// diffTree merge-joins the entries of trees a and b (either may be zero),
// whose path is d.buf, in git order.
func (d *differ) diffTree(a, b plumbing.Hash) error {
	ta, tb, err := d.pair(a, b)
	if err != nil {
		return err
	}
	var na, nb int
	if ta != nil {
		na = len(ta.ents)
	}
	if tb != nil {
		nb = len(tb.ents)
	}
	base := len(d.buf)
	for i, j := 0, 0; i < na || j < nb; {
		var c int
		switch {
		case i == na:
			c = 1
		case j == nb:
			c = -1
		default:
			c = compareEntries(ta, i, tb, j)
		}
		switch {
		case c == 0:
			if ta.ents[i].mode != tb.ents[j].mode || !bytes.Equal(ta.hashBytes(i), tb.hashBytes(j)) {
				if err := d.entry(ta, i, tb, j, base); err != nil {
					return err
				}
			}
			i++
			j++
		case c < 0:
			if err := d.entry(ta, i, nil, -1, base); err != nil {
				return err
			}
			i++
		default:
			if err := d.entry(nil, -1, tb, j, base); err != nil {
				return err
			}
			j++
		}
	}
	d.buf = d.buf[:base]
	return nil
}

// entry handles one differing entry pair (one side may be missing).
func (d *differ) entry(ta *tree, i int, tb *tree, j int, base int) error {
	var name []byte
	dir := false
	if ta != nil {
		name, dir = ta.name(i), ta.isDir(i)
	} else {
		name, dir = tb.name(j), tb.isDir(j)
	}
	d.buf = append(d.buf[:base], name...)
	if dir {
		var ha, hb plumbing.Hash
		if ta != nil {
			ha = ta.hash(i)
		}
		if tb != nil {
			hb = tb.hash(j)
		}
		d.buf = append(d.buf, '/')
		return d.diffTree(ha, hb)
	}
	if !bytes.HasSuffix(name, []byte(".md")) {
		return nil
	}
	var va, vb version
	if ta != nil && isFileMode(ta.ents[i].mode) {
		va = version{ta.hash(i), ta.ents[i].mode}
	}
	if tb != nil && isFileMode(tb.ents[j].mode) {
		vb = version{tb.hash(j), tb.ents[j].mode}
	}
	if va == vb {
		return nil
	}
	d.emit(d.intern(d.buf), va, vb)
	return nil
}

func isFileMode(m uint32) bool { return m == modeFile || m == modeExec || m == modeSymlink }

// lookupPath returns the version of the file at path (relative to the
// content root) in the content tree root.
func (d *differ) lookupPath(root plumbing.Hash, path string) (version, error) {
	h := root
	for !h.IsZero() {
		t, err := d.odb.tree(h)
		if err != nil {
			return version{}, err
		}
		name, rest, more := strings.Cut(path, "/")
		i := t.lookup(name)
		if i < 0 {
			return version{}, nil
		}
		if !more {
			if t.isDir(i) || !isFileMode(t.ents[i].mode) {
				return version{}, nil
			}
			return version{t.hash(i), t.ents[i].mode}, nil
		}
		if !t.isDir(i) {
			return version{}, nil
		}
		h, path = t.hash(i), rest
	}
	return version{}, nil
}

// subtree returns the tree at the '/'-separated directory prefix of root,
// or zero when there is none.
func (d *differ) subtree(root plumbing.Hash, prefix string) (plumbing.Hash, error) {
	h := root
	for prefix != "" && !h.IsZero() {
		t, err := d.odb.tree(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		name, rest, _ := strings.Cut(prefix, "/")
		if name == "" {
			prefix = rest
			continue
		}
		h = dirEntry(t, name)
		prefix = rest
	}
	return h, nil
}

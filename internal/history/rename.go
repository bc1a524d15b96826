package history

import (
	"bytes"
	"hash/fnv"
	"path"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
)

// Rename detection, per commit, among the content files it deleted and
// added (only commits that did both are looked at):
//
//  1. exact: the added file's content equals the deleted file's (same blob),
//     same file name preferred;
//  2. identity: both files' front matter name the same document (`number:`
//     for a decision, `code:` for a procedure or process);
//  3. similarity: at least half of the lines are shared (as git's default
//     -M50%), best pairs first.
//
// Work is bounded: the content comparisons run only when the commit deleted
// and added at most maxRenamePairs pairs of files.
const (
	maxRenamePairs  = 10000
	renameThreshold = 50 // percent
)

// detectRenames pairs deletions and additions among rs, the changes of one
// commit, marking the added record with from and the deleted one with
// renamedAway.
func (l *worker) detectRenames(rs []rec) error {
	var added, deleted []int
	for k := range rs {
		r := &rs[k]
		if r.same != -1 {
			continue
		}
		switch {
		case r.old.absent() && !r.new.absent():
			added = append(added, k)
		case !r.old.absent() && r.new.absent():
			deleted = append(deleted, k)
		}
	}
	if len(added) == 0 || len(deleted) == 0 {
		return nil
	}
	pathOf := func(k int) string { return l.d.paths[rs[k].path] }
	byPath := func(ks []int) {
		sort.Slice(ks, func(i, j int) bool { return pathOf(ks[i]) < pathOf(ks[j]) })
	}
	byPath(added)
	byPath(deleted)
	pair := func(a, d int) {
		rs[a].from = rs[d].path
		rs[a].old = rs[d].old
		rs[d].renamedAway = true
	}
	taken := make(map[int]bool)
	// 1. Exact content.
	for _, d := range deleted {
		best := -1
		for _, a := range added {
			if taken[a] || rs[a].new.hash != rs[d].old.hash {
				continue
			}
			if best < 0 || path.Base(pathOf(a)) == path.Base(pathOf(d)) && path.Base(pathOf(best)) != path.Base(pathOf(d)) {
				best = a
			}
		}
		if best >= 0 {
			taken[best], taken[d] = true, true
			pair(best, d)
		}
	}
	var ra, rd []int
	for _, a := range added {
		if !taken[a] {
			ra = append(ra, a)
		}
	}
	for _, d := range deleted {
		if !taken[d] {
			rd = append(rd, d)
		}
	}
	if len(ra) == 0 || len(rd) == 0 || len(ra)*len(rd) > maxRenamePairs {
		return nil
	}
	// 2. and 3. need the contents.
	type info struct {
		id    string
		lines map[uint64]int
		n     int
	}
	load := func(h plumbing.Hash) (*info, error) {
		b, err := readObject(l.d.st, plumbing.BlobObject, h)
		if err != nil {
			return nil, err
		}
		in := &info{id: frontMatterID(b), lines: map[uint64]int{}}
		for _, line := range bytes.Split(b, []byte{'\n'}) {
			line = bytes.TrimRight(line, "\r")
			f := fnv.New64a()
			f.Write(line)
			in.lines[f.Sum64()]++
			in.n++
		}
		return in, nil
	}
	infos := map[int]*info{}
	for _, k := range ra {
		in, err := load(rs[k].new.hash)
		if err != nil {
			return err
		}
		infos[k] = in
	}
	for _, k := range rd {
		in, err := load(rs[k].old.hash)
		if err != nil {
			return err
		}
		infos[k] = in
	}
	for _, d := range rd {
		id := infos[d].id
		if id == "" {
			continue
		}
		for _, a := range ra {
			if !taken[a] && infos[a].id == id {
				taken[a], taken[d] = true, true
				pair(a, d)
				break
			}
		}
	}
	type cand struct{ a, d, score int }
	var cs []cand
	for _, d := range rd {
		if taken[d] {
			continue
		}
		for _, a := range ra {
			if taken[a] {
				continue
			}
			ia, id := infos[a], infos[d]
			common := 0
			for h, n := range id.lines {
				common += min(n, ia.lines[h])
			}
			score := 200 * common / max(1, ia.n+id.n)
			if score >= renameThreshold {
				cs = append(cs, cand{a, d, score})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	for _, c := range cs {
		if !taken[c.a] && !taken[c.d] {
			taken[c.a], taken[c.d] = true, true
			pair(c.a, c.d)
		}
	}
	return nil
}

// frontMatterID returns the document identity written in a file's YAML
// front matter: the top-level `number:` or `code:` value, unquoted, prefixed
// with the key; "" when there is none. It reads lines only: history knows
// no YAML.
func frontMatterID(b []byte) string {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	lines := bytes.Split(b, []byte{'\n'})
	if len(lines) == 0 || string(bytes.TrimRight(lines[0], "\r \t")) != "---" {
		return ""
	}
	for _, line := range lines[1:] {
		line = bytes.TrimRight(line, "\r \t")
		if string(line) == "---" {
			break
		}
		for _, key := range []string{"number:", "code:"} {
			if v, ok := bytes.CutPrefix(line, []byte(key)); ok {
				if i := bytes.Index(v, []byte(" #")); i >= 0 {
					v = v[:i]
				}
				v = bytes.Trim(bytes.TrimSpace(v), `"'`)
				if len(v) > 0 {
					return key + string(v)
				}
			}
		}
	}
	return ""
}

package history

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// History is the history of every content file, read by one Load. It is
// read-only and safe for concurrent use.
type History struct {
	// Commits are every commit reachable from HEAD, newest first (the order
	// of `git log`).
	Commits []*qms.Commit
	// Head is the commit HEAD points to; nil when the repository has no
	// commits yet.
	Head *qms.Commit
	// Shallow reports that the repository is a shallow clone (or misses
	// objects): history before the boundary commits is unknown.
	Shallow bool
	// ShallowSince is, for a shallow clone, the newest date (author date) of
	// the boundary commits: from then on the history is complete.
	ShallowSince time.Time
	// Groups are the merges on HEAD's first-parent line, newest first, each
	// with the commits it brought in: a merged pull request as one entry of
	// the change log.
	Groups []Group

	repo     *Repo
	docs     map[string][]qms.Revision
	paths    []string
	deleted  []string
	byCommit map[string][]qms.Revision
	byHash   map[string]*qms.Commit
	mergedBy map[string]*qms.Commit
}

// Group is a merge commit on HEAD's first-parent line and the commits it
// brought in (reachable from its other parents, not from its first).
type Group struct {
	Merge *qms.Commit
	// Commits are the side-branch commits, newest first.
	Commits []*qms.Commit
	// Paths are the documents the group changed: those with a revision at
	// the merge or at one of Commits (the path at that revision), sorted.
	Paths []string
}

// Revisions returns the revisions of the document whose current path (at
// HEAD, relative to the content root) is path, newest first; or, for a
// document no longer at HEAD, of its last path (see Deleted). nil when
// there are none.
func (h *History) Revisions(path string) []qms.Revision { return h.docs[path] }

// Paths returns the content files at HEAD, sorted.
func (h *History) Paths() []string { return h.paths }

// Deleted returns the paths of documents that were deleted and are not at
// HEAD (a file renamed away is not deleted: it lives on at its new path),
// sorted. Their revisions end with the deletion.
func (h *History) Deleted() []string { return h.deleted }

// Changes returns the revisions commit hash made, one per document it
// changed (as listed in the documents' histories), sorted by path.
func (h *History) Changes(hash string) []qms.Revision { return h.byCommit[hash] }

// Commit returns the commit with the given full hash, or nil.
func (h *History) Commit(hash string) *qms.Commit { return h.byHash[hash] }

// MergedBy returns the merge on HEAD's first-parent line that brought
// commit hash in, or nil when the commit is itself on that line.
func (h *History) MergedBy(hash string) *qms.Commit { return h.mergedBy[hash] }

// Blob returns the content of the blob with the given hash; the caller
// owns the returned slice. Content that does not match the hash (a damaged
// object that still inflates) is an error, never shown as the document.
func (r *Repo) Blob(hash string) ([]byte, error) {
	if !plumbing.IsHash(hash) {
		return nil, fmt.Errorf("đọc blob %q: mã băm không hợp lệ", hash)
	}
	hh := plumbing.NewHash(hash)
	b, err := r.objs.read(plumbing.BlobObject, hh)
	if err == nil && plumbing.ComputeHash(plumbing.BlobObject, b) != hh {
		err = fmt.Errorf("blob %s: nội dung không khớp mã băm (đối tượng hỏng)", hh)
	}
	return b, err
}

// build turns the loader's records into a History.
func (l *loader) build() *History {
	g := l.g
	commits := l.commits()
	f := newFPForest(g)
	stops := make([][]int32, len(l.d.paths))
	cands := make([][]int32, len(l.d.paths))
	for k := range l.recs {
		r := &l.recs[k]
		if len(g.nodes[r.commit].parents) > 1 || r.from >= 0 {
			stops[r.path] = append(stops[r.path], int32(k))
		} else {
			cands[r.path] = append(cands[r.path], int32(k))
		}
	}
	atHead := make([]bool, len(l.d.paths))
	if len(g.nodes) > 0 {
		l.d.emit = func(p []byte, _, _ version) {
			if id, ok := l.d.ids[string(p)]; ok { // always: HEAD's files have changes
				atHead[id] = true
			}
		}
		// Errors here were already met reading the same trees in the diffs.
		_ = l.d.diffContent(plumbing.ZeroHash, g.nodes[0].ctree)
	}
	// The documents (at HEAD, or deleted) and their records, newest first.
	type doc struct {
		path string
		lin  []int32
	}
	var docs []doc
	var paths, deleted []string
	for p, s := range l.d.paths {
		lin := l.lineage(f, stops, cands, 0, int32(p))
		if atHead[p] {
			paths = append(paths, s)
			docs = append(docs, doc{s, lin})
			continue
		}
		if len(lin) == 0 || l.recs[lin[0]].renamedAway || !l.recs[lin[0]].new.absent() {
			continue
		}
		deleted = append(deleted, s)
		docs = append(docs, doc{s, lin})
	}
	sort.Strings(paths)
	sort.Strings(deleted)
	h := newHistory(l.r, g, commits, paths, deleted)
	// Each record listed is made into a revision once (uses counts how many
	// documents list it: a record can be in two histories).
	uses := make([]int32, len(l.recs))
	for _, d := range docs {
		for _, k := range d.lin {
			uses[k]++
		}
	}
	revs := make([]qms.Revision, len(l.recs))
	for k := range l.recs {
		if uses[k] > 0 {
			revs[k] = l.revision(commits, int32(k))
		}
	}
	for _, d := range docs {
		list := make([]qms.Revision, len(d.lin))
		for i, k := range d.lin {
			list[i] = revs[k]
		}
		h.docs[d.path] = list
	}
	// Changes: a commit's records in the order made, as often as listed,
	// sorted by path (equal paths are equal revisions).
	for c := range g.nodes {
		var list []qms.Revision
		for k := l.span[c][0]; k < l.span[c][1]; k++ {
			for u := uses[k]; u > 0; u-- {
				list = append(list, revs[k])
			}
		}
		if list == nil {
			continue
		}
		if len(list) > 1 {
			slices.SortFunc(list, func(a, b qms.Revision) int { return strings.Compare(a.Path, b.Path) })
		}
		h.byCommit[commits[c].Hash] = list
	}
	for i := range g.nodes {
		if g.nodes[i].boundary {
			h.Shallow = true
			if d := commits[i].Date; d.After(h.ShallowSince) {
				h.ShallowSince = d
			}
		}
	}
	h.Groups, h.mergedBy = groups(g, commits)
	for i := range h.Groups {
		gr := &h.Groups[i]
		seen := map[string]bool{}
		for _, c := range append([]*qms.Commit{gr.Merge}, gr.Commits...) {
			for _, rv := range h.byCommit[c.Hash] {
				if !seen[rv.Path] {
					seen[rv.Path] = true
					gr.Paths = append(gr.Paths, rv.Path)
				}
			}
		}
		sort.Strings(gr.Paths)
	}
	return h
}

// commits makes the reader-facing commits.
func (l *loader) commits() []*qms.Commit {
	g := l.g
	commits := make([]*qms.Commit, len(g.nodes))
	for i := range g.nodes {
		n := &g.nodes[i]
		commits[i] = toCommit(n.hash, n.raw, n.boundary, l.mm)
		n.raw = nil
	}
	setShort(commits)
	return commits
}

func newHistory(r *Repo, g *graph, commits []*qms.Commit, paths, deleted []string) *History {
	h := &History{
		Commits:  commits,
		repo:     r,
		paths:    paths,
		deleted:  deleted,
		docs:     map[string][]qms.Revision{},
		byCommit: map[string][]qms.Revision{},
		byHash:   make(map[string]*qms.Commit, len(commits)),
		mergedBy: map[string]*qms.Commit{},
	}
	if len(commits) > 0 {
		h.Head = commits[0]
	}
	for _, c := range commits {
		h.byHash[c.Hash] = c
	}
	return h
}

// revision converts record k.
func (l *loader) revision(commits []*qms.Commit, k int32) qms.Revision {
	r := &l.recs[k]
	n := &l.g.nodes[r.commit]
	rv := qms.Revision{Commit: commits[r.commit], Path: l.d.paths[r.path]}
	if !r.new.absent() {
		rv.Blob = r.new.hash.String()
	}
	if !r.old.absent() {
		rv.ParentBlob = r.old.hash.String()
	}
	switch {
	case n.boundary:
		rv.Boundary = true
		rv.Change = qms.ChangeUnknown
	case r.from >= 0:
		rv.Change = qms.ChangeRenamed
		rv.OldPath = l.d.paths[r.from]
	case r.old.absent():
		rv.Change = qms.ChangeAdded
	case r.new.absent():
		rv.Change = qms.ChangeDeleted
	default:
		rv.Change = qms.ChangeModified
	}
	return rv
}

// setShort gives every commit the shortest hash prefix, at least 7
// characters, that is unique among commits.
func setShort(commits []*qms.Commit) {
	hs := make([]string, len(commits))
	for i, c := range commits {
		hs[i] = c.Hash
	}
	sort.Strings(hs)
	n := 7
	for i := 1; i < len(hs); i++ {
		for n < 40 && hs[i][:n] == hs[i-1][:n] {
			n++
		}
	}
	for _, c := range commits {
		c.Short = c.Hash[:n]
	}
}

// groups finds, for each merge on HEAD's first-parent line, the commits it
// brought in. The line is processed oldest first; every commit reachable
// from what was processed before is claimed, so a merge's group is what its
// other parents reach that is not yet claimed.
func groups(g *graph, commits []*qms.Commit) ([]Group, map[string]*qms.Commit) {
	mergedBy := map[string]*qms.Commit{}
	if len(g.nodes) == 0 {
		return nil, mergedBy
	}
	var line []int32
	for c := int32(0); ; {
		line = append(line, c)
		ps := g.nodes[c].parents
		if len(ps) == 0 {
			break
		}
		c = ps[0]
	}
	claimed := make([]bool, len(g.nodes))
	var out []Group
	var stack []int32
	for i := len(line) - 1; i >= 0; i-- {
		c := line[i]
		// Everything reachable through first parents below c is claimed
		// by earlier iterations, except the first time (the root part).
		stack = append(stack[:0], c)
		var members []int32
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if claimed[x] {
				continue
			}
			claimed[x] = true
			if x != c {
				members = append(members, x)
			}
			stack = append(stack, g.nodes[x].parents...)
		}
		if len(g.nodes[c].parents) < 2 {
			continue
		}
		slices.Sort(members)
		gr := Group{Merge: commits[c]}
		for _, m := range members {
			gr.Commits = append(gr.Commits, commits[m])
			mergedBy[commits[m].Hash] = commits[c]
		}
		out = append(out, gr)
	}
	slices.Reverse(out) // newest first
	return out, mergedBy
}

// ShallowWarning is the one warning to print for a shallow clone: since
// when history is known and how to fetch all of it; "" when the history is
// complete.
func (h *History) ShallowWarning() string {
	if !h.Shallow {
		return ""
	}
	return fmt.Sprintf("kho git là bản sao nông (shallow clone): lịch sử trước ngày %s không có, "+
		"các trang ghi rõ lịch sử bị cắt; lấy đủ lịch sử bằng \"git fetch --unshallow\" "+
		"(GitHub Actions: actions/checkout với fetch-depth: 0; GitLab CI: GIT_DEPTH: 0; Bitbucket: clone: depth: full)",
		h.ShallowSince.Format("02/01/2006"))
}

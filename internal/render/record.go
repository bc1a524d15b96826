package render

import (
	"sync"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// amendmentRow is one row of a process's amendment record ("Theo dõi sửa
// đổi", record.html).
type amendmentRow struct {
	Revision  string
	Effective string
	Change    string
	// Decision is the approving decision with its status as of the build
	// date; nil when the row names none.
	Decision *docLink
	// Version is the page of the revision that introduced the issue, when
	// git has it; "" otherwise.
	Version string
}

// issueCommits are, for one document's history, the revision that
// introduced each issue: the oldest revision of the file whose front
// matter has that `revision:`. It is computed once per document, on
// first use, since the current page and every revision page need it.
type issueCommits struct {
	once sync.Once
	by   map[int]qms.Revision
}

// amendmentRows makes the amendment record of process p, oldest first. cur
// is the current document of p's history (p itself for a current page).
func (s *Site) amendmentRows(p *qms.Process, cur qms.Document) []amendmentRow {
	var introduced map[int]qms.Revision
	dh := s.histOfDoc(cur)
	if dh != nil {
		introduced = s.issuesOf(dh)
	}
	record := p.Record()
	out := make([]amendmentRow, 0, len(record))
	for _, a := range record {
		r := amendmentRow{Revision: revisionText(a.Revision), Effective: dateVN(a.Effective), Change: a.Change}
		if a.ApprovedBy != nil {
			l := s.x.citationLink(*a.ApprovedBy)
			r.Decision = &l
		}
		if rv, ok := introduced[a.Revision]; ok {
			r.Version = s.base + dh.revisionURL(rv.Commit.Hash)
			if r.Change == "" {
				r.Change = rv.Commit.Trailer("Change-reason")
			}
		}
		out = append(out, r)
	}
	return out
}

// histOfDoc returns the history of a current or deleted document, or nil.
func (s *Site) histOfDoc(doc qms.Document) *docHistory {
	if s.hist == nil || doc == nil {
		return nil
	}
	return s.hist[doc]
}

// issuesOf returns the revision that introduced each issue of the process
// of dh, by issue number.
func (s *Site) issuesOf(dh *docHistory) map[int]qms.Revision {
	dh.issues.once.Do(func() { dh.issues.by = s.findIssues(dh) })
	return dh.issues.by
}

// findIssues reads the history of dh oldest first and keeps, for each
// value of `revision:`, the first revision of the file that has it. A
// blob that cannot be read or parsed is skipped: the row then has no
// link, which costs the page nothing else.
func (s *Site) findIssues(dh *docHistory) map[int]qms.Revision {
	by := map[int]qms.Revision{}
	seen := map[int]bool{}
	for i := len(dh.revs) - 1; i >= 0; i-- {
		rv := dh.revs[i]
		if rv.Blob == "" || rv.Commit == nil {
			continue
		}
		pb, err := s.revisionDoc(rv.Path, rv.Blob)
		if err != nil {
			continue
		}
		p, ok := pb.doc.(*qms.Process)
		if !ok || p.Revision <= 0 {
			continue
		}
		if seen[p.Revision] {
			continue
		}
		seen[p.Revision] = true
		// At a shallow clone's boundary the issue may be older than the
		// commit: no commit is known to have introduced it.
		if !rv.Boundary {
			by[p.Revision] = rv
		}
	}
	return by
}

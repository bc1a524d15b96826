package render

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// History is the git history of the content as the site shows it. Package
// build makes it from internal/history; render itself knows no git. Every
// func must be safe for concurrent use.
type History struct {
	// Revisions returns the revisions of the document whose current path
	// (relative to the content root) is path, newest first; for a path in
	// Deleted, the revisions of the document deleted from it, the deletion
	// first.
	Revisions func(path string) []qms.Revision
	// Deleted are the paths of documents deleted from HEAD, each the
	// document's last path. A deleted document keeps its pages at the URL
	// it had: a page saying it was deleted (deleted.go), its history page,
	// its revision pages and its feed; its changes on /changes/ link to
	// them. Only when a current document has that URL are its changes
	// listed without links.
	Deleted []string
	// Commits are every commit reachable from HEAD, newest first.
	Commits []*qms.Commit
	// Groups are the merges on HEAD's first-parent line, newest first, with
	// the commits each brought in: a merged pull request is one entry of
	// /changes/ and of /feed.xml.
	Groups []CommitGroup
	// Read returns the content of a blob (qms.Revision.Blob, ParentBlob).
	Read func(blob string) ([]byte, error)
	// Parse parses a file's content as the document at path (a content
	// path: its first element gives the kind); nil when it cannot be read.
	Parse func(path string, data []byte) qms.Document
	// Shallow reports a shallow clone: history before ShallowSince is
	// missing, and a document whose oldest revision is a boundary commit
	// (qms.Revision.Boundary) says so on its pages.
	Shallow      bool
	ShallowSince time.Time
	// Uncommitted are the content files whose working-tree file differs
	// from HEAD, by content path, with what differs ("đã sửa, chưa
	// commit"). The site is built from the working tree and its history
	// from HEAD; a clean document's latest revision is the document
	// already loaded and is not parsed again.
	Uncommitted map[string]string
	// ShowUncommitted marks the documents in Uncommitted on their pages
	// ("Chưa lưu phiên bản", qms serve).
	ShowUncommitted bool
}

// CommitGroup is a merge on HEAD's first-parent line and the commits it
// brought in, newest first.
type CommitGroup struct {
	Merge   *qms.Commit
	Commits []*qms.Commit
}

// docHistory is the history of one published document, or of a document
// deleted from the repository.
type docHistory struct {
	// doc is the document; for a deleted one, its last version in git,
	// parsed with History.Parse (see deletedDoc).
	doc  qms.Document
	url  string // the document's page, site-relative ("processes/qt-01/")
	revs []qms.Revision
	// gone is the path a deleted document was deleted from (an entry of
	// History.Deleted); "" for a current document. A deleted document's
	// url is its tombstone page (deleted.go).
	gone string
	// truncated: the oldest revision is a shallow clone's boundary.
	truncated bool
	// dirty is Uncommitted's text for the document when it is shown, ""
	// when clean or not shown; modified is true when the file differs from
	// HEAD.
	dirty    string
	modified bool
	// issues are the revisions that introduced each issue of a process
	// (issuesOf).
	issues issueCommits
}

// historyURL is the history page of the document, site-relative.
func (h *docHistory) historyURL() string { return h.url + "history/" }

// revisionURL is the page of the revision made by commit hash.
func (h *docHistory) revisionURL(hash string) string { return h.url + "history/" + hash + ".html" }

// feedURL is the document's Atom feed.
func (h *docHistory) feedURL() string { return h.url + "feed.xml" }

// histDocLink links to the document of a history: its current page, or a
// deleted document's tombstone page, tagged as deleted.
func (s *Site) histDocLink(dh *docHistory) docLink {
	l := s.x.docLinkOf(dh.doc)
	if dh.gone != "" {
		l.URL = s.base + dh.url
		l.Tag = deletedTag()
	}
	return l
}

// buildHistory indexes the history of every published document and
// parses the history templates.
func (s *Site) buildHistory(fsys fs.FS) error {
	hist := s.opts.History
	if hist == nil || hist.Revisions == nil {
		return nil
	}
	if hist.Read == nil {
		return errors.New("render: History.Read is not set")
	}
	for _, name := range []string{"history", "changes"} {
		if err := s.parseHistoryTemplate(fsys, name); err != nil {
			return err
		}
	}
	if err := s.parseRevisionTemplates(fsys); err != nil {
		return err
	}
	s.blobs = newCache[blobKey, parsedBlob](256)
	s.hist = map[qms.Document]*docHistory{}
	for _, doc := range s.x.c.Documents() {
		u, ok := s.x.urls[doc]
		if !ok {
			continue
		}
		p := doc.Base().Path
		dirty, modified := hist.Uncommitted[p]
		dh := &docHistory{doc: doc, url: u, revs: hist.Revisions(p), modified: modified}
		if hist.ShowUncommitted {
			dh.dirty = dirty
		}
		if n := len(dh.revs); n > 0 && dh.revs[n-1].Boundary {
			dh.truncated = true
		}
		s.hist[doc] = dh
		s.histOrder = append(s.histOrder, dh)
	}
	unlinked, err := s.buildDeleted(fsys)
	if err != nil {
		return err
	}
	s.changes = s.buildChanges(unlinked)
	return nil
}

// parseHistoryTemplate parses templates/<name>.html on top of the common
// templates as the page template name.
func (s *Site) parseHistoryTemplate(fsys fs.FS, name string) error {
	t, err := s.tmpl["notfound"].Clone()
	if err != nil {
		return fmt.Errorf("render: templates: %w", err)
	}
	if _, err := t.ParseFS(fsys, "templates/"+name+".html"); err != nil {
		return fmt.Errorf("render: template %s: %w", name, err)
	}
	s.tmpl[name] = t
	return nil
}

// historyOf returns the history of the document at content path, or nil.
func (s *Site) historyOf(path string) *docHistory {
	if s.hist == nil {
		return nil
	}
	return s.hist[s.x.byPath[path]]
}

// historyFilesExcept lists the history pages, feeds and revision pages of
// every published or deleted document not in done (Files lists those after
// each document's page), then /changes/ and /feed.xml.
func (s *Site) historyFilesExcept(done map[*docHistory]bool) []File {
	if s.hist == nil {
		return nil
	}
	var fs []File
	for _, dh := range s.histOrder {
		if !done[dh] {
			fs = s.appendDocHistoryFiles(fs, dh)
		}
	}
	fs = append(fs, s.changesFiles()...)
	fs = append(fs, File{Path: "feed.xml", Write: s.writeSiteFeed})
	return fs
}

// appendDocHistoryFiles appends the history files of one document: its
// tombstone page when deleted, its history page, its feed and a page per
// revision.
func (s *Site) appendDocHistoryFiles(fs []File, dh *docHistory) []File {
	if dh.gone != "" {
		fs = append(fs, File{Path: dh.url + "index.html", Write: func(w io.Writer) error { return s.writeDeleted(w, dh) }})
	}
	fs = append(fs,
		File{Path: dh.historyURL() + "index.html", Write: func(w io.Writer) error { return s.writeHistory(w, dh) }},
		File{Path: dh.feedURL(), Write: func(w io.Writer) error { return s.writeDocFeed(w, dh) }},
	)
	for i := range dh.revs {
		fs = append(fs, File{Path: dh.revisionURL(dh.revs[i].Commit.Hash), Write: func(w io.Writer) error { return s.writeRevision(w, dh, i) }})
	}
	return fs
}

// lastChange is the "Lần thay đổi cuối" of a document from its history.
func (s *Site) lastChange(path string) (LastChange, bool) {
	if lc, ok := s.opts.LastChanged[path]; ok {
		return lc, true
	}
	dh := s.historyOf(path)
	if dh == nil {
		return LastChange{}, false
	}
	lc := LastChange{HistoryURL: dh.historyURL(), Uncommitted: dh.dirty}
	if len(dh.revs) > 0 {
		r := dh.revs[0]
		lc.Commit = r.Commit.Short
		lc.Date = qms.DateOf(r.Commit.Date)
		lc.Truncated = r.Boundary
	}
	return lc, true
}

// historyBanners are the banners a document's pages show about its history:
// history truncated by a shallow clone.
func (s *Site) historyBanners(dh *docHistory) []banner {
	if dh == nil || !dh.truncated {
		return nil
	}
	since := s.opts.History.ShallowSince
	return []banner{{
		Class: "info", Title: "Lịch sử không đầy đủ",
		Heading: "Lịch sử thay đổi của tài liệu này bị cắt ngắn: chỉ có từ ngày " + dateOf(since) + ".",
		Lines: []bannerLine{{Text: "Trang được dựng từ một bản lưu trữ không đầy đủ lịch sử, nên các thay đổi trước ngày " +
			dateOf(since) + " không hiển thị và ngày thay đổi cũ nhất có thể không đúng."}},
	}}
}

// dateOf formats a git date dd/mm/yyyy in its own time zone.
func dateOf(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("02/01/2006")
}

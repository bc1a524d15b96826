package render

import (
	"io"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// historyData is the data of history.html.
type historyData struct {
	Heading string
	Doc     docLink
	// Uncommitted is what differs in the working tree, "" when clean.
	Uncommitted string
	Revisions   []revisionRow
	Feed        string
	Truncated   string // the date from which the history is complete
}

// revisionRow is one revision in a list.
type revisionRow struct {
	Short   string
	URL     string
	Date    string
	Author  string
	Subject string
	// Change says what the commit did to the file when it is more than an
	// edit: created, renamed, deleted, oldest known state.
	Change   string
	Trailers []row
	Current  bool
}

// trailerLabels name the commit trailers shown to readers, in this order.
var trailerLabels = []struct{ Key, Label string }{
	{"Approved-by", "Người phê duyệt"},
	{"Reviewed-by", "Người xem xét"},
	{"Change-reason", "Lý do thay đổi"},
}

// trailerRows are a commit's known trailers as summary rows; several
// trailers with one key are joined.
func trailerRows(c *qms.Commit) []row {
	var out []row
	for _, tl := range trailerLabels {
		var vals []string
		for _, t := range c.Trailers {
			if strings.EqualFold(t.Key, tl.Key) && strings.TrimSpace(t.Value) != "" {
				vals = append(vals, strings.TrimSpace(t.Value))
			}
		}
		if len(vals) > 0 {
			out = append(out, row{Key: tl.Label, Text: strings.Join(vals, "; ")})
		}
	}
	return out
}

// changeText says what a revision did to the file, "" for an edit.
func (s *Site) changeText(r qms.Revision) string {
	switch {
	case r.Boundary:
		return "Trạng thái cũ nhất được lưu (lịch sử trước đó bị cắt ngắn)"
	case r.Change == qms.ChangeAdded:
		return "Tạo mới"
	case r.Change == qms.ChangeRenamed:
		return s.renameText(r)
	case r.Change == qms.ChangeDeleted:
		return "Xóa tài liệu"
	}
	return ""
}

// renameText says what moving a document's file did, in the reader's
// terms rather than file paths: the code or number the document had
// before, when the move came with a new one (a file is named after it),
// else that only its place in the manual's folders changed.
func (s *Site) renameText(r qms.Revision) string {
	before, after := s.idAt(r.OldPath, r.ParentBlob), s.idAt(r.Path, r.Blob)
	if before == "" || before == after {
		return "Chuyển vị trí lưu trữ"
	}
	if top, _, _ := strings.Cut(r.Path, "/"); qms.KindOfDir(top) == qms.KindDecision {
		return "Đổi số, ký hiệu; trước đây là " + before
	}
	return "Đổi mã; trước đây là " + before
}

// idAt is the code or number of the document at file in blob, "" when it
// cannot be read.
func (s *Site) idAt(file, blob string) string {
	if blob == "" {
		return ""
	}
	pb, err := s.revisionDoc(file, blob)
	if err != nil || pb.doc == nil {
		return ""
	}
	return pb.doc.ID()
}

func (s *Site) revisionRow(dh *docHistory, i int) revisionRow {
	r := dh.revs[i]
	c := r.Commit
	return revisionRow{
		Short: c.Short, URL: s.base + dh.revisionURL(c.Hash), Date: dateOf(c.Date), Author: c.Author,
		Subject: c.Subject, Change: s.changeText(r), Trailers: trailerRows(c), Current: i == 0 && dh.gone == "",
	}
}

func (s *Site) writeHistory(w io.Writer, dh *docHistory) error {
	doc := dh.doc
	heading := doc.Heading()
	l := s.histDocLink(dh)
	id := l.Text
	pg := s.newPage("Lịch sử thay đổi — "+id, dh.doc.Base().Kind.Dir(), dh.historyURL())
	pg.Description = "Lịch sử thay đổi của " + lowerFirst(docDescription(doc.Base().Kind.Label(), id, heading, nil))
	pg.Crumbs = []link{{"Trang chủ", s.base}, {doc.Base().Kind.Label(), s.base + doc.Base().Kind.Dir() + "/"}, {id, s.base + dh.url}}
	pg.Banners = append(s.deletedBanners(dh), s.historyBanners(dh)...)
	pg.Feeds = append(pg.Feeds, link{Text: "Thay đổi của tài liệu này", URL: s.base + dh.feedURL()})
	d := historyData{Heading: heading, Doc: l, Uncommitted: dh.dirty, Feed: s.base + dh.feedURL()}
	if dh.truncated {
		d.Truncated = dateOf(s.opts.History.ShallowSince)
	}
	for i := range dh.revs {
		d.Revisions = append(d.Revisions, s.revisionRow(dh, i))
	}
	pg.Data = d
	return s.exec(w, "history", pg)
}

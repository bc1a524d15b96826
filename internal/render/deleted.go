package render

import (
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// A document deleted from the repository (History.Deleted) keeps the URL
// it had, /<kind>/<stem>/, where a tombstone page says that and when it was
// deleted and links to its history; its history page, revision pages and
// feed are those of any document (history.go), and /changes/ links to
// them. Its last version in git stands for the document: its code and
// title name it, and a deleted decision's status is statusDeleted. It is
// not in the corpus, so the lists, the dashboard, the search index and the
// checks know nothing of it; sitemap.xml lists its pages.
//
// When a current document has the URL (the same kind and stem, such as a
// file deleted from a sub-folder while another of the same name lives on),
// the current document keeps it and the deleted one gets no pages: its
// changes are listed on /changes/ without links.

// statusDeleted is a deleted decision's status on its revision pages.
// qms.StatusKind.Label shows a kind it does not know as it is, and
// decisionTag shows it grey, as deletedTag does.
const statusDeleted qms.StatusKind = "Đã bị xóa"

// deletedTag marks a deleted document in links to it.
func deletedTag() *tag { return &tag{Label: string(statusDeleted), Class: "grey"} }

// stemURL is the URL index.assignURLs gives a document of kind whose file
// stem is stem, when no other document has taken it.
func stemURL(kind qms.Kind, stem string) string { return qms.PagePath(kind, stem) }

// buildDeleted gives every deleted document that can have pages a
// docHistory (appended to histOrder) and returns the deleted paths that
// cannot: their URL is a current document's, or no version of them can be
// read. It does nothing, and parses no template, without deleted
// documents.
func (s *Site) buildDeleted(fsys fs.FS) ([]string, error) {
	hist := s.opts.History
	if len(hist.Deleted) == 0 {
		return nil, nil
	}
	// Every URL a current document has or would have (a draft, a
	// duplicate stem) is live.
	live := map[string]bool{}
	for _, doc := range s.x.c.Documents() {
		b := doc.Base()
		live[stemURL(b.Kind, b.Stem)] = true
		if u, ok := s.x.urls[doc]; ok {
			live[u] = true
		}
	}
	used := map[string]bool{}
	var unlinked []string
	var deleted []*docHistory
	for _, p := range hist.Deleted {
		revs := hist.Revisions(p)
		kind := qms.KindOfDir(strings.SplitN(p, "/", 2)[0])
		last := lastContent(revs)
		u := stemURL(kind, strings.TrimSuffix(path.Base(p), ".md"))
		if kind == 0 || last < 0 || live[u] {
			unlinked = append(unlinked, p)
			continue
		}
		// Two deleted documents with one stem: the later path gets
		// "-2", as duplicate stems do among current documents.
		base := strings.TrimSuffix(u, "/")
		for i := 2; live[u] || used[u]; i++ {
			u = base + "-" + strconv.Itoa(i) + "/"
		}
		used[u] = true
		dh := &docHistory{doc: s.deletedDoc(kind, p, revs[last]), url: u, revs: revs, gone: p}
		if n := len(revs); revs[n-1].Boundary {
			dh.truncated = true
		}
		deleted = append(deleted, dh)
	}
	if len(deleted) > 0 {
		if err := s.parseHistoryTemplate(fsys, "deleted"); err != nil {
			return nil, err
		}
	}
	s.histOrder = append(s.histOrder, deleted...)
	return unlinked, nil
}

// lastContent is the index of the newest revision that has the file's
// content (not a deletion), or -1.
func lastContent(revs []qms.Revision) int {
	for i, r := range revs {
		if r.Blob != "" {
			return i
		}
	}
	return -1
}

// deletedDoc is the document deleted from path p as its last version rv
// shows it; when that cannot be read or parsed, a document of its kind
// titled with its path.
func (s *Site) deletedDoc(kind qms.Kind, p string, rv qms.Revision) qms.Document {
	if pb, err := s.revisionDoc(rv.Path, rv.Blob); err == nil && pb.doc != nil {
		if d, ok := pb.doc.(*qms.Decision); ok {
			// New is still building the index: no page is rendered yet.
			s.x.status[d] = qms.Status{Kind: statusDeleted}
		}
		return pb.doc
	}
	b := qms.Doc{Kind: kind, Path: p, Stem: strings.TrimSuffix(path.Base(p), ".md")}
	switch kind {
	case qms.KindProcess:
		return &qms.Process{Doc: b, Title: p}
	case qms.KindProcedure:
		return &qms.Procedure{Doc: b, Title: p}
	}
	d := &qms.Decision{Doc: b, Title: p}
	s.x.status[d] = qms.Status{Kind: statusDeleted}
	return d
}

// deletedData is the data of deleted.html, a deleted document's
// tombstone page.
type deletedData struct {
	Kind    string
	Tag     *tag
	Heading string
	Summary []row
	// Last is the revision page of the document's last version.
	Last    link
	History link
	Feed    string
}

// idKeys name a document's identity in a summary list, by kind.
var idKeys = map[qms.Kind]string{
	qms.KindProcess: "Mã hiệu", qms.KindProcedure: "Mã thủ tục", qms.KindDecision: "Số, ký hiệu",
}

// writeDeleted renders the tombstone page of a deleted document: what it
// was, when, by whom and why it was deleted, and links to its last version
// and its history.
func (s *Site) writeDeleted(w io.Writer, dh *docHistory) error {
	doc := dh.doc
	kind := doc.Base().Kind
	l := s.histDocLink(dh)
	heading := l.Text
	if l.Title != "" && l.Title != l.Text {
		heading += " — " + l.Title
	}
	del := dh.revs[0]
	lastRev := dh.revs[max(lastContent(dh.revs), 0)]
	c := del.Commit
	at := "lần thay đổi " + c.Short + " ngày " + dateOf(c.Date)
	lastAt := "phiên bản " + lastRev.Commit.Short + " ngày " + dateOf(lastRev.Commit.Date)
	d := deletedData{
		Kind: kind.Label(), Tag: deletedTag(), Heading: heading,
		Last:    link{Text: "Nội dung cuối cùng trước khi xóa (" + lastAt + ")", URL: s.base + dh.revisionURL(lastRev.Commit.Hash)},
		History: link{Text: "Lịch sử thay đổi (" + strconv.Itoa(len(dh.revs)) + " phiên bản)", URL: s.base + dh.historyURL()},
		Feed:    s.base + dh.feedURL(),
	}
	if id := doc.ID(); id != "" && id != "/" {
		d.Summary = append(d.Summary, row{Key: idKeys[kind], Text: id})
	}
	d.Summary = append(d.Summary,
		row{Key: "Tệp", Text: dh.gone},
		row{Key: "Trạng thái", Tag: deletedTag()},
		row{Key: "Ngày bị xóa", Link: &link{Text: dateOf(c.Date), URL: s.base + dh.revisionURL(c.Hash)}, Extra: "mã thay đổi " + c.Short},
		row{Key: "Người thực hiện", Text: orDash(c.Author)},
		row{Key: "Nội dung thay đổi", Text: orDash(c.Subject)},
	)
	d.Summary = append(d.Summary, trailerRows(c)...)
	if m := s.changes.mergedBy[c.Hash]; m != nil {
		d.Summary = append(d.Summary, row{Key: "Hợp nhất vào nhánh chính", Text: m.Subject, Extra: "mã thay đổi " + m.Short + ", ngày " + dateOf(m.Date)})
	}
	d.Summary = append(d.Summary,
		row{Key: "Phiên bản cuối cùng", Link: &link{Text: lastAt, URL: d.Last.URL}},
		row{Key: "Lịch sử thay đổi", Link: &d.History},
	)

	pg := s.newPage(heading+" (đã bị xóa)", kind.Dir(), dh.url)
	pg.Description = docDescription(kind.Label(), doc.ID(), l.Title, deletedTag())
	pg.Crumbs = []link{{"Trang chủ", s.base}, {kind.Label(), s.base + kind.Dir() + "/"}}
	pg.Banners = append([]banner{{
		Class: "obsolete", Title: "Tài liệu đã bị xóa", Heading: "TÀI LIỆU ĐÃ BỊ XÓA",
		Lines: []bannerLine{
			{Text: "Tài liệu này đã bị xóa khỏi sổ tay tại " + at + " (" + orDash(c.Author) + ": " + orDash(c.Subject) +
				"). Trang này chỉ được giữ để tra cứu; không dùng tài liệu này để giải quyết công việc."},
			{Links: []docLink{{Text: d.Last.Text, URL: d.Last.URL}, {Text: "Lịch sử thay đổi", URL: d.History.URL}}},
		},
	}}, s.historyBanners(dh)...)
	pg.Feeds = append(pg.Feeds, link{Text: "Thay đổi của tài liệu này", URL: d.Feed})
	pg.Data = d
	return s.exec(w, "deleted", pg)
}

// deletedBanners say on the history and revision pages of a deleted
// document that it was deleted, linking to its tombstone page; nil for a
// current document.
func (s *Site) deletedBanners(dh *docHistory) []banner {
	if dh.gone == "" {
		return nil
	}
	c := dh.revs[0].Commit
	return []banner{{
		Class: "obsolete", Title: "Tài liệu đã bị xóa", Heading: "TÀI LIỆU ĐÃ BỊ XÓA",
		Lines: []bannerLine{{
			Text:  "Tài liệu này đã bị xóa khỏi sổ tay tại lần thay đổi " + c.Short + " ngày " + dateOf(c.Date) + ".",
			Links: []docLink{{Text: "Trang tài liệu đã bị xóa", URL: s.base + dh.url}},
		}},
	}}
}

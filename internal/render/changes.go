package render

import (
	"io"
	"sort"
	"strconv"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// changeLog is every change to every document, for /changes/ and
// /feed.xml: one entry per commit that changed a document, or per merged
// pull request (a merge on HEAD's first-parent line with the commits it
// brought in), newest first.
type changeLog struct {
	entries []*changeEntry
	// mergedBy maps a side-branch commit to the merge that brought it in.
	mergedBy map[string]*qms.Commit
	months   []*changeMonth // newest first
}

// changeEntry is one entry of the change log.
type changeEntry struct {
	commit *qms.Commit // the commit, or the merge of a group
	// group is the number of side-branch commits a merge brought in; 0 for
	// a plain commit.
	group int
	docs  []changeDoc
	month *changeMonth
}

// changeDoc is one document revision of an entry.
type changeDoc struct {
	rev qms.Revision
	// dh is nil for a deleted document without pages (whose URL is a
	// current document's; see deleted.go).
	dh *docHistory
}

// changeMonth is the entries of one calendar month (in each commit's own
// time zone), newest first.
type changeMonth struct {
	key     string // "2024/03"
	label   string // "03/2024"
	entries []*changeEntry
}

func (m *changeMonth) url() string { return "changes/" + m.key + "/" }

// changesFront is how many entries /changes/ shows; the month pages show
// all, and frontDocs bounds the documents listed per entry on /changes/.
const (
	changesFront = 100
	frontDocs    = 50
)

// buildChanges collects the change log from the revisions of every
// document with a history (histOrder, deleted ones included) and of the
// deleted documents without pages (unlinked).
func (s *Site) buildChanges(unlinked []string) *changeLog {
	hist := s.opts.History
	log := &changeLog{mergedBy: map[string]*qms.Commit{}}
	byCommit := map[string][]changeDoc{}
	for _, dh := range s.histOrder {
		for _, rv := range dh.revs {
			byCommit[rv.Commit.Hash] = append(byCommit[rv.Commit.Hash], changeDoc{rev: rv, dh: dh})
		}
	}
	for _, p := range unlinked {
		for _, rv := range hist.Revisions(p) {
			byCommit[rv.Commit.Hash] = append(byCommit[rv.Commit.Hash], changeDoc{rev: rv})
		}
	}
	groups := map[string]*CommitGroup{}
	for i := range hist.Groups {
		g := &hist.Groups[i]
		groups[g.Merge.Hash] = g
		for _, c := range g.Commits {
			log.mergedBy[c.Hash] = g.Merge
		}
	}
	for _, c := range hist.Commits {
		if log.mergedBy[c.Hash] != nil {
			continue // listed under its merge
		}
		e := &changeEntry{commit: c, docs: byCommit[c.Hash]}
		if g := groups[c.Hash]; g != nil {
			e.group = len(g.Commits)
			for _, sc := range g.Commits {
				e.docs = append(e.docs, byCommit[sc.Hash]...)
			}
		}
		if len(e.docs) == 0 {
			continue
		}
		sortChangeDocs(e.docs)
		log.entries = append(log.entries, e)
	}
	sort.SliceStable(log.entries, func(i, j int) bool {
		return log.entries[i].commit.Date.After(log.entries[j].commit.Date)
	})
	byMonth := map[string]*changeMonth{}
	for _, e := range log.entries {
		d := e.commit.Date
		key := strconv.Itoa(d.Year()) + "/" + twoDigits(int(d.Month()))
		m := byMonth[key]
		if m == nil {
			m = &changeMonth{key: key, label: twoDigits(int(d.Month())) + "/" + strconv.Itoa(d.Year())}
			byMonth[key] = m
			log.months = append(log.months, m)
		}
		m.entries = append(m.entries, e)
		e.month = m
	}
	sort.Slice(log.months, func(i, j int) bool { return log.months[i].key > log.months[j].key })
	return log
}

// sortChangeDocs orders an entry's documents newest commit first, then by
// path.
func sortChangeDocs(ds []changeDoc) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].rev, ds[j].rev
		if !a.Commit.Date.Equal(b.Commit.Date) {
			return a.Commit.Date.After(b.Commit.Date)
		}
		return a.Path < b.Path
	})
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// changesData is the data of changes.html.
type changesData struct {
	Heading string
	Intro   string
	Days    []changeDay
	Months  []count
	Feed    string
	Prev    *link // the newer month
	Next    *link // the older month
	More    *link // on /changes/: the month page with the rest
}

type changeDay struct {
	ID      string // "d-2024-03-01"
	Date    string
	Entries []changeItem
}

type changeItem struct {
	ID       string // anchor: "c-" + short hash
	Short    string
	Author   string
	Subject  string
	Group    int
	Trailers []row
	Docs     []changeDocView
	// MoreDocs counts the documents left out on /changes/.
	MoreDocs int
	MoreURL  string
}

type changeDocView struct {
	Link   docLink
	Short  string // the side-branch commit, in a group
	Change string
}

func (s *Site) changesFiles() []File {
	var fs []File
	fs = append(fs, File{Path: "changes/index.html", Write: s.writeChangesFront})
	for _, m := range s.changes.months {
		fs = append(fs, File{Path: m.url() + "index.html", Write: func(w io.Writer) error { return s.writeChangesMonth(w, m) }})
	}
	return fs
}

func (s *Site) writeChangesFront(w io.Writer) error {
	pg := s.newPage("Các thay đổi", "changes", "changes/")
	pg.Crumbs = []link{{"Trang chủ", s.base}}
	es := s.changes.entries
	d := changesData{
		Heading: "Các thay đổi",
		Intro:   "Mọi thay đổi của các tài liệu trong sổ tay, mới nhất trước, theo lịch sử lưu trữ; các lần thay đổi được duyệt và hợp nhất cùng nhau là một mục.",
		Feed:    s.base + "feed.xml",
	}
	if len(es) > changesFront {
		es = es[:changesFront]
		d.More = &link{Text: "Các thay đổi cũ hơn của tháng " + es[len(es)-1].month.label, URL: s.base + es[len(es)-1].month.url()}
	}
	d.Days = s.changeDays(es, frontDocs)
	for _, m := range s.changes.months {
		d.Months = append(d.Months, count{Label: "Tháng " + m.label, URL: s.base + m.url(), N: len(m.entries)})
	}
	pg.Data = d
	return s.exec(w, "changes", pg)
}

func (s *Site) writeChangesMonth(w io.Writer, m *changeMonth) error {
	pg := s.newPage("Các thay đổi tháng "+m.label, "changes", m.url())
	pg.Crumbs = []link{{"Trang chủ", s.base}, {"Các thay đổi", s.base + "changes/"}}
	d := changesData{Heading: "Các thay đổi tháng " + m.label, Feed: s.base + "feed.xml", Days: s.changeDays(m.entries, 0)}
	for i, o := range s.changes.months {
		if o != m {
			continue
		}
		if i > 0 {
			n := s.changes.months[i-1]
			d.Prev = &link{Text: "Tháng " + n.label, URL: s.base + n.url()}
		}
		if i+1 < len(s.changes.months) {
			n := s.changes.months[i+1]
			d.Next = &link{Text: "Tháng " + n.label, URL: s.base + n.url()}
		}
	}
	pg.Data = d
	return s.exec(w, "changes", pg)
}

// changeDays groups entries by day; maxDocs > 0 bounds the documents listed
// per entry.
func (s *Site) changeDays(es []*changeEntry, maxDocs int) []changeDay {
	var days []changeDay
	for _, e := range es {
		day := dateOf(e.commit.Date)
		if len(days) == 0 || days[len(days)-1].Date != day {
			days = append(days, changeDay{ID: "d-" + e.commit.Date.Format("2006-01-02"), Date: day})
		}
		it := changeItem{
			ID: "c-" + e.commit.Short, Short: e.commit.Short, Author: e.commit.Author, Subject: orDash(e.commit.Subject),
			Group: e.group, Trailers: trailerRows(e.commit),
		}
		docs := e.docs
		if maxDocs > 0 && len(docs) > maxDocs {
			it.MoreDocs = len(docs) - maxDocs
			it.MoreURL = s.base + e.month.url() + "#" + it.ID
			docs = docs[:maxDocs]
		}
		for _, cd := range docs {
			v := changeDocView{Change: s.changeText(cd.rev)}
			if cd.rev.Commit != e.commit {
				v.Short = cd.rev.Commit.Short
			}
			if cd.dh != nil {
				v.Link = s.x.docLinkOf(cd.dh.doc)
				v.Link.URL = s.base + cd.dh.revisionURL(cd.rev.Commit.Hash)
				v.Link.Tag = nil
				if cd.dh.gone != "" {
					v.Link.Note = "tài liệu đã bị xóa khỏi sổ tay"
				}
			} else {
				v.Link = docLink{Text: cd.rev.Path, Note: "tài liệu đã bị xóa khỏi sổ tay"}
			}
			it.Docs = append(it.Docs, v)
		}
		d := &days[len(days)-1]
		d.Entries = append(d.Entries, it)
	}
	return days
}

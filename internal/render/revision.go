package render

import (
	"fmt"
	"io"
	"io/fs"
	"strconv"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/textdiff"
)

// revisionView is what a revision page shows besides the document: the
// commit and what it changed (revision.html).
type revisionView struct {
	// HasDoc is true when the document at the revision could be parsed and
	// is shown by its kind's page code; otherwise Heading, Rows and Raw
	// stand in for it.
	HasDoc  bool
	Kind    string
	Heading string
	Rows    []row
	Raw     string

	Summary []row
	Note    string
	Fields  []fieldChange
	// ShowBody says that the body was compared; BodyDiff is empty when it
	// did not change.
	ShowBody bool
	BodyDiff *diffView
}

// revisionKinds are the page templates a revision page is rendered with.
var revisionKinds = map[qms.Kind]string{
	qms.KindProcess: "process", qms.KindProcedure: "procedure", qms.KindDecision: "decision",
}

// parseRevisionTemplates makes "revision-<kind>" from each document
// template: its "content" is kept as "doc-content" and revision.html
// defines a "content" that shows it with the revision's changes.
func (s *Site) parseRevisionTemplates(fsys fs.FS) error {
	for _, name := range revisionKinds {
		t, err := s.tmpl[name].Clone()
		if err != nil {
			return fmt.Errorf("render: templates: %w", err)
		}
		c := t.Lookup("content")
		if c == nil || c.Tree == nil {
			return fmt.Errorf("render: template %s defines no content", name)
		}
		if _, err := t.AddParseTree("doc-content", c.Tree.Copy()); err != nil {
			return fmt.Errorf("render: templates: %w", err)
		}
		if _, err := t.ParseFS(fsys, "templates/revision.html"); err != nil {
			return fmt.Errorf("render: template revision: %w", err)
		}
		s.tmpl["revision-"+name] = t
	}
	return nil
}

// writeRevision renders the page of revision i of a document: the document
// as it was after the commit, through the same page code as the current
// page, and what the commit changed against the file in the commit's first
// parent (qms.Revision.ParentBlob; with branches this is not always the
// next older entry of the list).
func (s *Site) writeRevision(w io.Writer, dh *docHistory, i int) error {
	rv := dh.revs[i]
	var nw, od parsedBlob
	var err, newErr, oldErr error
	switch {
	case i == 0 && !dh.modified && rv.Blob != "" && rv.Path == dh.doc.Base().Path:
		// The latest revision of a clean file is the loaded document.
		nw = parsedBlob{src: dh.doc.Base().Source, doc: dh.doc}
	case rv.Blob != "":
		nw, newErr = s.revisionDoc(rv.Path, rv.Blob)
	}
	if rv.ParentBlob != "" && !rv.Boundary {
		oldPath := rv.Path
		if rv.OldPath != "" {
			oldPath = rv.OldPath
		}
		od, oldErr = s.revisionDoc(oldPath, rv.ParentBlob)
	}
	// A blob missing from the repository (a partial clone, a damaged pack)
	// costs the page its content or its changes, not the build.
	var v *revisionView
	switch {
	case newErr != nil:
		v = &revisionView{Note: "Không đọc được nội dung phiên bản này từ lịch sử lưu trữ: " + newErr.Error()}
	case oldErr != nil:
		v = &revisionView{Note: "Không đọc được phiên bản trước từ lịch sử lưu trữ, nên không biết lần thay đổi này đã thay đổi gì: " + oldErr.Error()}
	default:
		v = s.revisionChanges(dh, i, od, nw)
	}
	rows := []row{{Key: "Phiên bản", Text: "mã thay đổi " + rv.Commit.Short + ", ngày " + dateOf(rv.Commit.Date)}}
	old := &past{url: dh.revisionURL(rv.Commit.Hash), cur: dh.doc, rows: rows}
	var pg *page
	kind := dh.doc.Base().Kind
	switch d := nw.doc.(type) {
	case *qms.Process:
		pg, err = s.processPage(d, old)
		kind = d.Kind
	case *qms.Procedure:
		pg, err = s.procedurePage(d, old)
		kind = d.Kind
	case *qms.Decision:
		pg, err = s.decisionPage(d, old)
		kind = d.Kind
	default:
		pg = s.newPage(dh.doc.Heading(), kind.Dir(), old.url)
		v.Kind, v.Heading, v.Rows = kind.Label(), dh.doc.Heading(), rows
		if rv.Blob != "" {
			v.Raw = string(nw.src)
		}
	}
	if err != nil {
		return err
	}
	v.HasDoc = nw.doc != nil
	id := s.x.docLinkOf(dh.doc).Text
	pg.Title += " — phiên bản " + rv.Commit.Short
	if nw.doc == nil {
		pg.Description = docDescription(kind.Label(), id, dh.doc.Heading(), nil)
	}
	pg.Description = "Phiên bản ngày " + dateOf(rv.Commit.Date) + " (mã thay đổi " + rv.Commit.Short + ") của " + lowerFirst(pg.Description)
	// The page names the organisation as it was named on the version's
	// date.
	pg.Org = s.org.on(&s.x.c.Org, qms.DateOf(rv.Commit.Date))
	if pg.PrintHeader != "" {
		pg.PrintHeader += " · Phiên bản " + rv.Commit.Short + " (không phải bản hiện hành)"
	}
	pg.Crumbs = []link{{"Trang chủ", s.base}, {kind.Label(), s.base + kind.Dir() + "/"}, {id, s.base + dh.url}, {"Lịch sử thay đổi", s.base + dh.historyURL()}}
	pg.Banners = append(s.revisionBanners(dh, i), pg.Banners...)
	pg.Feeds = append(pg.Feeds, link{Text: "Thay đổi của tài liệu này", URL: s.base + dh.feedURL()})
	pg.Revision = v
	name := revisionKinds[kind]
	if name == "" {
		name = revisionKinds[qms.KindDecision]
	}
	return s.exec(w, "revision-"+name, pg)
}

// revisionBanners say which version the page shows: the latest committed
// one, or an old one ("PHIÊN BẢN CŨ"), or the deletion of the document.
func (s *Site) revisionBanners(dh *docHistory, i int) []banner {
	rv := dh.revs[i]
	cur := docLink{Text: "Trang tài liệu hiện hành", URL: s.x.url(dh.doc)}
	if dh.gone != "" {
		cur = docLink{Text: "Trang tài liệu đã bị xóa", URL: s.base + dh.url}
	}
	hist := docLink{Text: "Lịch sử thay đổi", URL: s.base + dh.historyURL()}
	changes := docLink{Text: "Những gì thay đổi trong phiên bản này", URL: "#thay-doi"}
	at := "lần thay đổi " + rv.Commit.Short + " ngày " + dateOf(rv.Commit.Date)
	b := banner{Class: "obsolete", Title: "Phiên bản cũ", Heading: "PHIÊN BẢN CŨ"}
	switch {
	case rv.Blob == "":
		b.Title, b.Heading = "Tài liệu bị xóa", "TÀI LIỆU BỊ XÓA TRONG PHIÊN BẢN NÀY"
		b.Lines = append(b.Lines, bannerLine{Text: "Tài liệu bị xóa tại " + at + "."})
	case i == 0:
		b.Class, b.Title = "info", "Phiên bản"
		b.Heading = "Phiên bản mới nhất trong lịch sử (" + at + ")"
		if dh.dirty != "" {
			b.Lines = append(b.Lines, bannerLine{Text: "Tệp trong thư mục làm việc " + dh.dirty + ": trang tài liệu hiện hành có thể khác phiên bản này."})
		}
	default:
		b.Lines = append(b.Lines, bannerLine{Text: "Đây là tài liệu như tại " + at + "; sau đó có thêm " + strconv.Itoa(i) +
			" phiên bản. Không dùng phiên bản này để giải quyết công việc."})
		if dh.gone != "" {
			d := dh.revs[0].Commit
			b.Lines = append(b.Lines, bannerLine{Text: "Tài liệu này đã bị xóa khỏi sổ tay tại lần thay đổi " + d.Short + " ngày " + dateOf(d.Date) + "."})
		}
	}
	b.Lines = append(b.Lines, bannerLine{Links: []docLink{changes, cur, hist}})
	return []banner{b}
}

// revisionChanges compares the document before (od) and after (nw) the
// commit of revision i.
func (s *Site) revisionChanges(dh *docHistory, i int, od, nw parsedBlob) *revisionView {
	rv := dh.revs[i]
	c := rv.Commit
	v := &revisionView{}
	v.Summary = []row{
		{Key: "Mã thay đổi", Text: c.Short},
		{Key: "Ngày", Text: dateOf(c.Date)},
		{Key: "Người thực hiện", Text: c.Author},
		{Key: "Nội dung thay đổi", Text: orDash(c.Subject)},
	}
	for _, p := range paragraphs(c.Body) {
		v.Summary = append(v.Summary, row{Key: "Ghi chú", Text: p})
	}
	v.Summary = append(v.Summary, trailerRows(c)...)
	if m := s.changes.mergedBy[c.Hash]; m != nil {
		v.Summary = append(v.Summary, row{Key: "Hợp nhất vào nhánh chính", Text: m.Subject, Extra: "mã thay đổi " + m.Short + ", ngày " + dateOf(m.Date)})
	}
	switch {
	case rv.Boundary:
		v.Note = "Đây là trạng thái cũ nhất được lưu: bản lưu trữ này không có lịch sử trước ngày " +
			dateOf(s.opts.History.ShallowSince) + ", nên không biết lần thay đổi này đã thay đổi gì."
		return v
	case rv.Blob == "":
		v.Note = "Tài liệu bị xóa trong phiên bản này."
		if p := s.parentRevision(dh, i); p != nil {
			v.Summary = append(v.Summary, row{Key: "Nội dung trước khi xóa", Link: p})
		}
		return v
	case rv.ParentBlob == "":
		v.Summary = append(v.Summary, row{Key: "So sánh với", Text: "không có: tài liệu được tạo trong phiên bản này"})
		v.Note = "Tài liệu được tạo trong phiên bản này; toàn bộ nội dung ở trên là mới."
		return v
	}
	cmp := row{Key: "So sánh với", Text: "phiên bản liền trước, mã thay đổi " + shortHash(c.Parents)}
	if p := s.parentRevision(dh, i); p != nil {
		cmp.Text, cmp.Link = "", p
	}
	v.Summary = append(v.Summary, cmp)
	v.ShowBody = true
	// The texts are compared with their e-mail addresses already hidden:
	// the site hides them in every file it writes, but an address the
	// diff cut into pieces (<del>…</del><ins>…</ins>) would no longer
	// read as one there.
	var r *textdiff.Result
	if od.doc != nil && nw.doc != nil {
		v.Fields = fieldChanges(od.doc, nw.doc)
		r = textdiff.Text(qms.HideEmails(od.doc.Base().Body), qms.HideEmails(nw.doc.Base().Body), diffOptions)
	} else {
		v.Note = "Một trong hai phiên bản không đọc được phần thông tin đầu tài liệu; so sánh nguyên văn tệp."
		r = textdiff.Text(qms.HideEmails(string(od.src)), qms.HideEmails(string(nw.src)), diffOptions)
	}
	if !r.Equal() {
		v.BodyDiff = newDiffView(r)
	}
	return v
}

// parentRevision links to the revision page of the version revision i
// changed (the older entry with its ParentBlob), or returns nil.
func (s *Site) parentRevision(dh *docHistory, i int) *link {
	rv := dh.revs[i]
	if rv.ParentBlob == "" {
		return nil
	}
	for j := i + 1; j < len(dh.revs); j++ {
		if dh.revs[j].Blob == rv.ParentBlob {
			p := dh.revs[j].Commit
			return &link{Text: "phiên bản " + p.Short + " ngày " + dateOf(p.Date), URL: s.base + dh.revisionURL(p.Hash)}
		}
	}
	return nil
}

// shortHash is the first parent's hash, shortened.
func shortHash(parents []string) string {
	if len(parents) == 0 {
		return ""
	}
	h := parents[0]
	if len(h) > 7 {
		h = h[:7]
	}
	return h
}

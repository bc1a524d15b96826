package render

import (
	"encoding/xml"
	"html"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// deletedScenario is a site with one current process, processes/qt-01.md,
// and documents deleted from the repository:
//
//	processes/qt-05.md      created (1), edited (2), deleted (3)
//	decisions/cu/61.md      created (1), deleted (3)
//	processes/cu/qt-01.md   created (1), deleted (3): QT-01's URL, no pages
//	processes/a/qt-09.md    created (1), deleted (3)
//	processes/b/qt-09.md    created (1), deleted (3): gets qt-09-2/
//
// Commits are made on 01, 02 and 03/03/2024 by Ada, Bến and Cleo.
type deletedScenario struct {
	files map[string]string
	hist  *History
	c     [4]*qms.Commit
}

const qt05Title = "Quy trình cấp phép khai thác"

func qt05(rev, time2, body string) string {
	return strings.NewReplacer("QT-01", "QT-05", "Quy trình cấp phép", qt05Title).Replace(processV(rev, "3465/QĐ-UBND", time2, body))
}

func newDeletedScenario() *deletedScenario {
	d := &deletedScenario{}
	d.c[1] = commit("1", "Ada Lind", "Nhập sổ tay", 1)
	d.c[2] = commit("2", "Bến Trần", "Sửa QT-05 lần 2", 2)
	d.c[3] = commit("3", "Cleo Moreau", "Bãi bỏ QT-05 và văn bản 61", 3,
		qms.Trailer{Key: "Approved-by", Value: "Giám đốc Sở"}, qms.Trailer{Key: "Change-reason", Value: "Quy trình không còn áp dụng"})
	qt01 := processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "Nội dung.\n")
	dec := decisionHead + "Toàn văn.\n"
	f := &fakeHistory{
		blobs: map[string]string{
			"q1": qt01, "v1": qt05("1", "2 ngày làm việc", "Cấp phép cho tổ chức.\n"),
			"v2": qt05("2", "1 ngày làm việc", "Cấp phép nhanh cho tổ chức.\n"), "d1": dec,
			"o1": strings.Replace(qt01, "Nội dung.", "Bản cũ.", 1),
			"n1": strings.Replace(qt01, "QT-01", "QT-09", 1), "n2": strings.Replace(qt01, "QT-01", "QT-09B", 1),
		},
		revs: map[string][]qms.Revision{
			"processes/qt-01.md": {{Commit: d.c[1], Path: "processes/qt-01.md", Blob: "q1", Change: qms.ChangeAdded}},
			"processes/qt-05.md": {
				{Commit: d.c[3], Path: "processes/qt-05.md", ParentBlob: "v2", Change: qms.ChangeDeleted},
				{Commit: d.c[2], Path: "processes/qt-05.md", Blob: "v2", ParentBlob: "v1", Change: qms.ChangeModified},
				{Commit: d.c[1], Path: "processes/qt-05.md", Blob: "v1", Change: qms.ChangeAdded},
			},
			"decisions/cu/61.md": {
				{Commit: d.c[3], Path: "decisions/cu/61.md", ParentBlob: "d1", Change: qms.ChangeDeleted},
				{Commit: d.c[1], Path: "decisions/cu/61.md", Blob: "d1", Change: qms.ChangeAdded},
			},
			"processes/cu/qt-01.md": {
				{Commit: d.c[3], Path: "processes/cu/qt-01.md", ParentBlob: "o1", Change: qms.ChangeDeleted},
				{Commit: d.c[1], Path: "processes/cu/qt-01.md", Blob: "o1", Change: qms.ChangeAdded},
			},
			"processes/a/qt-09.md": {
				{Commit: d.c[3], Path: "processes/a/qt-09.md", ParentBlob: "n1", Change: qms.ChangeDeleted},
				{Commit: d.c[1], Path: "processes/a/qt-09.md", Blob: "n1", Change: qms.ChangeAdded},
			},
			"processes/b/qt-09.md": {
				{Commit: d.c[3], Path: "processes/b/qt-09.md", ParentBlob: "n2", Change: qms.ChangeDeleted},
				{Commit: d.c[1], Path: "processes/b/qt-09.md", Blob: "n2", Change: qms.ChangeAdded},
			},
		},
	}
	d.hist = f.history()
	d.hist.Deleted = []string{"decisions/cu/61.md", "processes/a/qt-09.md", "processes/b/qt-09.md", "processes/cu/qt-01.md", "processes/qt-05.md"}
	d.files = map[string]string{"processes/qt-01.md": qt01}
	return d
}

func (d *deletedScenario) site(t *testing.T) *Site {
	return newTestSite(t, d.files, func(o *Options) { o.History = d.hist })
}

// rev is the revision page of a QT-05 revision, site-relative.
func (d *deletedScenario) rev(i int) string {
	return "processes/qt-05/history/" + d.c[i].Hash + ".html"
}

func fileList(s *Site) map[string]bool {
	m := map[string]bool{}
	for _, f := range s.Files() {
		m[f.Path] = true
	}
	return m
}

// TestDeletedTombstone: a deleted process keeps its URL with a page that
// says when, by whom and why it was deleted, and links to its last version
// and its history.
func TestDeletedTombstone(t *testing.T) {
	d := newDeletedScenario()
	s := d.site(t)
	p := renderFile(t, s, "processes/qt-05/index.html")
	for _, want := range []string{
		`<title>QT-05 — ` + qt05Title + ` (đã bị xóa) · Hệ thống quản lý chất lượng ISO 9001</title>`,
		`<h1>QT-05 — ` + qt05Title + `</h1>`,
		`<p class="banner-heading">TÀI LIỆU ĐÃ BỊ XÓA</p>`,
		`Tài liệu này đã bị xóa khỏi sổ tay tại lần thay đổi 3333333 ngày 03/03/2024 (Cleo Moreau: Bãi bỏ QT-05 và văn bản 61).`,
		`<dt>Ngày bị xóa</dt><dd><a href="/` + d.rev(3) + `">03/03/2024</a> <span class="hint">mã thay đổi 3333333</span></dd>`,
		`<dt>Người phê duyệt</dt><dd>Giám đốc Sở</dd>`,
		`<dt>Lý do thay đổi</dt><dd>Quy trình không còn áp dụng</dd>`,
		`<dt>Tệp</dt><dd>processes/qt-05.md</dd>`,
		`<dt>Mã hiệu</dt><dd>QT-05</dd>`,
		`<a href="/` + d.rev(2) + `">Nội dung cuối cùng trước khi xóa (phiên bản 2222222 ngày 02/03/2024)</a>`,
		`<a href="/processes/qt-05/history/">Lịch sử thay đổi (3 phiên bản)</a>`,
		`<a href="/processes/qt-05/feed.xml" type="application/atom+xml">`,
		`<li><a href="/processes/">Quy trình</a></li>`,
	} {
		if !strings.Contains(p, want) {
			t.Errorf("tombstone: missing %s\n%s", want, mainOf(p))
		}
	}
	if strings.Count(p, "<h1") != 1 {
		t.Error("tombstone: not one h1")
	}
	// A decision is named by its number and title.
	dec := renderFile(t, s, "decisions/61/index.html")
	if !strings.Contains(dec, `<h1>61/2018/NĐ-CP — Về cơ chế một cửa</h1>`) || !strings.Contains(dec, `<dt>Số, ký hiệu</dt><dd>61/2018/NĐ-CP</dd>`) {
		t.Errorf("decision tombstone:\n%s", mainOf(dec))
	}
}

// TestDeletedHistory: a deleted document's history page lists every
// revision, and every revision page renders through the document page code.
func TestDeletedHistory(t *testing.T) {
	d := newDeletedScenario()
	s := d.site(t)
	hist := renderFile(t, s, "processes/qt-05/history/index.html")
	re := regexp.MustCompile(`<a href="/processes/qt-05/history/([0-9]{40})\.html"><code>`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(hist, -1) {
		got = append(got, m[1][:1])
	}
	if strings.Join(got, ",") != "3,2,1" {
		t.Errorf("history lists revisions %v, want 3,2,1", got)
	}
	for _, want := range []string{
		`<p class="revision-change">Xóa tài liệu</p>`,
		`<p class="banner-heading">TÀI LIỆU ĐÃ BỊ XÓA</p>`,
		`<a href="/processes/qt-05/">Trang tài liệu đã bị xóa</a>`,
		`<a href="/processes/qt-05/">QT-05</a> <span class="doc-title">` + qt05Title + `</span> <strong class="tag tag-grey">Đã bị xóa</strong>`,
	} {
		if !strings.Contains(hist, want) {
			t.Errorf("history page: missing %s\n%s", want, mainOf(hist))
		}
	}
	if strings.Contains(hist, "Phiên bản mới nhất") {
		t.Error("the deletion is called the latest version")
	}

	del := renderFile(t, s, d.rev(3))
	for _, want := range []string{
		`TÀI LIỆU BỊ XÓA TRONG PHIÊN BẢN NÀY`,
		`Tài liệu bị xóa trong phiên bản này.`,
		`<dt>Nội dung trước khi xóa</dt><dd><a href="/` + d.rev(2) + `">phiên bản 2222222 ngày 02/03/2024</a></dd>`,
		`<a href="/processes/qt-05/">Trang tài liệu đã bị xóa</a>`,
		`<li><a href="/processes/qt-05/">QT-05</a></li><li><a href="/processes/qt-05/history/">Lịch sử thay đổi</a></li>`,
	} {
		if !strings.Contains(del, want) {
			t.Errorf("deletion revision: missing %s\n%s", want, mainOf(del))
		}
	}
	edit := html.UnescapeString(renderFile(t, s, d.rev(2)))
	for _, want := range []string{
		`<h1>` + qt05Title + `</h1>`,
		`PHIÊN BẢN CŨ`,
		`Tài liệu này đã bị xóa khỏi sổ tay tại lần thay đổi 3333333 ngày 03/03/2024.`,
		`<li><strong>Lần ban hành:</strong> 1 → 2</li>`,
		`Cấp phép <ins><span class="visually-hidden">[thêm: </span>nhanh <span class="visually-hidden">]</span></ins>cho tổ chức`,
		`<a href="/` + d.rev(1) + `">phiên bản 1111111 ngày 01/03/2024</a>`,
	} {
		if !strings.Contains(edit, want) {
			t.Errorf("edit revision: missing %s\n%s", want, mainOf(edit))
		}
	}
	if c := renderFile(t, s, d.rev(1)); !strings.Contains(c, "Tài liệu được tạo trong phiên bản này") {
		t.Errorf("creation revision:\n%s", mainOf(c))
	}
	// A deleted decision's status is "deleted", not an empty tag.
	dec := renderFile(t, s, "decisions/61/history/"+d.c[1].Hash+".html")
	if !strings.Contains(dec, `<p class="doc-kind">Văn bản <strong class="tag tag-grey">Đã bị xóa</strong></p>`) || strings.Contains(dec, `"tag tag-grey"></strong>`) {
		t.Errorf("deleted decision revision:\n%s", mainOf(dec))
	}

	var feed struct {
		XMLName xml.Name
		Entries []struct {
			Link struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(renderFile(t, s, "processes/qt-05/feed.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || len(feed.Entries) != 3 || feed.Entries[0].Link.Href != "/"+d.rev(3) {
		t.Errorf("feed: %+v", feed)
	}
}

// TestDeletedChanges: /changes/ and /feed.xml link a deleted document's
// changes to its revision pages; a deleted document whose URL a current
// document has gets no pages and is listed without a link.
func TestDeletedChanges(t *testing.T) {
	d := newDeletedScenario()
	s := d.site(t)
	ch := renderFile(t, s, "changes/index.html")
	for _, want := range []string{
		`<a href="/` + d.rev(3) + `">QT-05</a> <span class="doc-title">` + qt05Title + `</span> <span class="hint">tài liệu đã bị xóa khỏi sổ tay</span>`,
		`<a href="/` + d.rev(2) + `">QT-05</a>`,
		`<a href="/` + d.rev(1) + `">QT-05</a>`,
		`<a href="/decisions/61/history/` + d.c[3].Hash + `.html">61/2018/NĐ-CP</a>`,
		`<span class="unlinked">processes/cu/qt-01.md</span> <span class="hint">tài liệu đã bị xóa khỏi sổ tay</span>`,
	} {
		if !strings.Contains(ch, want) {
			t.Errorf("changes: missing %s", want)
		}
	}
	files := fileList(s)
	// Every link of /changes/ to a page of the site names a file of it.
	for _, m := range regexp.MustCompile(`href="/([^"#]*)"`).FindAllStringSubmatch(ch, -1) {
		target := m[1]
		if target == "" || strings.HasSuffix(target, "/") {
			target += "index.html"
		}
		if !files[target] && !strings.HasPrefix(target, "static/") {
			t.Errorf("changes links to %s, which is not a file of the site", m[1])
		}
	}

	var feed struct {
		Entries []struct {
			Link struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(renderFile(t, s, "feed.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	// Commit 2 changed QT-05 alone: its entry links to the revision.
	if len(feed.Entries) != 3 {
		t.Fatalf("feed has %d entries, want 3", len(feed.Entries))
	}
	if e := feed.Entries[1]; e.Link.Href != "/"+d.rev(2) || !strings.HasPrefix(e.Summary, "Tài liệu thay đổi: QT-05 "+qt05Title+" (đã xóa).") {
		t.Errorf("the feed entry of commit 2: %+v", e)
	}
}

// TestDeletedURLs: the current document keeps its URL; two deleted
// documents with one stem get the stem and stem-2.
func TestDeletedURLs(t *testing.T) {
	d := newDeletedScenario()
	s := d.site(t)
	files := fileList(s)
	for _, p := range []string{"processes/qt-09/index.html", "processes/qt-09-2/index.html", "processes/qt-09-2/history/index.html"} {
		if !files[p] {
			t.Errorf("no %s", p)
		}
	}
	if !strings.Contains(renderFile(t, s, "processes/qt-09-2/index.html"), "<dt>Tệp</dt><dd>processes/b/qt-09.md</dd>") {
		t.Error("processes/qt-09-2/ is not processes/b/qt-09.md")
	}
	for p := range files {
		if strings.HasPrefix(p, "processes/qt-01-") || strings.Contains(p, "processes/cu") {
			t.Errorf("the deleted processes/cu/qt-01.md has a page: %s", p)
		}
	}
	live := renderFile(t, s, "processes/qt-01/index.html")
	if strings.Contains(live, "ĐÃ BỊ XÓA") || !strings.Contains(live, "Nội dung.") {
		t.Error("the deleted document took the current one's page")
	}
	hist := renderFile(t, s, "processes/qt-01/history/index.html")
	if strings.Contains(hist, "Xóa tài liệu") || strings.Count(hist, `<li class="revision">`) != 1 {
		t.Errorf("the current document's history has the deleted one's revisions:\n%s", mainOf(hist))
	}

	// stemURL is the URL index.assignURLs gives.
	stems := map[string]string{
		"processes/qt-01.md": "", "processes/by-kind.md": "", "processes/Quy trình.md": "", "procedures/na.01.md": "", "decisions/x/_a.md": "",
	}
	for p := range stems {
		kind := qms.KindOfDir(strings.SplitN(p, "/", 2)[0])
		stems[p] = decisionHead
		if kind != qms.KindDecision {
			stems[p] = strings.Replace(processV("1", "3465/QĐ-UBND", "2 ngày làm việc", ""), "QT-01", "QT-"+p, 1)
			if kind == qms.KindProcedure {
				stems[p] = procedureFile("NA-"+p, "Thủ tục", "Thủy sản")
			}
		}
	}
	ss := newTestSite(t, stems, nil)
	n := 0
	for doc, u := range ss.x.urls {
		n++
		if b := doc.Base(); stemURL(b.Kind, b.Stem) != u {
			t.Errorf("%s: stemURL %s, assignURLs %s", b.Path, stemURL(b.Kind, b.Stem), u)
		}
	}
	if n != len(stems) {
		t.Errorf("%d documents have URLs, want %d", n, len(stems))
	}
}

// TestDeletedNotLive: deleted documents are history, not the current
// manual: the lists, the dashboard and the search index are those of the
// site without them (TestSitemap: sitemap.xml lists their pages).
func TestDeletedNotLive(t *testing.T) {
	d := newDeletedScenario()
	with := d.site(t)
	d.hist.Deleted = nil
	without := d.site(t)
	for _, p := range []string{"index.html", "processes/index.html", "decisions/index.html", "units/index.html", "search/index.html"} {
		if a, b := renderFile(t, with, p), renderFile(t, without, p); a != b {
			t.Errorf("%s changes with deleted documents", p)
		}
	}
	a, err := with.SearchEntries()
	if err != nil {
		t.Fatal(err)
	}
	b, err := without.SearchEntries()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("the search index changes with deleted documents")
	}
}

// TestDeletedUnreadable: a deleted document whose last version does not
// parse, or whose blob is missing, still gets its pages, named by its
// file.
func TestDeletedUnreadable(t *testing.T) {
	c1, c2 := commit("1", "Ada Lind", "Nhập", 1), commit("2", "Ada Lind", "Xóa", 2)
	f := &fakeHistory{
		blobs: map[string]string{"bad": "---\ncode: [\n---\nNội dung hỏng.\n"},
		revs: map[string][]qms.Revision{
			"processes/hong.md": {
				{Commit: c2, Path: "processes/hong.md", ParentBlob: "bad", Change: qms.ChangeDeleted},
				{Commit: c1, Path: "processes/hong.md", Blob: "bad", Change: qms.ChangeAdded},
			},
			"procedures/mat.md": {
				{Commit: c2, Path: "procedures/mat.md", ParentBlob: "missing", Change: qms.ChangeDeleted},
				{Commit: c1, Path: "procedures/mat.md", Blob: "missing", Change: qms.ChangeAdded},
			},
		},
	}
	h := f.history()
	h.Deleted = []string{"procedures/mat.md", "processes/hong.md"}
	s := newTestSite(t, map[string]string{"processes/qt-01.md": processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "")}, func(o *Options) { o.History = h })
	if p := renderFile(t, s, "processes/hong/index.html"); !strings.Contains(p, "<h1>hong — processes/hong.md</h1>") || !strings.Contains(p, "TÀI LIỆU ĐÃ BỊ XÓA") {
		t.Errorf("tombstone of an unparsable document:\n%s", mainOf(p))
	}
	if p := renderFile(t, s, "processes/hong/history/"+c1.Hash+".html"); !strings.Contains(p, "Nội dung hỏng.") {
		t.Errorf("revision of an unparsable document does not show the file:\n%s", mainOf(p))
	}
	if p := renderFile(t, s, "procedures/mat/index.html"); !strings.Contains(p, "<h1>mat — procedures/mat.md</h1>") {
		t.Errorf("tombstone of a missing blob:\n%s", mainOf(p))
	}
	if p := renderFile(t, s, "procedures/mat/history/"+c1.Hash+".html"); !strings.Contains(p, "Không đọc được nội dung phiên bản này từ lịch sử lưu trữ") {
		t.Errorf("revision of a missing blob:\n%s", mainOf(p))
	}
}

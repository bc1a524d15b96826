package render

import (
	"encoding/xml"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// fakeHistory is a History over blobs kept in memory.
type fakeHistory struct {
	blobs map[string]string
	revs  map[string][]qms.Revision
}

func (f *fakeHistory) history() *History {
	var commits []*qms.Commit
	seen := map[*qms.Commit]bool{}
	for _, rs := range f.revs {
		for _, r := range rs {
			if !seen[r.Commit] {
				seen[r.Commit] = true
				commits = append(commits, r.Commit)
			}
		}
	}
	sortCommits(commits)
	return &History{
		Revisions: func(p string) []qms.Revision { return f.revs[p] },
		Commits:   commits,
		Read: func(b string) ([]byte, error) {
			s, ok := f.blobs[b]
			if !ok {
				return nil, fmt.Errorf("no blob %s", b)
			}
			return []byte(s), nil
		},
		Parse: func(p string, data []byte) qms.Document { d, _ := content.ParseFile(p, data); return d },
	}
}

func sortCommits(cs []*qms.Commit) {
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[j].Date.After(cs[i].Date) {
				cs[i], cs[j] = cs[j], cs[i]
			}
		}
	}
}

var ict = time.FixedZone("ICT", 7*3600)

func commit(hash, author, subject string, day int, trailers ...qms.Trailer) *qms.Commit {
	h := strings.Repeat(hash, 40)[:40]
	return &qms.Commit{Hash: h, Short: h[:7], Author: author, Subject: subject, Date: time.Date(2024, 3, day, 9, 0, 0, 0, ict), Trailers: trailers}
}

func processV(rev, legal, time2, body string) string {
	return "---\ncode: QT-01\ntitle: Quy trình cấp phép\nkind: task\nunit: Chi cục Thủy sản\nrevision: " + rev +
		"\neffective: 2021-01-01\nstatus: active\nlegal_basis:\n  - \"" + legal + "\"\nsteps:\n  - actor: Văn thư\n    action: Tiếp nhận hồ sơ\n    time: 4 giờ làm việc\n  - actor: Chuyên viên\n    action: Thẩm định\n    time: " + time2 + "\n---\n" + body
}

func TestRevisionPages(t *testing.T) {
	v1 := processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "## Mục đích\n\nCấp phép cho tổ chức, cá nhân.\n")
	v2 := processV("2", "3463/QĐ-UBND", "1 ngày làm việc", "## Mục đích\n\nCấp phép nhanh cho tổ chức, cá nhân.\n")
	c1 := commit("1", "Ada Lind", "Nhập QT-01", 1)
	c2 := commit("2", "Bến Trần", "Sửa QT-01 lần 2", 2, qms.Trailer{Key: "Approved-by", Value: "Giám đốc Sở"}, qms.Trailer{Key: "Change-reason", Value: "Theo Quyết định 3463/QĐ-UBND"})
	f := &fakeHistory{
		blobs: map[string]string{"b1": v1, "b2": v2},
		revs: map[string][]qms.Revision{"processes/qt-01.md": {
			{Commit: c2, Path: "processes/qt-01.md", Blob: "b2", ParentBlob: "b1", Change: qms.ChangeModified},
			{Commit: c1, Path: "processes/qt-01.md", Blob: "b1", Change: qms.ChangeAdded},
		}},
	}
	s := newTestSite(t, map[string]string{"processes/qt-01.md": v2}, func(o *Options) { o.History = f.history() })

	page := renderFile(t, s, "processes/qt-01/index.html")
	for _, want := range []string{
		`<dt>Lần thay đổi cuối</dt><dd><a href="/processes/qt-01/history/">02/03/2024</a> <span class="hint">mã thay đổi 2222222</span></dd>`,
		`<link rel="alternate" type="application/atom+xml" title="Thay đổi của tài liệu này" href="/processes/qt-01/feed.xml">`,
		`<a href="/changes/">Thay đổi</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("process page: missing %s", want)
		}
	}

	hist := renderFile(t, s, "processes/qt-01/history/index.html")
	for _, want := range []string{
		`<a href="/processes/qt-01/history/2222222222222222222222222222222222222222.html"><code>2222222</code></a> · <span class="nowrap">02/03/2024</span> · Bến Trần`,
		`<p class="revision-subject">Sửa QT-01 lần 2</p>`,
		`<dt>Người phê duyệt</dt><dd>Giám đốc Sở</dd>`,
		`<dt>Lý do thay đổi</dt><dd>Theo Quyết định 3463/QĐ-UBND</dd>`,
		`<p class="revision-change">Tạo mới</p>`,
	} {
		if !strings.Contains(hist, want) {
			t.Errorf("history page: missing %s", want)
		}
	}

	rev := html.UnescapeString(renderFile(t, s, "processes/qt-01/history/2222222222222222222222222222222222222222.html"))
	for _, want := range []string{
		`<li><strong>Lần ban hành:</strong> 1 → 2</li>`,
		`<li><strong>Căn cứ pháp lý:</strong> + 3463/QĐ-UBND, − 3465/QĐ-UBND</li>`,
		`<li><strong>Các bước thực hiện:</strong> bước 2: thời gian 2 ngày làm việc → 1 ngày làm việc</li>`,
		`Cấp phép <ins><span class="visually-hidden">[thêm: </span>nhanh <span class="visually-hidden">]</span></ins>cho tổ chức`,
		`<h1>Quy trình cấp phép</h1>`,
		`Phiên bản mới nhất trong lịch sử`,
		`<a href="/processes/qt-01/history/1111111111111111111111111111111111111111.html">phiên bản 1111111 ngày 01/03/2024</a>`,
	} {
		if !strings.Contains(rev, want) {
			t.Errorf("revision page: missing %s\n%s", want, mainOf(rev))
		}
	}
	old := renderFile(t, s, "processes/qt-01/history/1111111111111111111111111111111111111111.html")
	for _, want := range []string{`PHIÊN BẢN CŨ`, `Tài liệu được tạo trong phiên bản này`, `<dt>Lần ban hành</dt><dd>01</dd>`} {
		if !strings.Contains(old, want) {
			t.Errorf("old revision page: missing %s", want)
		}
	}

	ch := renderFile(t, s, "changes/index.html")
	for _, want := range []string{`<h2 id="d-2024-03-02">02/03/2024</h2>`, `<a href="/processes/qt-01/history/2222222222222222222222222222222222222222.html">QT-01</a>`} {
		if !strings.Contains(ch, want) {
			t.Errorf("changes page: missing %s", want)
		}
	}
	for _, p := range []string{"feed.xml", "processes/qt-01/feed.xml"} {
		feed := renderFile(t, s, p)
		var v struct {
			XMLName xml.Name
			Entries []struct {
				ID string `xml:"id"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(feed), &v); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if v.XMLName.Space != "http://www.w3.org/2005/Atom" || len(v.Entries) != 2 || !regexp.MustCompile(`^urn:uuid:[0-9a-f-]{36}$`).MatchString(v.Entries[0].ID) {
			t.Errorf("%s: %+v\n%s", p, v, feed)
		}
	}
}

// TestRevisionHidesEmails: the addresses of a past version's body are
// hidden before the versions are compared, so that no address is cut into
// pieces of the diff (the build hides every other address in the files it
// writes: TestNoEmailInOutput).
func TestRevisionHidesEmails(t *testing.T) {
	dec := func(source, body string) string {
		return "---\nnumber: \"61/2018/NĐ-CP\"\ntype: nghi-dinh\nissuer: Chính phủ\nissued: 2018-04-23\ntitle: Về cơ chế một cửa\nsource: \"" + source + "\"\n---\n" + body
	}
	v1 := dec("https://example.invalid/61", "Liên hệ văn thư.\n")
	v2 := dec("mailto:vanthu@snn.example.vn", "Liên hệ văn thư qua vanthu@snn.example.vn hoặc Ban.Nguyen+iso@mail.example.com.\n")
	c1, c2 := commit("1", "Ada Lind", "Nhập", 1), commit("2", "Ada Lind", "Sửa", 2)
	f := &fakeHistory{
		blobs: map[string]string{"b1": v1, "b2": v2},
		revs: map[string][]qms.Revision{"decisions/61.md": {
			{Commit: c2, Path: "decisions/61.md", Blob: "b2", ParentBlob: "b1", Change: qms.ChangeModified},
			{Commit: c1, Path: "decisions/61.md", Blob: "b1", Change: qms.ChangeAdded},
		}},
	}
	s := newTestSite(t, map[string]string{"decisions/61.md": v2}, func(o *Options) { o.History = f.history() })
	page := html.UnescapeString(renderFile(t, s, "decisions/61/history/2222222222222222222222222222222222222222.html"))
	_, changes, _ := strings.Cut(page, `id="thay-doi"`)
	if _, diff, _ := strings.Cut(changes, `class="diff"`); strings.Contains(diff, "@") || !strings.Contains(diff, "qua (đã ẩn e-mail) hoặc (đã ẩn e-mail)") {
		t.Errorf("the body's diff shows an address or lacks the hidden ones:\n%s", changes)
	}
}

// TestRevisionMissingBlob: a blob the repository lacks costs its page the
// content, not the build.
func TestRevisionMissingBlob(t *testing.T) {
	v1 := processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "Nội dung.\n")
	c1, c2 := commit("1", "Ada Lind", "Nhập", 1), commit("2", "Ada Lind", "Sửa", 2)
	f := &fakeHistory{
		blobs: map[string]string{"b2": v1},
		revs: map[string][]qms.Revision{"processes/qt-01.md": {
			{Commit: c2, Path: "processes/qt-01.md", Blob: "b2", ParentBlob: "missing", Change: qms.ChangeModified},
			{Commit: c1, Path: "processes/qt-01.md", Blob: "missing", Change: qms.ChangeAdded},
		}},
	}
	s := newTestSite(t, map[string]string{"processes/qt-01.md": v1}, func(o *Options) { o.History = f.history() })
	old := renderFile(t, s, "processes/qt-01/history/1111111111111111111111111111111111111111.html")
	if !strings.Contains(old, "Không đọc được nội dung phiên bản này từ lịch sử lưu trữ: no blob missing") || strings.Contains(old, `class="steps"`) {
		t.Errorf("old revision: no note about the missing blob, or a document:\n%s", mainOf(old))
	}
	latest := renderFile(t, s, "processes/qt-01/history/2222222222222222222222222222222222222222.html")
	if !strings.Contains(latest, "Không đọc được phiên bản trước từ lịch sử lưu trữ") || !strings.Contains(latest, "<h1>Quy trình cấp phép</h1>") {
		t.Errorf("latest revision: no note about the missing parent, or no document:\n%s", mainOf(latest))
	}
}

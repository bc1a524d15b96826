package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/site"
)

// renderAll renders every file of s, by path.
func renderAll(t *testing.T, s *Site) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range s.Files() {
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		out[f.Path] = b.Bytes()
	}
	return out
}

// TestDirectMatchesTemplates: with the site's own templates, the pages
// written directly (direct.go) are byte for byte what executing the
// templates gives, for current pages, history pages, revision pages
// (parsed, unparsable, missing, deleted), tombstones, pages with check
// findings, the lists, unit and field pages and the change log (front
// and month pages, full and empty).
func TestDirectMatchesTemplates(t *testing.T) {
	own := func(t *testing.T) *Site {
		root := os.DirFS("../..")
		c, diags := content.Load(root)
		// Findings on some pages, as with --force.
		diags = append(diags,
			qms.Diagnostic{Pos: qms.Pos{Path: c.Processes[0].Path, Line: 3, Col: 1}, Severity: qms.Error, Check: "XR001", Message: "không tìm thấy <văn bản> & \"x\""},
			qms.Diagnostic{Pos: qms.Pos{Path: c.Decisions[0].Path, Line: 2, Col: 1}, Severity: qms.Warning, Check: "ST001", Message: "cảnh báo"},
		)
		s, err := New(c, Options{Templates: site.FS, AsOf: testAsOf, Commit: "abc1234", Drafts: true, Diagnostics: diags})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	unreadable := func(t *testing.T) *Site {
		c1, c2 := commit("1", "Ada Lind", "Nhập", 1), commit("2", "Ada Lind", "Xóa", 2)
		f := &fakeHistory{
			blobs: map[string]string{"bad": "---\ncode: [\n---\nNội dung <hỏng>.\n"},
			revs: map[string][]qms.Revision{
				"processes/hong.md":  {{Commit: c2, Path: "processes/hong.md", ParentBlob: "bad", Change: qms.ChangeDeleted}, {Commit: c1, Path: "processes/hong.md", Blob: "bad", Change: qms.ChangeAdded}},
				"procedures/mat.md":  {{Commit: c2, Path: "procedures/mat.md", ParentBlob: "missing", Change: qms.ChangeDeleted}, {Commit: c1, Path: "procedures/mat.md", Blob: "missing", Change: qms.ChangeAdded}},
				"processes/qt-01.md": {{Commit: c1, Path: "processes/qt-01.md", Blob: "bad", Change: qms.ChangeAdded}},
			},
		}
		h := f.history()
		h.Deleted = []string{"procedures/mat.md", "processes/hong.md"}
		return newTestSite(t, map[string]string{"processes/qt-01.md": processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "")}, func(o *Options) { o.History = h })
	}
	for name, mk := range map[string]func(*testing.T) *Site{
		"own":        own,
		"deleted":    func(t *testing.T) *Site { return newDeletedScenario().site(t) },
		"unreadable": unreadable,
		"changes":    func(t *testing.T) *Site { return changesScenario(t) },
		"no changes": func(t *testing.T) *Site {
			f := &fakeHistory{revs: map[string][]qms.Revision{}}
			return newTestSite(t, map[string]string{"processes/qt-01.md": processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "")}, func(o *Options) { o.History = f.history() })
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := mk(t)
			for _, name := range []string{"process", "procedure", "decision", "processes", "procedures", "decisions", "groups", "group"} {
				if s.direct[name] == nil {
					t.Errorf("%s is not written directly with the site's own templates", name)
				}
			}
			for _, name := range []string{"history", "revision-process", "revision-procedure", "revision-decision", "changes"} {
				if s.direct[name] == nil && s.hist != nil {
					t.Errorf("%s is not written directly with the site's own templates", name)
				}
			}
			direct := renderAll(t, s)
			s.direct = nil
			viaTemplates := renderAll(t, s)
			if len(direct) != len(viaTemplates) || len(direct) < 5 {
				t.Fatalf("%d files written directly, %d through templates", len(direct), len(viaTemplates))
			}
			for p, b := range viaTemplates {
				if !bytes.Equal(direct[p], b) {
					t.Errorf("%s differs:\ndirect:    %q\ntemplates: %q", p, clipDiff(direct[p], b), clipDiff(b, direct[p]))
				}
			}
			switch name {
			case "changes":
				checkChangesCovered(t, viaTemplates)
				for p, want := range map[string]string{
					"processes/by-kind/task/index.html": `aria-current="page"`,
					"fields/thuy-san/index.html":        "<p>Không có quy trình.</p>",
					"decisions/index.html":              "<caption>1 văn bản</caption>",
				} {
					if !strings.Contains(string(viaTemplates[p]), want) {
						t.Errorf("%s has no %q", p, want)
					}
				}
			case "no changes":
				if p := string(viaTemplates["changes/index.html"]); !strings.Contains(p, "<p>Chưa có thay đổi nào.</p>") {
					t.Errorf("the empty change log does not say so:\n%s", mainOf(p))
				}
			}
		})
	}
}

// changesScenario is a site whose change log has every part of the
// changes template: three months (a month page with a newer and an older
// month), more than changesFront entries (a link to the rest), an entry
// with more than frontDocs documents, merged pull requests of two
// commits and of one, trailers, a rename, a shallow boundary, an empty
// subject, text that needs escaping and a base URL other than "/". Its
// lists have filter pages and a field without processes.
func changesScenario(t testing.TB) *Site {
	const docs = frontDocs + 10
	path := func(i int) string { return fmt.Sprintf("processes/qt-%02d.md", i) }
	files := map[string]string{}
	revs := map[string][]qms.Revision{}
	add := func(c *qms.Commit, i int, change qms.Change) {
		r := qms.Revision{Commit: c, Path: path(i), Blob: "b", ParentBlob: "b", Change: change}
		if change == qms.ChangeRenamed {
			r.OldPath = "processes/cũ & \"mới\" <1>.md"
		}
		revs[path(i)] = append(revs[path(i)], r)
	}
	mk := func(n int, author, subject string, date time.Time, trailers ...qms.Trailer) *qms.Commit {
		h := fmt.Sprintf("%040x", n+1)
		return &qms.Commit{Hash: h, Short: h[33:], Author: author, Subject: subject, Date: date, Trailers: trailers}
	}
	var commits []*qms.Commit
	start := time.Date(2024, 3, 1, 8, 0, 0, 0, ict)
	for i := range docs {
		files[path(i)] = strings.Replace(processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "Nội dung.\n"), "QT-01", fmt.Sprintf("QT-%02d", i), 1)
		c := mk(i, "Ada Lind", "Nhập QT "+strconv.Itoa(i), start.Add(time.Duration(i)*time.Hour))
		commits = append(commits, c)
		add(c, i, qms.ChangeAdded)
	}
	// Edits every 14 hours through March, April and May.
	for n := range 130 {
		subject := "Sửa <quy trình> & \"mẫu\" lần " + strconv.Itoa(n)
		if n == 7 {
			subject = ""
		}
		c := mk(100+n, "Bến O'Trần", subject, start.Add(time.Duration(docs+14*n)*time.Hour))
		commits = append(commits, c)
		change := qms.ChangeModified
		if n == 120 {
			change = qms.ChangeRenamed
		}
		add(c, n%docs, change)
	}
	// A pull request: two commits merged at once, and a commit changing
	// every document, with trailers.
	side1 := mk(300, "Cleo", "Sửa QT-01 trên nhánh", time.Date(2024, 5, 27, 9, 0, 0, 0, ict))
	side2 := mk(301, "Cleo", "Sửa QT-02 trên nhánh", time.Date(2024, 5, 27, 10, 0, 0, 0, ict))
	merge := mk(302, "Dũng", "Hợp nhất yêu cầu #4", time.Date(2024, 5, 28, 9, 0, 0, 0, ict), qms.Trailer{Key: "Approved-by", Value: "Giám đốc <Sở>"})
	add(side1, 1, qms.ChangeModified)
	add(side2, 2, qms.ChangeModified)
	add(side2, 1, qms.ChangeModified)
	all := mk(303, "Ada Lind", "Sửa tất cả", time.Date(2024, 5, 29, 9, 0, 0, 0, ict),
		qms.Trailer{Key: "Approved-by", Value: "Giám đốc Sở"}, qms.Trailer{Key: "Change-reason", Value: "Rà soát & cập nhật"})
	for i := range docs {
		add(all, i, qms.ChangeModified)
	}
	side3 := mk(304, "Cleo", "Sửa QT-03 trên nhánh", time.Date(2024, 5, 29, 10, 0, 0, 0, ict))
	merge2 := mk(305, "Dũng", "Hợp nhất yêu cầu #5", time.Date(2024, 5, 29, 11, 0, 0, 0, ict))
	add(side3, 3, qms.ChangeModified)
	commits = append(commits, side1, side2, merge, all, side3, merge2)
	sortCommits(commits)
	for p, rs := range revs {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Commit.Date.After(rs[j].Commit.Date) })
		rs[len(rs)-1].Boundary = p == path(5)
	}
	files["procedures/tt-01.md"] = procedureFile("1.001", "Cấp phép & gia hạn", "Thủy sản")
	files["decisions/61.md"] = decisionHead + "Toàn văn.\n"
	f := &fakeHistory{blobs: map[string]string{"b": files[path(0)]}, revs: revs}
	h := f.history()
	h.Commits = commits
	h.Groups = []CommitGroup{{Merge: merge2, Commits: []*qms.Commit{side3}}, {Merge: merge, Commits: []*qms.Commit{side2, side1}}}
	return newTestSite(t, files, func(o *Options) { o.History = h; o.BaseURL = "https://example.org/sổ tay/" })
}

// checkChangesCovered fails unless the change log pages of files show
// every part of the changes template that changesScenario has.
func checkChangesCovered(t *testing.T, files map[string][]byte) {
	t.Helper()
	var all strings.Builder
	months := 0
	for p, b := range files {
		if strings.HasPrefix(p, "changes/") {
			all.Write(b)
			if p != "changes/index.html" {
				months++
			}
		}
	}
	if months != 3 {
		t.Errorf("%d month pages, want 3", months)
	}
	for _, want := range []string{
		`<p class="lead">`, `rel="prev">← Tháng 05/2024`, `rel="next">Tháng 03/2024 →`, `(hợp nhất 2 commit)`, `(hợp nhất 1 commit)`,
		`<span class="hint">commit <code>`, `tài liệu khác</a></li>`, `<dl class="summary-list">`,
		`Các thay đổi cũ hơn của tháng`, `<ul class="months"><li>`, `Bến O&#39;Trần`, `Sửa &lt;quy trình&gt; &amp; &#34;mẫu&#34;`,
		`<span class="change-subject">—</span>`, `Đổi tên hoặc chuyển từ processes/cũ &amp; &#34;mới&#34; &lt;1&gt;.md`,
		`Trạng thái cũ nhất có trong kho`, `Giám đốc &lt;Sở&gt;`,
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no change log page has %q", want)
		}
	}
}

// TestDirectMatchesTemplatesData: the content writers of the lists and
// the change log match their templates on data the sites above do not
// have (rows without links or tags, empty tables, markup in every field).
func TestDirectMatchesTemplatesData(t *testing.T) {
	const x = `<b>"Á" & 'b' + c</b>`
	tg := &tag{Label: x, Class: x}
	dl := docLink{Text: x, Title: x, Tag: tg, Note: x}
	cases := []struct {
		tmpl string
		data any
	}{
		{"decisions", decisionList{Heading: x, Rows: []decisionRow{{Link: dl, Type: x, Issuer: x, Issued: x}, {Link: docLink{URL: "/a b/?q=<x>", Text: x}}}}},
		{"decisions", decisionList{}},
		{"processes", processList{Heading: x, Intro: x, Current: "/p/", Filters: []filterGroup{{Label: x}, {Label: x, Items: []count{{Label: x, URL: "/p/", N: 3}, {Label: x, URL: "javascript:alert(1)"}}}}}},
		{"processes", processList{}},
		{"procedures", procedureList{Heading: x}},
		{"groups", groupsData{Heading: x, Intro: x, Rows: []groupRow{{Name: link{Text: x, URL: "/u v/"}, Processes: 2, Procedures: -1}}}},
		{"groups", groupsData{}},
		{"group", groupData{Heading: x, Kind: x}},
		{"group", groupData{Processes: []processRow{{Link: dl, Unit: link{Text: x}}}, Procedures: []procedureRow{{Link: dl, Field: link{Text: x, URL: "/f/"}}}}},
		{"changes", changesData{}},
		{"changes", changesData{
			Heading: x, Intro: x, Feed: "/feed.xml?a=<b>", Prev: &link{Text: x, URL: "/p/"}, More: &link{Text: x, URL: "/m/"},
			Days: []changeDay{{ID: x, Date: x, Entries: []changeItem{
				{ID: x, Short: x, Author: x, Subject: x, Group: -1, MoreDocs: 2, MoreURL: "/m n/#c-<x>",
					Trailers: []row{{Key: x, Text: x}}, Docs: []changeDocView{{Link: dl, Short: x, Change: x}, {Link: docLink{Text: x}}}},
				{},
			}}, {}},
			Months: []count{{Label: x, URL: "/m/"}},
		}},
		{"changes", changesData{Next: &link{Text: x}}},
	}
	s := newDeletedScenario().site(t)
	// Before any template runs: html/template rewrites a template's tree
	// when it first executes it.
	all := s.findDirect()
	for i, c := range cases {
		render := func(direct map[string]contentFunc) string {
			s.direct = direct
			p := s.newPage(x, "changes", "x/")
			p.Data = c.data
			var b bytes.Buffer
			if err := s.exec(&b, c.tmpl, p); err != nil {
				t.Fatalf("%d %s: %v", i, c.tmpl, err)
			}
			return b.String()
		}
		if all[c.tmpl] == nil {
			t.Fatalf("%s is not written directly", c.tmpl)
		}
		direct := render(all)
		viaTemplate := render(nil)
		if direct != viaTemplate {
			t.Errorf("%d %s differs:\ndirect:    %q\ntemplates: %q", i, c.tmpl, clipDiff([]byte(direct), []byte(viaTemplate)), clipDiff([]byte(viaTemplate), []byte(direct)))
		}
	}
}

// clipDiff is a from its first byte that differs from b, cut short.
func clipDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	a = a[max(0, i-40):]
	if len(a) > 160 {
		a = a[:160]
	}
	return string(a)
}

// TestDirectFollowsTheme: a theme that changes a page template, or a
// partial a page template calls, is rendered through it; the pages it does
// not change are still written directly.
func TestDirectFollowsTheme(t *testing.T) {
	theme := fstest.MapFS{}
	err := fs.WalkDir(site.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(site.FS, p)
		if err != nil {
			return err
		}
		switch path.Base(p) {
		case "process.html":
			b = []byte(strings.Replace(string(b), "{{processHTML .}}", `<p class="theme-mark">Giao diện riêng</p>{{processHTML .}}`, 1))
		case "partials.html":
			// The change log calls "doclink"; document pages do not.
			b = []byte(strings.Replace(string(b), `{{define "doclink"}}{{docLinkHTML .}}{{end}}`, `{{define "doclink"}}<i class="theme-link"></i>{{docLinkHTML .}}{{end}}`, 1))
		}
		theme[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d := newDeletedScenario()
	s := newTestSite(t, d.files, func(o *Options) { o.History = d.hist; o.Templates = theme })
	for _, name := range []string{"process", "revision-process", "changes"} {
		if s.direct[name] != nil {
			t.Errorf("%s is written directly although the theme changed it", name)
		}
	}
	for _, name := range []string{"procedure", "decision", "history", "revision-decision", "processes", "procedures", "decisions", "groups", "group"} {
		if s.direct[name] == nil {
			t.Errorf("%s is not written directly although the theme kept it", name)
		}
	}
	if p := renderFile(t, s, "processes/qt-01/index.html"); !strings.Contains(p, `<p class="theme-mark">Giao diện riêng</p>`) {
		t.Errorf("the theme's process template was not used:\n%s", mainOf(p))
	}
	if p := renderFile(t, s, "changes/index.html"); !strings.Contains(p, `<li><i class="theme-link"></i>`) {
		t.Errorf("the theme's doclink partial was not used:\n%s", mainOf(p))
	}
}

// TestCSSString: a print header cannot end its CSS string or its style
// element, whatever the document's fields hold.
func TestCSSString(t *testing.T) {
	for in, want := range map[string]string{
		"QT-01 · Lần ban hành 02":    `"QT-01 · Lần ban hành 02"`,
		`a"b\c`:                      `"a\22 b\5c c"`,
		"</style><script>x</script>": `"\3c /style\3e \3c script\3e x\3c /script\3e "`,
		"dòng\nmới\x00&":             `"dòng\a mới\0 \26 "`,
	} {
		var b strings.Builder
		cssString(&b, in)
		if b.String() != want {
			t.Errorf("cssString(%q) = %s, want %s", in, b.String(), want)
		}
	}
}

// TestDirectWrongData: a page whose data is not what its template expects
// is an error, as executing the template would be, not a panic.
func TestDirectWrongData(t *testing.T) {
	s := newDeletedScenario().site(t)
	p := s.newPage("x", "processes", "processes/x/")
	p.Data = historyData{}
	var b bytes.Buffer
	if err := s.exec(&b, "process", p); err == nil {
		t.Error("a process page with history data rendered without error")
	}
	p.Data = nil
	if err := s.exec(&b, "process", p); err != nil {
		t.Errorf("a process page without data: %v", err)
	}
}

// BenchmarkDirectPages renders the pages of changesScenario that are not
// documents (the change log, the lists, the unit and field pages) written
// directly and through the templates.
func BenchmarkDirectPages(b *testing.B) {
	for _, prefix := range []string{"changes/", "processes/index.html", "units/"} {
		for _, how := range []string{"direct", "templates"} {
			b.Run(strings.TrimSuffix(prefix, "/")+"/"+how, func(b *testing.B) {
				s := changesScenario(b)
				if how == "templates" {
					s.direct = nil
				}
				var files []File
				for _, f := range s.Files() {
					if strings.HasPrefix(f.Path, prefix) {
						files = append(files, f)
					}
				}
				var buf bytes.Buffer
				b.ReportAllocs()
				for b.Loop() {
					for _, f := range files {
						buf.Reset()
						if err := f.Write(&buf); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}

package render

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

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
// (parsed, unparsable, missing, deleted), tombstones and pages with check
// findings.
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
	} {
		t.Run(name, func(t *testing.T) {
			s := mk(t)
			for _, name := range []string{"process", "procedure", "decision", "history", "revision-process", "revision-procedure", "revision-decision"} {
				if s.direct[name] == nil && (name == "process" || s.hist != nil) {
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
		})
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

// TestDirectFollowsTheme: a theme that changes a page template is
// rendered through it; the pages it does not change are still written
// directly.
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
		if path.Base(p) == "process.html" {
			b = []byte(strings.Replace(string(b), "{{processHTML .}}", `<p class="theme-mark">Giao diện riêng</p>{{processHTML .}}`, 1))
		}
		theme[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d := newDeletedScenario()
	s := newTestSite(t, d.files, func(o *Options) { o.History = d.hist; o.Templates = theme })
	for _, name := range []string{"process", "revision-process"} {
		if s.direct[name] != nil {
			t.Errorf("%s is written directly although the theme changed it", name)
		}
	}
	for _, name := range []string{"procedure", "decision", "history", "revision-decision"} {
		if s.direct[name] == nil {
			t.Errorf("%s is not written directly although the theme kept it", name)
		}
	}
	if p := renderFile(t, s, "processes/qt-01/index.html"); !strings.Contains(p, `<p class="theme-mark">Giao diện riêng</p>`) {
		t.Errorf("the theme's process template was not used:\n%s", mainOf(p))
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

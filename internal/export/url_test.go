package export_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/export"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/render"
	"github.com/snnptnt-nghean/qms/site"
)

// TestURLsAreTheSitePages: every url in the export is the page the site
// renders for that very document, for stems that are plain, shared by two
// files, reserved, not URL-safe, and for drafts with and without pages.
func TestURLsAreTheSitePages(t *testing.T) {
	files := map[string]string{
		"processes/qt-01.md":            "---\ncode: QT-01\ntitle: Quy trình một\nkind: task\nunit: Phòng\nrevision: 1\neffective: 2020-01-01\nstatus: active\n---\n",
		"processes/cu/qt-01.md":         "---\ncode: QT-01B\ntitle: Quy trình trùng tên tệp\nkind: task\nunit: Phòng\nrevision: 1\neffective: 2020-01-01\nstatus: active\n---\n",
		"processes/by-status.md":        "---\ncode: QT-02\ntitle: Quy trình tên tệp dành riêng\nkind: task\nunit: Phòng\nrevision: 1\neffective: 2020-01-01\nstatus: active\n---\n",
		"processes/Quy trình Đặc.md":    "---\ncode: QT-03\ntitle: Quy trình tên tệp có dấu\nkind: task\nunit: Phòng\nrevision: 1\neffective: 2020-01-01\nstatus: active\n---\n",
		"processes/qt-04.md":            "---\ncode: QT-04\ntitle: Quy trình dự thảo\nkind: task\nunit: Phòng\nrevision: 1\neffective: 2030-01-01\nstatus: draft\n---\n",
		"procedures/1.004359.md":        "---\ncode: \"1.004359\"\ntitle: Thủ tục mã quốc gia\nfield: Thủy sản\nlevel: tinh\nagency: Chi cục\nreceiving: Chi cục\ntime_limit: 7d\nannounced_by: [\"1/QĐ-UBND\"]\n---\n",
		"decisions/2020/1-qd-ubnd.md":   "---\nnumber: \"1/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh\nissued: 2020-01-01\ntitle: Văn bản một\n---\n",
		"decisions/2021/1-qd-ubnd.md":   "---\nnumber: \"1/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh\nissued: 2021-01-01\ntitle: Văn bản cùng số năm sau\n---\n",
		"decisions/2021/ký hiệu lạ.md":  "---\nnumber: \"2/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh\nissued: 2021-01-01\ntitle: Văn bản tên tệp có dấu\n---\n",
		"decisions/2021/doc-ky-hieu.md": "---\nnumber: \"3/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh\nissued: 2021-01-01\ntitle: Văn bản chiếm trước tên trang\n---\n",
	}
	c := loadFiles(files)
	asOf := qms.Date{Year: 2024, Month: 1, Day: 1}
	for _, drafts := range []bool{false, true} {
		s, err := render.New(c, render.Options{Templates: site.FS, AsOf: asOf, Drafts: drafts})
		if err != nil {
			t.Fatal(err)
		}
		pages := map[string]render.File{}
		for _, f := range s.Files() {
			pages["/"+f.Path] = f
		}
		raw, err := export.New(c, export.Options{AsOf: asOf, Drafts: drafts}).JSON()
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Documents []struct{ Kind, ID, Title, Path, URL string }
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		if len(m.Documents) != len(files) {
			t.Fatalf("%d documents exported, want %d", len(m.Documents), len(files))
		}
		withURL := 0
		for _, d := range m.Documents {
			if d.URL == "" {
				if d.ID != "QT-04" || drafts {
					t.Errorf("drafts %v: %s has no url", drafts, d.Path)
				}
				continue
			}
			withURL++
			f, ok := pages[d.URL+"index.html"]
			if !ok {
				t.Errorf("drafts %v: %s: the site has no page %s", drafts, d.Path, d.URL)
				continue
			}
			var b strings.Builder
			if err := f.Write(&b); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), d.Title) {
				t.Errorf("drafts %v: the page %s is not %s's (no %q on it)", drafts, d.URL, d.Path, d.Title)
			}
		}
		want := len(files)
		if !drafts {
			want-- // the draft
		}
		if withURL != want {
			t.Errorf("drafts %v: %d documents with a url, want %d", drafts, withURL, want)
		}
	}
}

package render

import (
	"io"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// BenchmarkRevisionPage renders the page of a revision that changed front
// matter and body, next to the document's current page.
func BenchmarkRevisionPage(b *testing.B) {
	v1 := processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "## Mục đích\n\nCấp phép cho tổ chức, cá nhân.\n")
	v2 := processV("2", "3463/QĐ-UBND", "1 ngày làm việc", "## Mục đích\n\nCấp phép nhanh cho tổ chức, cá nhân.\n")
	c1 := commit("1", "Ada Lind", "Nhập QT-01", 1)
	c2 := commit("2", "Bến Trần", "Sửa QT-01 lần 2", 2, qms.Trailer{Key: "Approved-by", Value: "Giám đốc Sở"})
	f := &fakeHistory{
		blobs: map[string]string{"b1": v1, "b2": v2},
		revs: map[string][]qms.Revision{"processes/qt-01.md": {
			{Commit: c2, Path: "processes/qt-01.md", Blob: "b2", ParentBlob: "b1", Change: qms.ChangeModified},
			{Commit: c1, Path: "processes/qt-01.md", Blob: "b1", Change: qms.ChangeAdded},
		}},
	}
	s := newTestSite(b, map[string]string{"processes/qt-01.md": v2}, func(o *Options) { o.History = f.history() })
	files := map[string]File{}
	for _, f := range s.Files() {
		files[f.Path] = f
	}
	for _, p := range []string{"404.html", "processes/qt-01/index.html", "processes/qt-01/history/index.html", "processes/qt-01/history/2222222222222222222222222222222222222222.html", "processes/qt-01/feed.xml"} {
		b.Run(p, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := files[p].Write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

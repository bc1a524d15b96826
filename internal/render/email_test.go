package render

import (
	"html"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestBodyHidesEmails: no e-mail address reaches a rendered body, however
// it is written, and the text around it renders as it did.
func TestBodyHidesEmails(t *testing.T) {
	s := newTestSite(t, nil, nil)
	tests := []struct{ md, want string }{
		{"Liên hệ vanthu@snn.example.vn hoặc Ban.Nguyen+iso@mail.example.com.", "<p>Liên hệ (đã ẩn e-mail) hoặc (đã ẩn e-mail).</p>"},
		{"Gửi *a@b.vn*\nhoặc x@y.vn\ntrước 17 giờ.", "<p>Gửi <em>(đã ẩn e-mail)</em>\nhoặc (đã ẩn e-mail)\ntrước 17 giờ.</p>"},
		{"[thư cho a@b.vn](mailto:a@b.vn) và <c@d.vn>", "<p>thư cho (đã ẩn e-mail) và (đã ẩn e-mail)</p>"},
		{"[trang](https://x.example/ \"hỏi a@b.vn\")", `<p><a href="https://x.example/" title="hỏi (đã ẩn e-mail)">trang</a></p>`},
		{"Mã `git config user.email a@b.vn <x>` ở đây.", "<p>Mã git config user.email (đã ẩn e-mail) &lt;x&gt; ở đây.</p>"},
		{"| Liên hệ |\n|---|\n| a@b.vn |", "<td>(đã ẩn e-mail)</td>"},
		{"Không có địa chỉ: a@b, @x.vn, 3463/QĐ-UBND.", "<p>Không có địa chỉ: a@b, @x.vn, 3463/QĐ-UBND.</p>"},
	}
	for _, tt := range tests {
		out, err := s.renderMarkdown(tt.md, "processes/x.md", 2)
		if err != nil {
			t.Fatal(err)
		}
		got := string(out.HTML)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.md, got, tt.want)
		}
		if qms.EmailAddress.MatchString(html.UnescapeString(got)) {
			t.Errorf("%q: an address in %s", tt.md, got)
		}
		if text := bodyTextOf(t, s, tt.md); qms.EmailAddress.MatchString(text) || strings.Contains(text, "<") && !strings.Contains(tt.md, "<x>") {
			t.Errorf("%q: search text %q", tt.md, text)
		}
	}
}

// TestRevisionBodyHidesEmails: a past version's body, rendered on its
// revision page, shows no address.
func TestRevisionBodyHidesEmails(t *testing.T) {
	dec := func(body string) string { return decisionHead + body }
	v1 := dec("Liên hệ văn thư qua vanthu@snn.example.vn hoặc [thư](mailto:vanthu@snn.example.vn).\n")
	v2 := dec("Liên hệ văn thư.\n")
	c1, c2 := commit("1", "Ada Lind", "Nhập", 1), commit("2", "Ada Lind", "Sửa", 2)
	f := &fakeHistory{
		blobs: map[string]string{"b1": v1, "b2": v2},
		revs: map[string][]qms.Revision{"decisions/61.md": {
			{Commit: c2, Path: "decisions/61.md", Blob: "b2", ParentBlob: "b1", Change: qms.ChangeModified},
			{Commit: c1, Path: "decisions/61.md", Blob: "b1", Change: qms.ChangeAdded},
		}},
	}
	s := newTestSite(t, map[string]string{"decisions/61.md": v2}, func(o *Options) { o.History = f.history() })
	page := html.UnescapeString(renderFile(t, s, "decisions/61/history/1111111111111111111111111111111111111111.html"))
	if strings.Contains(page, "@") || !strings.Contains(page, "<p>Liên hệ văn thư qua (đã ẩn e-mail) hoặc thư.</p>") {
		t.Errorf("old revision shows an address, or lacks its body:\n%s", mainOf(page))
	}
}

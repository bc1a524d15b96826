package history

import (
	"reflect"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/gittest"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"golang.org/x/text/unicode/norm"
)

func TestParseMessage(t *testing.T) {
	tests := []struct {
		msg, subject, body string
		trailers           []qms.Trailer
	}{
		{"Sửa QT-01\n", "Sửa QT-01", "", nil},
		{"", "", "", nil},
		// A subject that looks like a trailer is a subject.
		{"Fix: lỗi chính tả\n", "Fix: lỗi chính tả", "", nil},
		{"Fix: lỗi\n\nApproved-by: Giám đốc\n", "Fix: lỗi", "", []qms.Trailer{{Key: "Approved-by", Value: "Giám đốc"}}},
		// Subject lines are joined as git's %s does; CRLF is accepted.
		{"Dòng một\r\ndòng hai\r\n\r\nThân.\r\n", "Dòng một dòng hai", "Thân.", nil},
		// The last paragraph is not a trailer block when one line is not a trailer.
		{"S\n\nApproved-by: A\nthêm một câu\n", "S", "Approved-by: A\nthêm một câu", nil},
		{"S\n\nĐoạn 1.\n\nĐoạn 2.\n\nChange-reason: Theo QĐ 5\n  ngày 01/02/2024\nApproved-by: B\n", "S", "Đoạn 1.\n\nĐoạn 2.",
			[]qms.Trailer{{Key: "Change-reason", Value: "Theo QĐ 5 ngày 01/02/2024"}, {Key: "Approved-by", Value: "B"}}},
		// Keys are ASCII letters, digits and '-': "Người duyệt" is not one.
		{"S\n\nNgười duyệt: B\n", "S", "Người duyệt: B", nil},
	}
	for _, tt := range tests {
		s, b, tr := parseMessage(tt.msg)
		if s != tt.subject || b != tt.body || !reflect.DeepEqual(tr, tt.trailers) {
			t.Errorf("parseMessage(%q) = %q, %q, %q; want %q, %q, %q", tt.msg, s, b, tr, tt.subject, tt.body, tt.trailers)
		}
	}
}

func TestScrubEmails(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyễn Văn A <a.nguyen@snn.example.vn>", "Nguyễn Văn A"},
		{"Liên hệ a@b.vn.", "Liên hệ (đã ẩn e-mail)."},
		{"Signed-off-by: X <x@y.vn>, Y <y@z.example.com>", "Signed-off-by: X, Y"},
		{"@mention và a@b không phải địa chỉ", "@mention và a@b không phải địa chỉ"},
		{"không có gì", "không có gì"},
	}
	for _, tt := range tests {
		if got := scrubEmails(tt.in); got != tt.want {
			t.Errorf("scrubEmails(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReaderSubject(t *testing.T) {
	for _, c := range []struct {
		subject string
		merge   bool
		want    string
	}{
		{"Merge branch 'content-2026'", true, "Hợp nhất các thay đổi"},
		{"Merge pull request #12 from so/qt-01", true, "Hợp nhất các thay đổi"},
		{"Merge main into export", true, "Hợp nhất các thay đổi"},
		{"Merge branch 'x'", false, "Merge branch 'x'"},
		{"QT-01: hợp nhất bản rà soát", true, "QT-01: hợp nhất bản rà soát"},
	} {
		if got := readerSubject(c.subject, c.merge); got != c.want {
			t.Errorf("readerSubject(%q, %v) = %q, want %q", c.subject, c.merge, got, c.want)
		}
	}
}

// TestCommitTextNFC: a commit message and an author name typed
// decomposed (NFD) are read composed (NFC), as the documents are.
func TestCommitTextNFC(t *testing.T) {
	b := newBuilder(t)
	nfd := norm.NFD.String
	gittest.Authors["nfd"] = nfd("Bến Trần") + " <ben.tran@example.org>"
	t.Cleanup(func() { delete(gittest.Authors, "nfd") })
	h := b.Commit("refs/heads/master", nil, map[string]string{qtOld: qt("1")}, "nfd", nfd("Sửa quy trình\n\nLý do: rà soát.\n\nChange-reason: Theo Quyết định mới\n"))
	b.checkout(h)
	_, hist := load(t, b.Dir)
	if len(hist.Commits) != 1 {
		t.Fatalf("%d commits", len(hist.Commits))
	}
	c := hist.Commits[0]
	for _, s := range []string{c.Author, c.Subject, c.Body, c.Trailer("Change-reason")} {
		if !norm.NFC.IsNormalString(s) || s == "" {
			t.Errorf("%q is not NFC", s)
		}
	}
	if c.Author != "Bến Trần" || c.Subject != "Sửa quy trình" {
		t.Errorf("author %q, subject %q", c.Author, c.Subject)
	}
}

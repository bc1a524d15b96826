package qms

import "testing"

// TestHideEmails: an address is replaced wherever it stands in a line,
// and text that only looks like one is kept.
func TestHideEmails(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Liên hệ vanthu@snn.example.vn.", "Liên hệ (đã ẩn e-mail)."},
		{"a.b+c@x.example.com, d@y.vn", "(đã ẩn e-mail), (đã ẩn e-mail)"},
		{"3463/QĐ-UBND, a@b, @x.vn", "3463/QĐ-UBND, a@b, @x.vn"},
		{"không có", "không có"},
	}
	for _, tt := range tests {
		if got := HideEmails(tt.in); got != tt.want {
			t.Errorf("HideEmails(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHideEmailsIn: a file's bytes lose their addresses, and bytes
// without one come back as they are.
func TestHideEmailsIn(t *testing.T) {
	if got := string(HideEmailsIn([]byte(`<p title="a@b.vn">x@y.vn</p>`))); got != `<p title="(đã ẩn e-mail)">(đã ẩn e-mail)</p>` {
		t.Errorf("got %q", got)
	}
	if got := string(HideEmailsIn([]byte("@media print {}"))); got != "@media print {}" {
		t.Errorf("a style sheet's @media became %q", got)
	}
	in := []byte("không có địa chỉ")
	if got := HideEmailsIn(in); &got[0] != &in[0] {
		t.Error("bytes without an @ were copied")
	}
}

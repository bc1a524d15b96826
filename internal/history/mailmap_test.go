package history

import "testing"

func TestMailmap(t *testing.T) {
	m := ParseMailmap([]byte(`# Tên hiển thị <e-mail của lần ghi>
Văn phòng Sở <maintainers@users.noreply.example>
<chuan@example.vn> <cu@example.vn>
Nguyễn Văn A <a@so.gov.vn> <A.Nguyen@Gmail.com>   # máy ở nhà
Trần Thị B <b@so.gov.vn> bich <chung@example.vn>
Lê Văn C <c@so.gov.vn> Le C <chung@example.vn>
not a mapping line
Tên # chú thích <x@example.vn>
Sau cùng thắng <maintainers@users.noreply.example>
`))
	for _, c := range []struct{ name, email, want string }{
		{"maintainers", "maintainers@users.noreply.example", "Sau cùng thắng"},
		{"ai đó", "MAINTAINERS@users.noreply.example", "Sau cùng thắng"},
		{"Người cũ", "cu@example.vn", "Người cũ"}, // e-mail only: the name stays
		{"a", "a.nguyen@gmail.com", "Nguyễn Văn A"},
		{"Bich", "chung@example.vn", "Trần Thị B"},
		{"Le C", "chung@example.vn", "Lê Văn C"},
		{"khác", "chung@example.vn", "khác"}, // shared address, other name
		{"Tên", "x@example.vn", "Tên"},       // "#" before "<" is a comment
		{"Không có", "khong@example.vn", "Không có"},
	} {
		if got := m.Name(c.name, c.email); got != c.want {
			t.Errorf("Name(%q, %q) = %q, want %q", c.name, c.email, got, c.want)
		}
	}
	var none *Mailmap
	if got := none.Name("x", "x@example.vn"); got != "x" {
		t.Errorf("nil Mailmap maps x to %q", got)
	}
	if got := ParseMailmap(nil).Name("x", "x@example.vn"); got != "x" {
		t.Errorf("empty Mailmap maps x to %q", got)
	}
}

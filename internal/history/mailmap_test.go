package history

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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

// TestMailmapApplied: the .mailmap at the top of the working tree names the
// authors of the loaded history, of a snapshot's commit and of Since's
// base, by e-mail and by name and e-mail, and no address shows.
func TestMailmapApplied(t *testing.T) {
	s := newScenario(t)
	mailmap := "# tên công khai\nVăn phòng Sở <ben.tran@example.org>\nThư ký ISO <iso@so.example.vn> Ada Lind <ada@example.org>\n"
	if err := os.WriteFile(filepath.Join(s.b.Dir, MailmapFile), []byte(mailmap), 0o644); err != nil {
		t.Fatal(err)
	}
	r, h := load(t, filepath.Join(s.b.Dir, "manual"))
	want := map[string]string{"C1": "Thư ký ISO", "C2": "Văn phòng Sở", "C4": "Cleo Moreau", "M3": "Thư ký ISO"}
	for name, author := range want {
		if c := h.Commit(s.c[name].String()); c == nil || c.Author != author {
			t.Errorf("%s: author %v, want %q", name, c, author)
		}
	}
	for _, c := range h.Commits {
		if strings.Contains(fmt.Sprintf("%+v", *c), "@") {
			t.Errorf("commit %s exposes an address", s.name(c.Hash))
		}
	}
	snap, err := r.Snapshot(s.c["C2"].String())
	if err != nil {
		t.Fatal(err)
	}
	if snap.Commit.Author != "Văn phòng Sở" {
		t.Errorf("Snapshot(C2) author %q", snap.Commit.Author)
	}
	rg, err := r.SinceIn(h, s.c["C2"].String())
	if err != nil {
		t.Fatal(err)
	}
	if rg.Base.Author != "Văn phòng Sở" {
		t.Errorf("Since(C2) base author %q", rg.Base.Author)
	}
}

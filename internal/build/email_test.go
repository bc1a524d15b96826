package build

import (
	"context"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestNoEmailInOutput: an e-mail address written anywhere a reader could
// see it (a title, a step, a unit, a commit message) is in no file of the
// site, built or served, and the page says it was hidden.
func TestNoEmailInOutput(t *testing.T) {
	g := newGitRepo(t)
	f := siteFiles(t)
	master := "refs/heads/master"
	c1 := g.Commit(master, nil, f, "Ada", "Nhập sổ tay chất lượng\n\nGóp ý gửi ada.lind@snn.example.vn.\n\nApproved-by: Giám đốc Sở <gd@snn.example.vn>\n")
	qt := f[qtPath]
	for _, r := range [][2]string{
		{"title: Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản", "title: Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản (hỏi iso@snn.example.vn)"},
		{"  - actor: ", "  - actor: Văn thư (vanthu@snn.example.vn), "},
	} {
		if !strings.Contains(qt, r[0]) {
			t.Fatalf("the fixture's process has no %q", r[0])
		}
		qt = strings.Replace(qt, r[0], r[1], 1)
	}
	f = with(f, qtPath, qt)
	c2 := g.Commit(master, []plumbing.Hash{c1}, f, "Ben", "Sửa QT-TS-01, hỏi ben@snn.example.vn\n")
	g.Checkout(c2, g.Dir)
	out, _, _ := buildRepo(t, g.Dir, func(o *Options) { o.Force = true })
	files := readTree(t, out)
	for name, b := range files {
		if m := qms.EmailAddress.Find(b); m != nil {
			t.Errorf("%s shows %s", name, m)
		}
	}
	if !strings.Contains(string(files["processes/qt-ts-01/index.html"]), "(hỏi "+qms.EmailHidden+")") {
		t.Error("the process page does not say the address was hidden")
	}

	l, err := NewLive(Options{Root: g.Dir, AsOf: testAsOf})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := l.Build(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if name == siteMarker {
			continue
		}
		b, err := snap.File(name)
		if err != nil {
			t.Fatalf("served %s: %v", name, err)
		}
		if m := qms.EmailAddress.Find(b); m != nil {
			t.Errorf("served %s shows %s", name, m)
		}
	}
}

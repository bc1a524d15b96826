package build

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// deletedScenario commits testdata/site.txtar with two more processes and
// deletes them, one day apart from 02/03/2024:
//
//	C1  Ada   import the manual, with processes/qt-xoa.md (QT-XOA) and
//	          processes/cu/qt-01.md (QT-CU, whose stem is QT-01's)
//	C2  Ben   QT-XOA revision 2 (trailers, one with an e-mail address)
//	C3  Cleo  delete both
//
// and checks out C3. QT-XOA cites a decision the manual does not have:
// checked, it would be an error.
func deletedScenario(t *testing.T) (*gitRepo, map[string]plumbing.Hash) {
	t.Helper()
	g := newGitRepo(t)
	f := siteFiles(t)
	qt01 := f["processes/qt-01.md"]
	v1 := strings.NewReplacer(`code: "QT-01"`, `code: "QT-XOA"`, "Quy trình kiểm soát tài liệu", "Quy trình lưu trữ hồ sơ giấy",
		`approved_by: "50/QĐ-SNN"`, `approved_by: "999/QĐ-UBND"`, "Kiểm soát tài liệu.", "Lưu trữ hồ sơ giấy tại Văn phòng.").Replace(qt01)
	cu := strings.Replace(qt01, `code: "QT-01"`, `code: "QT-CU"`, 1)
	c := map[string]plumbing.Hash{}
	master := "refs/heads/master"
	f = with(f, "processes/qt-xoa.md", v1, "processes/cu/qt-01.md", cu)
	c["C1"] = g.Commit(master, nil, f, "Ada", "Nhập sổ tay chất lượng\n")
	v2 := strings.NewReplacer("revision: 2", "revision: 3", "tại Văn phòng", "điện tử tại Văn phòng").Replace(v1)
	f = with(f, "processes/qt-xoa.md", v2)
	c["C2"] = g.Commit(master, []plumbing.Hash{c["C1"]}, f, "Ben",
		"QT-XOA lần ban hành 3\n\nApproved-by: Giám đốc Sở <gd@snn.example.vn>\n")
	f = with(f, "processes/qt-xoa.md", "", "processes/cu/qt-01.md", "")
	c["C3"] = g.Commit(master, []plumbing.Hash{c["C2"]}, f, "Cleo",
		"Bãi bỏ QT-XOA và QT-CU\n\nChange-reason: Chuyển sang lưu trữ điện tử\n")
	g.Checkout(c["C3"], g.Dir)
	return g, c
}

// TestDeletedDocument: a document created, edited and deleted keeps its
// URL with a tombstone page, a history page listing its three revisions,
// each revision page and a feed; /changes/ links to them; it is neither
// checked nor in the lists, the dashboard or the search index; and the
// deleted QT-CU, whose URL is QT-01's, gets no pages.
func TestDeletedDocument(t *testing.T) {
	g, c := deletedScenario(t)
	out, res, stderr := buildRepo(t, g.Dir, nil)
	short := func(n string) string { return c[n].String()[:7] }
	rev := func(n string) string { return "processes/qt-xoa/history/" + c[n].String() + ".html" }

	// Not checked: the build passes without Force and says nothing of it.
	for _, d := range res.Diagnostics {
		if strings.Contains(d.Pos.Path, "qt-xoa") || strings.Contains(d.Pos.Path, "cu/") {
			t.Errorf("a deleted document is checked: %v", d)
		}
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %q\n%s", res.Warnings, stderr)
	}

	tomb := page(t, out, "processes/qt-xoa/")
	contains(t, "tombstone", tomb,
		`<h1>QT-XOA — Quy trình lưu trữ hồ sơ giấy</h1>`,
		`<p class="banner-heading">TÀI LIỆU ĐÃ BỊ XÓA</p>`,
		`tại lần thay đổi `+short("C3")+` ngày 04/03/2024 (Cleo Moreau: Bãi bỏ QT-XOA và QT-CU)`,
		`<dt>Lý do thay đổi</dt><dd>Chuyển sang lưu trữ điện tử</dd>`,
		`<a href="/`+rev("C2")+`">Nội dung cuối cùng trước khi xóa (phiên bản `+short("C2")+` ngày 03/03/2024)</a>`,
		`<a href="/processes/qt-xoa/history/">Lịch sử thay đổi (3 phiên bản)</a>`,
	)
	if n := strings.Count(tomb, "<h1"); n != 1 {
		t.Errorf("tombstone: %d h1 elements", n)
	}

	hist := page(t, out, "processes/qt-xoa/history/")
	re := regexp.MustCompile(`<a href="/processes/qt-xoa/history/([0-9a-f]{40})\.html"><code>`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(hist, -1) {
		for n, h := range c {
			if h.String() == m[1] {
				got = append(got, n)
			}
		}
	}
	if strings.Join(got, " ") != "C3 C2 C1" {
		t.Errorf("history page lists %v, want C3 C2 C1", got)
	}
	contains(t, "history page", hist, `<dt>Người phê duyệt</dt><dd>Giám đốc Sở</dd>`, `<p class="revision-change">Xóa tài liệu</p>`)

	contains(t, "C3", page(t, out, rev("C3")), `Tài liệu bị xóa trong phiên bản này.`, `TÀI LIỆU BỊ XÓA TRONG PHIÊN BẢN NÀY`)
	contains(t, "C2", html.UnescapeString(page(t, out, rev("C2"))),
		`<li><strong>Lần ban hành:</strong> 2 → 3</li>`,
		`Lưu trữ hồ sơ giấy <ins><span class="visually-hidden">[thêm: </span>điện tử <span class="visually-hidden">]</span></ins>tại Văn phòng`,
		`PHIÊN BẢN CŨ`,
	)
	contains(t, "C1", page(t, out, rev("C1")), `Tài liệu được tạo trong phiên bản này`)

	ch := page(t, out, "changes/")
	for _, n := range []string{"C1", "C2", "C3"} {
		contains(t, "changes", ch, `<a href="/`+rev(n)+`">QT-XOA</a>`)
	}
	contains(t, "changes", ch, `<span class="unlinked">processes/cu/qt-01.md</span>`)
	contains(t, "feed", page(t, out, "feed.xml"), `<link rel="alternate" type="text/html" href="/`+rev("C2")+`"></link>`)
	contains(t, "document feed", page(t, out, "processes/qt-xoa/feed.xml"), `href="/`+rev("C3")+`"`, `href="/`+rev("C1")+`"`)

	// QT-CU's URL is QT-01's: QT-01 keeps it.
	if qt01 := page(t, out, "processes/qt-01/"); strings.Contains(qt01, "ĐÃ BỊ XÓA") || !strings.Contains(qt01, "<h1>Quy trình kiểm soát tài liệu</h1>") {
		t.Error("processes/qt-01/ is not QT-01's page")
	}
	tree := readTree(t, out)
	for p := range tree {
		if strings.Contains(p, "qt-01-2") || strings.Contains(p, "/cu/") {
			t.Errorf("the deleted QT-CU has a page: %s", p)
		}
	}

	// History, not the manual: its own pages, nowhere else.
	contains(t, "tombstone", page(t, out, "processes/qt-xoa/"), "QT-XOA")
	for p, b := range tree {
		live := p == "index.html" || p == "processes/index.html" || strings.HasPrefix(p, "search/") || strings.HasPrefix(p, "units/")
		if live && (strings.Contains(string(b), "QT-XOA") || strings.Contains(string(b), "qt-xoa")) {
			t.Errorf("%s lists the deleted document", p)
		}
	}
	found := false
	for p, b := range tree {
		found = found || strings.HasPrefix(p, "search/") && strings.Contains(string(b), "QT-TS-01")
	}
	if !found {
		t.Error("the search index has no QT-TS-01 either: the test looks in the wrong place")
	}

	checkHistoryFrames(t, out)
	checkFeeds(t, out)
	checkNoEmail(t, out)

	// The last version, checked out, is an error: not checking it is what
	// spared the build above.
	dir := t.TempDir()
	g.Checkout(c["C2"], dir)
	_, res2, _ := buildRepo(t, dir, func(o *Options) { o.NoHistory, o.Force = true, true })
	checked := false
	for _, d := range res2.Diagnostics {
		checked = checked || d.Pos.Path == "processes/qt-xoa.md"
	}
	if !checked {
		t.Error("QT-XOA's last version has no diagnostic when checked")
	}
}

package build

import (
	"bytes"
	"context"
	"encoding/xml"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

const qtPath = "processes/qt-ts-01.md"

// historyScenario commits testdata/site.txtar and a story of
// processes/qt-ts-01.md, one day apart from 02/03/2024:
//
//	C1  Ada   import the manual
//	C2  Ben   revision 2: legal basis 200 → 300, step 2 time, body (trailers)
//	S1  Cleo  on pr-1: body "Xem thêm" → "Tham khảo"
//	C3  Ada   on master: review date
//	M1  Ada   merge pr-1, keeping both changes (differs from both parents)
//	C4  Cleo  move the file to processes/thuy-san/, fixing its links
//
// and checks out C4. The revisions of the process are C4,
// M1, C3, S1, C2, C1; C3's parent version is C2's, not S1's.
type historyScenario struct {
	g *gitRepo
	c map[string]plumbing.Hash
}

func newHistoryScenario(t *testing.T) *historyScenario {
	t.Helper()
	g := newGitRepo(t)
	f := siteFiles(t)
	v1 := f[qtPath]
	c := map[string]plumbing.Hash{}
	master := "refs/heads/master"
	c["C1"] = g.Commit(master, nil, f, "Ada", "Nhập sổ tay chất lượng\n")
	v2 := strings.NewReplacer(
		"revision: 1\n", "revision: 2\n",
		`  - "200/QĐ-UBND"`, `  - "300/QĐ-UBND"`,
		"    time: 03 ngày làm việc", "    time: 02 ngày làm việc",
		"Cấp giấy chứng nhận đúng hạn", "Cấp giấy chứng nhận nhanh và đúng hạn",
	).Replace(v1)
	f = with(f, qtPath, v2)
	c["C2"] = g.Commit(master, []plumbing.Hash{c["C1"]}, f, "Ben",
		"QT-TS-01 lần ban hành 2\n\nRút ngắn thời gian thẩm định.\n\nApproved-by: Giám đốc Sở <gd@snn.example.vn>\nChange-reason: Theo Quyết định 300/QĐ-UBND\n")
	vS := strings.Replace(v2, "Xem thêm [quy trình", "Tham khảo [quy trình", 1)
	side := with(f, qtPath, vS)
	c["S1"] = g.Commit("refs/heads/pr-1", []plumbing.Hash{c["C2"]}, side, "Cleo", "Sửa phạm vi QT-TS-01\n")
	v3 := strings.Replace(v2, "review_by: 2026-12-31", "review_by: 2027-06-30", 1)
	f = with(f, qtPath, v3)
	c["C3"] = g.Commit(master, []plumbing.Hash{c["C2"]}, f, "Ada", "Gia hạn rà soát QT-TS-01\n")
	vM := strings.Replace(vS, "review_by: 2026-12-31", "review_by: 2027-06-30", 1)
	f = with(f, qtPath, vM)
	c["M1"] = g.Commit(master, []plumbing.Hash{c["C3"], c["S1"]}, f, "Ada", "Merge pull request #1 from pr-1\n")
	moved := "processes/thuy-san/qt-ts-01.md"
	vMoved := strings.NewReplacer("(../decisions/", "(../../decisions/", "(qt-", "(../qt-").Replace(vM)
	f = with(f, qtPath, "", moved, vMoved)
	c["C4"] = g.Commit(master, []plumbing.Hash{c["M1"]}, f, "Cleo", "Chuyển QT-TS-01 vào thuy-san\n")
	g.Checkout(c["C4"], g.Dir)
	return &historyScenario{g: g, c: c}
}

// short is the 7-digit hash of a scenario commit.
func (s *historyScenario) short(name string) string { return s.c[name].String()[:7] }

// revURL is the revision page of the process at a scenario commit.
func (s *historyScenario) revURL(name string) string {
	return "processes/qt-ts-01/history/" + s.c[name].String() + ".html"
}

// buildRepo builds the content root dir and returns the output, the result
// and what was printed to Stderr.
func buildRepo(t *testing.T, dir string, edit func(*Options)) (string, *Result, string) {
	t.Helper()
	var stderr bytes.Buffer
	opts := Options{Root: dir, Out: filepath.Join(t.TempDir(), "public"), AsOf: testAsOf, Stderr: &stderr}
	if edit != nil {
		edit(&opts)
	}
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("Build: %v\n%s", err, stderr.String())
	}
	return res.Out, res, stderr.String()
}

func contains(t *testing.T, name, s string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Errorf("%s: missing %s", name, w)
		}
	}
}

func TestHistoryPages(t *testing.T) {
	s := newHistoryScenario(t)
	out, res, stderr := buildRepo(t, s.g.Dir, nil)
	if len(res.Warnings) != 0 || strings.Contains(stderr, "git") || strings.Contains(stderr, "commit") {
		t.Errorf("a clean repository warns: %q", stderr)
	}

	doc := page(t, out, "processes/qt-ts-01/")
	contains(t, "process page", doc,
		`<dt>Lần thay đổi cuối</dt><dd><a href="/processes/qt-ts-01/history/">07/03/2024</a> <span class="hint">mã thay đổi `+s.short("C4")+`</span></dd>`,
		`<link rel="alternate" type="application/atom+xml" title="Thay đổi của tài liệu này" href="/processes/qt-ts-01/feed.xml">`,
		`<link rel="alternate" type="application/atom+xml" title="Thay đổi của sổ tay chất lượng" href="/feed.xml">`,
	)

	// The history page lists every revision, newest first.
	hist := page(t, out, "processes/qt-ts-01/history/")
	re := regexp.MustCompile(`<a href="/processes/qt-ts-01/history/([0-9a-f]{40})\.html"><code>([0-9a-f]+)</code></a> · <span class="nowrap">([0-9/]+)</span> · ([^<]+?)(?: <strong|</p>)`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(hist, -1) {
		name := "?"
		for k, v := range s.c {
			if v.String() == m[1] {
				name = k
			}
		}
		got = append(got, name+" "+m[2]+" "+m[3]+" "+m[4])
	}
	want := []string{
		"C4 " + s.short("C4") + " 07/03/2024 Cleo Moreau",
		"M1 " + s.short("M1") + " 06/03/2024 Ada Lind",
		"C3 " + s.short("C3") + " 05/03/2024 Ada Lind",
		"S1 " + s.short("S1") + " 04/03/2024 Cleo Moreau",
		"C2 " + s.short("C2") + " 03/03/2024 Bến Trần",
		"C1 " + s.short("C1") + " 02/03/2024 Ada Lind",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("history page lists\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	contains(t, "history page", hist,
		`<p class="revision-subject">QT-TS-01 lần ban hành 2</p>`,
		`<dt>Người phê duyệt</dt><dd>Giám đốc Sở</dd>`,
		`<dt>Lý do thay đổi</dt><dd>Theo Quyết định 300/QĐ-UBND</dd>`,
		`<p class="revision-change">Chuyển vị trí lưu trữ</p>`,
		`<p class="revision-change">Tạo mới</p>`,
	)

	// C2: field changes and a word diff of the body.
	c2 := html.UnescapeString(page(t, out, s.revURL("C2")))
	contains(t, "C2", c2,
		`<title>QT-TS-01 — Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản — phiên bản `+s.short("C2")+` · Hệ thống quản lý chất lượng ISO 9001</title>`,
		`<p class="banner-heading">PHIÊN BẢN CŨ</p>`,
		`<p><a href="#thay-doi">Những gì thay đổi trong phiên bản này</a> · <a href="/processes/qt-ts-01/">`,
		`<li><strong>Lần ban hành:</strong> 1 → 2</li>`,
		`<li><strong>Căn cứ pháp lý:</strong> + 300/QĐ-UBND, − 200/QĐ-UBND</li>`,
		`<li><strong>Các bước thực hiện:</strong> bước 2: thời gian 03 ngày làm việc → 02 ngày làm việc</li>`,
		`Cấp giấy chứng nhận <ins><span class="visually-hidden">[thêm: </span>nhanh và <span class="visually-hidden">]</span></ins>đúng hạn`,
		`<dt>Lần ban hành</dt><dd>02</dd>`,
		`<td class="nowrap">02 ngày làm việc</td>`,
		`<dt>Người phê duyệt</dt><dd>Giám đốc Sở</dd>`,
		`<a href="/`+s.revURL("C1")+`">phiên bản `+s.short("C1")+` ngày 02/03/2024</a>`,
	)
	// S1 (side branch) changed the body only.
	s1 := html.UnescapeString(page(t, out, s.revURL("S1")))
	contains(t, "S1", s1,
		`<del><span class="visually-hidden">[xóa: </span>Xem thêm<span class="visually-hidden">]</span></del><ins><span class="visually-hidden">[thêm: </span>Tham khảo<span class="visually-hidden">]</span></ins>`,
		`<dt>Hợp nhất vào nhánh chính</dt><dd>Hợp nhất các thay đổi`,
	)
	// C3 is diffed against its parent C2, not against S1 (the entry before
	// it in the list): the body did not change.
	c3 := html.UnescapeString(page(t, out, s.revURL("C3")))
	contains(t, "C3", c3,
		`<li><strong>Hạn rà soát:</strong> 31/12/2026 → 30/06/2027</li>`,
		`<p>Nội dung không thay đổi.</p>`,
		`<a href="/`+s.revURL("C2")+`">`,
	)
	if strings.Contains(c3, "Tham khảo") != strings.Contains(c3, "Tham khảo [quy trình") || strings.Contains(c3, "<del>") {
		t.Error("C3 is diffed against the wrong version")
	}
	// The move keeps the history and says so.
	c4 := html.UnescapeString(page(t, out, s.revURL("C4")))
	contains(t, "C4", c4,
		`<li><strong>Tệp:</strong> processes/qt-ts-01.md → processes/thuy-san/qt-ts-01.md</li>`,
		`Phiên bản mới nhất trong lịch sử`,
	)
	c1 := page(t, out, s.revURL("C1"))
	contains(t, "C1", c1, `Tài liệu được tạo trong phiên bản này`, `<dt>Lần ban hành</dt><dd>01</dd>`)

	// /changes/: newest first by day, the merge as one entry.
	ch := page(t, out, "changes/")
	contains(t, "changes", ch,
		`<h2 id="d-2024-03-07">07/03/2024</h2>`,
		`Hợp nhất các thay đổi</span> <span class="hint">(gộp 1 lần thay đổi)</span>`,
		`<a href="/`+s.revURL("S1")+`">QT-TS-01</a>`,
		`<a href="/changes/2024/03/">Tháng 03/2024</a>`,
		`<a href="/decisions/50-qd-snn/history/`+s.c["C1"].String()+`.html">50/QĐ-SNN</a>`,
	)
	if i, j := strings.Index(ch, "07/03/2024</h2>"), strings.Index(ch, "02/03/2024</h2>"); i < 0 || j < i {
		t.Error("/changes/ is not newest first")
	}
	if strings.Contains(ch, `id="c-`+s.short("S1")+`"`) {
		t.Error("the side-branch commit has an entry of its own")
	}
	contains(t, "changes month", page(t, out, "changes/2024/03/"), `<h1>Các thay đổi tháng 03/2024</h1>`)

	checkFeeds(t, out)
	checkNoEmail(t, out)
	checkHistoryFrames(t, out)
}

// atom is what checkFeeds reads of an Atom feed.
type atom struct {
	XMLName xml.Name
	ID      string `xml:"id"`
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Author struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

var (
	urnRe  = regexp.MustCompile(`^(urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|tag:.+)$`)
	timeRe = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$`)
)

// checkFeeds parses every feed.xml of the site as Atom 1.0 and checks the
// elements RFC 4287 requires: feed id, title, updated, a self link; each
// entry's id, title, updated, link, author name and summary; ids unique.
func checkFeeds(t *testing.T, out string) {
	t.Helper()
	n := 0
	ids := map[string]string{}
	for rel, b := range readTree(t, out) {
		if !strings.HasSuffix(rel, "feed.xml") {
			continue
		}
		n++
		var f atom
		if err := xml.Unmarshal(b, &f); err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.XMLName.Local != "feed" {
			t.Errorf("%s: root %v", rel, f.XMLName)
		}
		self := false
		for _, l := range f.Links {
			self = self || l.Rel == "self" && l.Href == "/"+rel
		}
		if !urnRe.MatchString(f.ID) || f.Title == "" || !timeRe.MatchString(f.Updated) || !self || len(f.Entries) == 0 {
			t.Errorf("%s: feed id %q title %q updated %q self %v, %d entries", rel, f.ID, f.Title, f.Updated, self, len(f.Entries))
		}
		for _, e := range f.Entries {
			if !urnRe.MatchString(e.ID) || e.Title == "" || !timeRe.MatchString(e.Updated) || e.Link.Href == "" || e.Author.Name == "" || e.Summary == "" {
				t.Errorf("%s: entry %+v", rel, e)
			}
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.SplitN(strings.TrimPrefix(e.Link.Href, "/"), "#", 2)[0]), "")); err != nil && !strings.HasSuffix(e.Link.Href, "/") {
				t.Errorf("%s: entry links to %s: %v", rel, e.Link.Href, err)
			}
			if other, dup := ids[e.ID]; dup && other != rel {
				// A commit is one entry of /feed.xml and a revision one
				// entry of its document's feed: ids never repeat across
				// documents.
				if rel != "feed.xml" && other != "feed.xml" {
					t.Errorf("entry id %s in %s and %s", e.ID, rel, other)
				}
			}
			ids[e.ID] = rel
		}
	}
	if n < 10 {
		t.Errorf("only %d feeds", n)
	}
}

var emailRe = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

// checkNoEmail asserts that no file of the site holds an e-mail address.
func checkNoEmail(t *testing.T, out string) {
	t.Helper()
	for rel, b := range readTree(t, out) {
		if m := emailRe.Find(b); m != nil {
			t.Errorf("%s contains an e-mail address: %s", rel, m)
		}
	}
}

// checkHistoryFrames checks the history pages as TestEveryPageFrame checks
// every page: one h1, headings in order, and that every internal link
// resolves.
func checkHistoryFrames(t *testing.T, out string) {
	t.Helper()
	tree := readTree(t, out)
	h1 := regexp.MustCompile(`<h1[ >]`)
	heading := regexp.MustCompile(`<h([1-6])[ >]`)
	attr := regexp.MustCompile(`(?:href|src|action)="(/[^"#?]*)`)
	n := 0
	for rel, b := range tree {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		s := string(b)
		if strings.Contains(rel, "/history/") || strings.HasPrefix(rel, "changes/") {
			n++
			if c := len(h1.FindAllString(s, -1)); c != 1 {
				t.Errorf("%s: %d h1 elements", rel, c)
			}
			_, afterH1, _ := strings.Cut(s, "<h1")
			prev := 1
			for _, m := range heading.FindAllStringSubmatch(afterH1, -1) {
				level := int(m[1][0] - '0')
				if level > prev+1 {
					t.Errorf("%s: h%d after h%d", rel, level, prev)
				}
				prev = level
			}
		}
		for _, m := range attr.FindAllStringSubmatch(s, -1) {
			target := strings.TrimPrefix(m[1], "/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := tree[target]; !ok {
				t.Errorf("%s: link to %s, which does not exist", rel, m[1])
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d history pages", n)
	}
}

// TestHistoryShallow: a depth-1 clone builds, prints one warning with the
// way to fetch the whole history, and every document says that its history
// is truncated instead of claiming that the clone's commit changed it.
func TestHistoryShallow(t *testing.T) {
	s := newHistoryScenario(t)
	dir := s.g.shallowClone(s.c["C4"])
	out, res, stderr := buildRepo(t, dir, nil)
	if len(res.Warnings) != 1 || strings.Count(stderr, "cảnh báo: kho git") != 1 {
		t.Fatalf("warnings %q, stderr:\n%s", res.Warnings, stderr)
	}
	for _, w := range []string{"bản sao nông", "trước ngày 07/03/2024", "git fetch --unshallow", "fetch-depth: 0", "GIT_DEPTH: 0"} {
		if !strings.Contains(res.Warnings[0], w) {
			t.Errorf("warning lacks %q: %s", w, res.Warnings[0])
		}
	}
	banner := `Lịch sử thay đổi của tài liệu này bị cắt ngắn: chỉ có từ ngày 07/03/2024.`
	for _, p := range []string{"processes/qt-ts-01/", "decisions/50-qd-snn/", "procedures/na-01/", "processes/qt-ts-01/history/"} {
		contains(t, p, page(t, out, p), banner)
	}
	doc := page(t, out, "processes/qt-ts-01/")
	contains(t, "process page", doc, `<dt>Lần thay đổi cuối</dt><dd><a href="/processes/qt-ts-01/history/">không rõ</a>`)
	if strings.Contains(doc, "Tạo mới") {
		t.Error("the boundary commit claims to have created the document")
	}
	rev := page(t, out, "processes/qt-ts-01/history/"+s.c["C4"].String()+".html")
	contains(t, "boundary revision", rev, `Đây là trạng thái cũ nhất được lưu`)
	checkNoEmail(t, out)
}

// TestHistoryNotRepo: outside git the site is built without history, with
// exactly one warning.
func TestHistoryNotRepo(t *testing.T) {
	root := writeArchive(t, loadArchive(t, "site.txtar"))
	out, res, stderr := buildRepo(t, root, nil)
	if len(res.Warnings) != 1 || strings.Count(stderr, "không nằm trong kho git") != 1 {
		t.Errorf("warnings %q, stderr:\n%s", res.Warnings, stderr)
	}
	for _, p := range []string{"changes/index.html", "feed.xml", "processes/qt-01/history/index.html", "processes/qt-01/feed.xml"} {
		if exists(out, p) {
			t.Errorf("%s written without history", p)
		}
	}
	if strings.Contains(page(t, out, "processes/qt-01/"), "Lần thay đổi cuối") {
		t.Error("a last change without history")
	}
	if _, res, stderr := buildRepo(t, root, func(o *Options) { o.NoHistory = true }); len(res.Warnings) != 0 || strings.Contains(stderr, "git") {
		t.Errorf("NoHistory warns: %q", stderr)
	}
}

// TestHistoryDirty: build warns about uncommitted files in one line; with
// ShowUncommitted (qms serve) the pages say "Chưa lưu phiên bản" instead.
func TestHistoryDirty(t *testing.T) {
	s := newHistoryScenario(t)
	qt := filepath.Join(s.g.Dir, "processes", "thuy-san", "qt-ts-01.md")
	b, err := os.ReadFile(qt)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(qt, bytes.Replace(b, []byte("Tham khảo"), []byte("Xem"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	newDoc := strings.Replace(string(b), `code: "QT-TS-01"`, `code: "QT-TS-09"`, 1)
	if err := os.WriteFile(filepath.Join(s.g.Dir, "processes", "thuy-san", "qt-ts-09.md"), []byte(newDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	out, res, stderr := buildRepo(t, s.g.Dir, func(o *Options) { o.Force = true })
	want := "2 tệp chưa ghi thay đổi (processes/thuy-san/qt-ts-01.md, processes/thuy-san/qt-ts-09.md)"
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], want) || strings.Count(stderr, "chưa ghi thay đổi") != 1 {
		t.Errorf("warnings %q, want one starting %q; stderr:\n%s", res.Warnings, want, stderr)
	}
	if strings.Contains(page(t, out, "processes/qt-ts-01/"), "Chưa lưu phiên bản") {
		t.Error("build marks pages as not saved in the history (only serve does)")
	}
	// The page is built from the working tree, the history from HEAD.
	contains(t, "process page", page(t, out, "processes/qt-ts-01/"), `Xem <a href="/processes/qt-01/#1-muc-dich">`)

	out, res, _ = buildRepo(t, s.g.Dir, func(o *Options) { o.Force, o.ShowUncommitted = true, true })
	if len(res.Warnings) != 0 {
		t.Errorf("ShowUncommitted warns %q", res.Warnings)
	}
	contains(t, "process page", page(t, out, "processes/qt-ts-01/"),
		`<strong class="tag tag-yellow">Chưa lưu phiên bản</strong> <span class="hint">mã thay đổi `+s.short("C4")+`; tệp trong thư mục làm việc đã sửa, chưa lưu phiên bản</span>`)
	contains(t, "history page", page(t, out, "processes/qt-ts-01/history/"), `<strong class="tag tag-yellow">Chưa lưu phiên bản</strong> Tệp trong thư mục làm việc đã sửa, chưa lưu phiên bản`)
	contains(t, "new document", page(t, out, "processes/qt-ts-09/"), `<dt>Lần thay đổi cuối</dt><dd><a href="/processes/qt-ts-09/history/">chưa lưu phiên bản</a>`)
	// The latest revision page shows the committed text, not the edit.
	contains(t, "revision", page(t, out, s.revURL("C4")), "Tham khảo")
}

// TestHistoryDeterminism: two builds of the same repository are
// byte-identical, history pages and feeds included.
func TestHistoryDeterminism(t *testing.T) {
	s := newHistoryScenario(t)
	out1, _, _ := buildRepo(t, s.g.Dir, nil)
	out2, _, _ := buildRepo(t, s.g.Dir, func(o *Options) { o.Workers = 1 })
	t1, t2 := readTree(t, out1), readTree(t, out2)
	if len(t1) != len(t2) {
		t.Fatalf("%d files, then %d", len(t1), len(t2))
	}
	for p, b := range t1 {
		if !bytes.Equal(b, t2[p]) {
			t.Errorf("%s differs between builds", p)
		}
	}
}

// TestUncommitted: the working tree is compared with HEAD without
// re-reading clean files, and still finds every kind of difference: a
// deleted file, a file that does not load, and no difference for a file
// that only gained CRLF line endings.
func TestUncommitted(t *testing.T) {
	s := newHistoryScenario(t)
	qt01 := filepath.Join(s.g.Dir, "processes", "qt-01.md")
	b, err := os.ReadFile(qt01)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(qt01, bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(s.g.Dir, "procedures", "na-04.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.g.Dir, "processes", "broken.md"), []byte("---\ncode: [\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, res, stderr := buildRepo(t, s.g.Dir, func(o *Options) { o.Force = true })
	want := "2 tệp chưa ghi thay đổi (procedures/na-04.md, processes/broken.md)"
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], want) {
		t.Errorf("warnings %q, want one starting %q; stderr:\n%s", res.Warnings, want, stderr)
	}
}

// TestRenameSaysFormerCode: a file moved with a new code is listed in the
// history as a change of code, naming the former one, not as file paths.
func TestRenameSaysFormerCode(t *testing.T) {
	g := newGitRepo(t)
	f := siteFiles(t)
	master := "refs/heads/master"
	c1 := g.Commit(master, nil, f, "Ada", "Nhập sổ tay chất lượng\n")
	renamed := strings.Replace(f[qtPath], `code: "QT-TS-01"`, `code: "QT-TS-09"`, 1)
	if renamed == f[qtPath] {
		t.Fatal("the fixture's process has no code line to change")
	}
	f = with(f, qtPath, "", "processes/qt-ts-09.md", renamed)
	c2 := g.Commit(master, []plumbing.Hash{c1}, f, "Ben", "Đổi mã QT-TS-01 thành QT-TS-09\n")
	g.Checkout(c2, g.Dir)
	out, _, _ := buildRepo(t, g.Dir, nil)
	contains(t, "history page", page(t, out, "processes/qt-ts-09/history/"),
		`<p class="revision-change">Đổi mã; trước đây là QT-TS-01</p>`)
}

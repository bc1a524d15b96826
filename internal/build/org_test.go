package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// agencyRE matches the names of the provincial department the code was
// first written for (issue 15): its name, abbreviation, province and web
// domain.
var agencyRE = regexp.MustCompile(`(?i)nghệ an|nghe an|nghean|ptnt|nông nghiệp|snnptnt`)

// TestOtherOrganization builds testdata/org.txtar, the manual of another
// organisation with its own qms.yaml and two commits, one on each side of
// the organisation's renaming. Every page names that organisation: by its
// name on the day of the version shown, the current one on every page but
// the first version's revision pages. No file of the site, feeds and
// search index included, names the department the code was written for:
// the fixture does not, so whatever did would come from the code.
func TestOtherOrganization(t *testing.T) {
	a := loadArchive(t, "org.txtar")
	files := map[string]string{}
	for _, f := range a.Files {
		if m := agencyRE.Find(f.Data); m != nil {
			t.Fatalf("the fixture itself names %q in %s", m, f.Name)
		}
		files[f.Name] = string(f.Data)
	}
	g := newGitRepo(t)
	master := "refs/heads/master"
	c1 := g.Commit(master, nil, files, "Ada", "Nhập sổ tay chất lượng\n") // 02/03/2024, the former name's last day
	v2 := strings.Replace(files["processes/qt-02.md"], "đúng hẹn.", "đúng hẹn, trong ngày.", 1)
	c2 := g.Commit(master, []plumbing.Hash{c1}, with(files, "processes/qt-02.md", v2), "Ben", "Sửa QT-02\n")
	g.Checkout(c2, g.Dir)
	out, _, _ := buildRepo(t, g.Dir, func(o *Options) { o.Commit = "abc1234" })

	const name, former = "UBND xã Hưng Lộc", "UBND xã Hưng Phú"
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if m := agencyRE.Find(b); m != nil {
			t.Errorf("%s names %q", rel, m)
		}
		if !strings.HasSuffix(rel, ".html") {
			return nil
		}
		pages++
		want := name
		if strings.HasSuffix(rel, "/history/"+c1.String()+".html") {
			want = former
		}
		contains(t, rel, string(b),
			`<html lang="vi"`,
			` · Sổ tay chất lượng UBND xã Hưng Lộc</title>`,
			`<span class="site-org">`+want+`</span>`,
			`<p>Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 của `+want+`.</p>`,
			`Phiên bản sổ tay: <code>abc1234</code>`,
		)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Errorf("only %d pages", pages)
	}
	if !exists(out, "processes/qt-02/history/"+c1.String()+".html") {
		t.Error("no page of QT-02's first version")
	}

	contains(t, "home page", page(t, out, ""),
		`<h1>Sổ tay chất lượng UBND xã Hưng Lộc</h1>`,
		`TCVN ISO 9001:2015 của UBND xã Hưng Lộc: các quy trình`,
		`<p class="former-names">Trước đây: UBND xã Hưng Phú <span class="hint">(đến ngày 02/03/2024, theo <a href="/decisions/12-nq-hdnd/">12/NQ-HĐND</a>)</span>.</p>`,
	)
	// QT-02 names the unit by its former name: it is listed on the
	// current unit's page, which says the former name.
	contains(t, "unit page", page(t, out, "units/bo-phan-mot-cua/"),
		`<h1>Bộ phận Một cửa</h1>`,
		`<p class="former-names">Trước đây: Bộ phận Tiếp nhận và trả kết quả <span class="hint">(đến ngày 31/12/2023)</span>.</p>`,
		`>QT-02</a>`, `>QT-03</a>`, `>HL-01</a>`,
	)
	if exists(out, "units/bo-phan-tiep-nhan-va-tra-ket-qua/") {
		t.Error("the unit's former name has a page of its own")
	}
	feed := page(t, out, "feed.xml")
	contains(t, "feed", feed, `<author>`+"\n"+`  <name>UBND xã Hưng Lộc</name>`, `<title>Sổ tay chất lượng UBND xã Hưng Lộc — các thay đổi</title>`)
	if !regexp.MustCompile(`<feed[^>]*>\s*<id>urn:uuid:[0-9a-f-]{36}</id>`).MatchString(feed) {
		t.Errorf("feed id is not a urn:uuid:\n%.400s", feed)
	}
}

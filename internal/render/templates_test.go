package render

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/site"
)

// themeWith copies the site's own theme, replacing old by new in the
// named template files.
func themeWith(t *testing.T, edits map[string][2]string) fstest.MapFS {
	t.Helper()
	theme := fstest.MapFS{}
	err := fs.WalkDir(site.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(site.FS, p)
		if err != nil {
			return err
		}
		if e, ok := edits[path.Base(p)]; ok {
			if !bytes.Contains(b, []byte(e[0])) {
				t.Fatalf("%s has no %q", p, e[0])
			}
			b = bytes.Replace(b, []byte(e[0]), []byte(e[1]), 1)
		}
		theme[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return theme
}

// TestThemeChangesPages: a theme that changes a template or a partial
// changes every page that uses it; there is no second renderer.
func TestThemeChangesPages(t *testing.T) {
	theme := themeWith(t, map[string][2]string{
		"partials.html": {`{{define "doclink" -}}`, `{{define "doclink" -}}<i class="theme-link"></i>`},
		"base.html":     {`<main id="main" tabindex="-1">`, `<main id="main" tabindex="-1" class="theme-main">`},
	})
	theme["templates/partials.html"].Data = bytes.Replace(theme["templates/partials.html"].Data,
		[]byte("{{define \"processRow\" -}}\n<tr>"), []byte(`{{define "processRow" -}}<tr class="theme-row">`), 1)
	d := newDeletedScenario()
	s := newTestSite(t, d.files, func(o *Options) { o.History = d.hist; o.Templates = theme })
	for _, f := range s.Files() {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if !strings.Contains(b.String(), `<main id="main" tabindex="-1" class="theme-main">`) {
			t.Errorf("%s does not use the theme's base template", f.Path)
		}
	}
	for _, p := range []string{"processes/index.html", "units/chi-cuc-thuy-san/index.html"} {
		if page := renderFile(t, s, p); !strings.Contains(page, "<tbody>\n<tr class=\"theme-row\">") {
			t.Errorf("%s: the theme's processRow partial was not used:\n%s", p, mainOf(page))
		}
	}
	if p := renderFile(t, s, "changes/index.html"); !strings.Contains(p, `<li><i class="theme-link"></i>`) {
		t.Errorf("the theme's doclink partial was not used:\n%s", mainOf(p))
	}
}

// TestPrintHeaderEscaped: a document's print header cannot end its CSS
// string or its style element.
func TestPrintHeaderEscaped(t *testing.T) {
	s := newTestSite(t, map[string]string{"decisions/61.md": decisionHead}, nil)
	p := s.newPage("x", "decisions", "x/")
	p.PrintHeader = `QT "01"</style><script>alert(1)</script>\`
	var b bytes.Buffer
	if err := s.exec(&b, "notfound", p); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	start := strings.Index(out, `<style>:root{--qms-print-header:"`)
	if start < 0 {
		t.Fatalf("no print header:\n%s", out)
	}
	style, _, _ := strings.Cut(out[start:], "</style>")
	if strings.Contains(style, "<script") || strings.Count(style, `"`) != 2 || !strings.HasSuffix(style, `"}`) {
		t.Errorf("the print header escapes its string: %s", style)
	}
}

var (
	landmarkRE = regexp.MustCompile(`<(section|div|nav|aside|form)\b([^>]*)>`)
	attrRE     = regexp.MustCompile(`\b(role|aria-label|aria-labelledby)="([^"]*)"`)
	tagRE      = regexp.MustCompile(`<[^>]*>`)
)

// regionNames returns the accessible names of a page's region landmarks:
// sections with a name and elements with role="region", each named by
// aria-label or by the text of the element aria-labelledby points at.
func regionNames(t *testing.T, page string) []string {
	t.Helper()
	var names []string
	for _, m := range landmarkRE.FindAllStringSubmatch(page, -1) {
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllStringSubmatch(m[2], -1) {
			attrs[a[1]] = a[2]
		}
		if m[1] != "section" && attrs["role"] != "region" {
			continue
		}
		name := attrs["aria-label"]
		if id := attrs["aria-labelledby"]; id != "" {
			_, after, ok := strings.Cut(page, ` id="`+id+`"`)
			if !ok {
				t.Fatalf("aria-labelledby=%q names no element", id)
			}
			after = after[strings.IndexByte(after, '>')+1:]
			text, _, _ := strings.Cut(after, "</")
			name = tagRE.ReplaceAllString(text, "")
		}
		if name != "" {
			names = append(names, html.UnescapeString(strings.TrimSpace(name)))
		}
	}
	return names
}

// TestLandmarksUnique: no two region landmarks of a page share an
// accessible name (axe-core's landmark-unique), in particular a labelled
// section and the scrolling table inside it.
func TestLandmarksUnique(t *testing.T) {
	root := os.DirFS("../..")
	c, _ := content.Load(root)
	own, err := New(c, Options{Templates: site.FS, AsOf: testAsOf, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	d := newDeletedScenario()
	for name, s := range map[string]*Site{"own": own, "deleted": d.site(t), "changes": changesScenario(t)} {
		checked := 0
		for p, b := range renderAll(t, s) {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			names := regionNames(t, string(b))
			seen := map[string]bool{}
			for _, n := range names {
				if seen[n] {
					t.Errorf("%s %s: two regions named %q", name, p, n)
				}
				seen[n] = true
			}
			if len(names) > 1 {
				checked++
			}
		}
		if checked == 0 {
			t.Errorf("%s: no page with two regions", name)
		}
	}
}

var descriptionRE = regexp.MustCompile(`<meta name="description" content="([^"]+)">`)

// TestMetaDescription: every page has one meta description; a document
// page's says its kind, code, title and status, and a revision page's
// which version it is.
func TestMetaDescription(t *testing.T) {
	d := newDeletedScenario()
	files := renderAll(t, d.site(t))
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		if m := descriptionRE.FindAllSubmatch(b, -1); len(m) != 1 {
			t.Errorf("%s has %d meta descriptions", p, len(m))
		}
	}
	for p, want := range map[string]string{
		"processes/qt-01/index.html":         "Quy trình QT-01: Quy trình cấp phép. Tình trạng: đang áp dụng.",
		"decisions/61/index.html":            "Văn bản 61/2018/NĐ-CP: Về cơ chế một cửa. Tình trạng: đã bị xóa.",
		"processes/qt-05/index.html":         "Quy trình QT-05: Quy trình cấp phép khai thác. Tình trạng: đã bị xóa.",
		"processes/qt-01/history/index.html": "Lịch sử thay đổi của quy trình QT-01: Quy trình cấp phép.",
		"processes/index.html":               "Quy trình — Hệ thống quản lý chất lượng ISO 9001 của Cơ quan.",
	} {
		m := descriptionRE.FindSubmatch(files[p])
		if m == nil || html.UnescapeString(string(m[1])) != want {
			t.Errorf("%s: description %q, want %q", p, m, want)
		}
	}
	cur := renderFile(t, newTestSite(t, map[string]string{"decisions/61.md": decisionHead}, nil), "decisions/61/index.html")
	if m := descriptionRE.FindStringSubmatch(cur); m == nil || m[1] != "Văn bản 61/2018/NĐ-CP: Về cơ chế một cửa. Tình trạng: còn hiệu lực." {
		t.Errorf("decision in force: description %q", m)
	}
	for p, b := range files {
		if strings.Contains(p, "/history/") && strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, "index.html") {
			if m := descriptionRE.FindSubmatch(b); m == nil || !strings.HasPrefix(string(m[1]), "Phiên bản ngày ") {
				t.Errorf("%s: description %q", p, m)
			}
		}
	}
}

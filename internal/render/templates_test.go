package render

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

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

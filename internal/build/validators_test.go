package build

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
	"github.com/snnptnt-nghean/qms/internal/validatortest"
)

// TestNuHTMLChecker: every page of a built site with history (documents,
// lists, history and revision pages, change log) passes the Nu Html Checker
// without an error or a warning, and so does every page of a manual with
// its own qms.yaml (org.txtar: former names on the home and unit pages).
func TestNuHTMLChecker(t *testing.T) {
	s := newHistoryScenario(t)
	out, _, _ := buildRepo(t, s.g.Dir, nil)
	for _, m := range validatortest.HTMLErrors(t, out) {
		t.Error(m)
	}
	org, _ := buildSite(t, loadArchive(t, "org.txtar"), nil)
	for _, m := range validatortest.HTMLErrors(t, org) {
		t.Error("org.txtar: " + m)
	}
}

// TestAxe: one page of each kind passes axe-core's WCAG 2.1 A and AA rules
// in Chromium, and so do the pages that show former names (org.txtar).
func TestAxe(t *testing.T) {
	s := newHistoryScenario(t)
	out, _, _ := buildRepo(t, s.g.Dir, nil)
	pages := pageKinds(t, out)
	if len(pages) < 12 {
		t.Fatalf("only %d page kinds found: %v", len(pages), pages)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	b := browsertest.Start(t)
	for _, p := range pages {
		b.Open(t, srv.URL+p)
		for _, v := range validatortest.AxeViolations(t, b) {
			t.Errorf("%s: %s", p, v)
		}
	}
	org, _ := buildSite(t, loadArchive(t, "org.txtar"), nil)
	orgSrv := httptest.NewServer(http.FileServer(http.Dir(org)))
	t.Cleanup(orgSrv.Close)
	for _, p := range []string{"/", "/units/bo-phan-mot-cua/"} {
		b.Open(t, orgSrv.URL+p)
		for _, v := range validatortest.AxeViolations(t, b) {
			t.Errorf("org.txtar %s: %s", p, v)
		}
	}
	b.NoConsoleErrors(t)
}

// pageKinds returns the URL of the first page (in path order) of each kind
// of page in the output: paths are grouped by their shape, each segment
// that names one document, unit, field, month or revision replaced by "*".
func pageKinds(t *testing.T, out string) []string {
	t.Helper()
	fixed := []string{"processes", "procedures", "decisions", "units", "fields", "changes", "checks", "search", "history", "index.html", "404.html"}
	seen := map[string]bool{}
	var urls []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		segs := strings.Split(filepath.ToSlash(rel), "/")
		for i, s := range segs {
			if !slices.Contains(fixed, s) {
				segs[i] = "*" + path.Ext(s)
			}
		}
		kind := strings.Join(segs, "/")
		if seen[kind] {
			return nil
		}
		seen[kind] = true
		u := "/" + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
		urls = append(urls, u)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return urls
}

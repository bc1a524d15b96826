package render

import (
	"encoding/xml"
	"testing"
)

// TestSitemap: sitemap.xml is written only under an absolute base URL; it
// lists every page with its absolute URL, deleted documents' pages
// included, and the date of the last change of the pages whose content
// comes from git.
func TestSitemap(t *testing.T) {
	d := newDeletedScenario()
	for _, base := range []string{"", "/iso/", "//qms.example.vn/iso/"} {
		s := newTestSite(t, d.files, func(o *Options) { o.History = d.hist; o.BaseURL = base })
		if s.Sitemap() || fileList(s)["sitemap.xml"] {
			t.Errorf("base URL %q: a sitemap.xml", base)
		}
	}
	s := newTestSite(t, d.files, func(o *Options) { o.History = d.hist; o.BaseURL = "https://qms.example.vn/iso" })
	if !s.Sitemap() {
		t.Fatal("absolute base URL: Sitemap() is false")
	}
	var sm sitemap
	if err := xml.Unmarshal([]byte(renderFile(t, s, "sitemap.xml")), &sm); err != nil {
		t.Fatal(err)
	}
	if sm.XMLName.Space != sitemapNS {
		t.Errorf("namespace %q", sm.XMLName.Space)
	}
	got := map[string]string{}
	for _, u := range sm.URLs {
		if _, dup := got[u.Loc]; dup {
			t.Errorf("%s listed twice", u.Loc)
		}
		got[u.Loc] = u.LastMod
	}
	const b = "https://qms.example.vn/iso/"
	want := map[string]string{
		b:                              "",
		b + "processes/":               "",
		b + "processes/qt-01/":         "2024-03-01",
		b + "processes/qt-01/history/": "2024-03-01",
		b + "processes/qt-05/":         "2024-03-03",
		b + "processes/qt-05/history/": "2024-03-03",
		b + "decisions/61/history/":    "2024-03-03",
		b + "changes/":                 "2024-03-03",
		b + "changes/2024/03/":         "2024-03-03",
		b + "units/chi-cuc-thuy-san/":  "",
		b + "checks/":                  "",
	}
	for loc, mod := range want {
		if m, ok := got[loc]; !ok {
			t.Errorf("%s not listed", loc)
		} else if m != mod {
			t.Errorf("%s: lastmod %q, want %q", loc, m, mod)
		}
	}
	if _, ok := got[b+"404.html"]; ok {
		t.Error("404.html listed")
	}
}

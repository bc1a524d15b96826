package render

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/site"
)

var testAsOf = qms.Date{Year: 2025, Month: 6, Day: 1}

// newTestSite loads files (content path → text) and builds the site model.
func newTestSite(t testing.TB, files map[string]string, edit func(*Options)) *Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	c, _ := content.Load(fsys)
	opts := Options{Templates: site.FS, AsOf: testAsOf, Commit: "abc1234"}
	if edit != nil {
		edit(&opts)
	}
	s, err := New(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// renderFile renders the output file at path.
func renderFile(t testing.TB, s *Site, path string) string {
	t.Helper()
	for _, f := range s.Files() {
		if f.Path == path {
			var b bytes.Buffer
			if err := f.Write(&b); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			return b.String()
		}
	}
	t.Fatalf("no file %s", path)
	return ""
}

// body returns the contents of the page's <main> element.
func mainOf(page string) string {
	_, after, _ := strings.Cut(page, `<main id="main" tabindex="-1">`)
	m, _, _ := strings.Cut(after, "</main>")
	return m
}

const decisionHead = `---
number: "61/2018/NĐ-CP"
type: nghi-dinh
issuer: Chính phủ
issued: 2018-04-23
title: Về cơ chế một cửa
---
`

func procedureFile(code, title, field string) string {
	return `---
code: "` + code + `"
title: ` + title + `
field: ` + field + `
level: tinh
agency: Chi cục Thủy sản
receiving: Trung tâm Phục vụ hành chính công tỉnh
time_limit: 05 ngày làm việc
announced_by:
  - "61/2018/NĐ-CP"
---
Minh họa.
`
}

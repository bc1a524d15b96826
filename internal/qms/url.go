package qms

import (
	"strconv"
	"strings"
)

// reservedStems are page path segments the site uses for its own filter
// pages ("processes/by-status/"); a document whose stem is one of them
// gets a "doc-" page instead.
var reservedStems = map[string]bool{"by-kind": true, "by-status": true}

// PagePath is the path, relative to the site's root, of the page of a
// document of kind whose file stem is stem, when no other document has
// taken it: "processes/qt-01/". A stem that is not one safe URL segment
// (letters, digits, '.', '-', '_'), or is reserved, becomes "doc-" and
// its slug: "processes/doc-quy-trinh/".
func PagePath(kind Kind, stem string) string {
	if stem == "" || stem == "." || stem == ".." || reservedStems[stem] || !segmentSafe(stem) {
		stem = "doc-" + PageSlug(stem)
	}
	return kind.Dir() + "/" + stem + "/"
}

// PagePaths gives every document of c that has a page its path relative
// to the site's root, in the order of Documents, so that a stem shared by
// two documents of a kind (a check error) still gives each a page: the
// later one gets "-2", "-3" ... A draft process has a page only when
// drafts is set; a document with a front-matter syntax error (Partial)
// has none.
func (c *Corpus) PagePaths(drafts bool) map[Document]string {
	paths := map[Document]string{}
	used := map[string]bool{}
	for _, doc := range c.Documents() {
		if p, ok := doc.(*Process); ok && p.Status == StatusDraft && !drafts {
			continue
		}
		b := doc.Base()
		u := PagePath(b.Kind, b.Stem)
		base := strings.TrimSuffix(u, "/")
		for i := 2; used[u]; i++ {
			u = base + "-" + strconv.Itoa(i) + "/"
		}
		used[u] = true
		paths[doc] = u
	}
	return paths
}

// segmentSafe reports whether s has only ASCII letters, digits, '.', '-'
// and '_'.
func segmentSafe(s string) bool {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
		default:
			return false
		}
	}
	return true
}

// PageSlug folds s (Fold) to lower-case ASCII letters and digits with runs of
// other characters as single dashes: "Chi cục Thủy sản" →
// "chi-cuc-thuy-san". Page addresses, unit and field pages and heading ids
// (internal/markup) all use it.
func PageSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

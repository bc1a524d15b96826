package render

import (
	"io/fs"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Options control what New renders.
type Options struct {
	// Templates holds templates/*.html (site.FS).
	Templates fs.FS
	// BaseURL is where the site is published: "" (the root of the host),
	// a path ("/qms/") or an absolute URL ("https://example.gov.vn/qms/").
	// Links use its path; sitemap.xml and the feeds' links use it whole,
	// and only an absolute URL gets a sitemap.xml.
	BaseURL string
	// AsOf is the date statuses are evaluated at. Required.
	AsOf qms.Date
	// Commit is the short hash of the content's commit, printed on every
	// page and on every printed sheet; "" when unknown.
	Commit string
	// Drafts publishes draft processes.
	Drafts bool
	// Diagnostics are shown on the pages of the files they are about
	// (a forced build with errors); only errors are shown, unless
	// Warnings is set.
	Diagnostics []qms.Diagnostic
	// Warnings shows warnings on the pages too (qms serve, for editors).
	Warnings bool
	// LiveReload is the URL, relative to the base path, of qms serve's
	// reload script ("__qms/reload.js?g=7"), added to every page as a
	// deferred script; "" (a published build) adds nothing.
	LiveReload string
	// Checks lists every check for the /checks/ page.
	Checks []CheckInfo
	// LastChanged gives, by content path ("processes/qt-01.md"), the last
	// commit that changed a document; nil or missing entries show nothing.
	// With History set, documents missing here take it from History.
	LastChanged map[string]LastChange
	// History is the git history: with it every published document gets a
	// history page, a page per revision and an Atom feed, and the site gets
	// /changes/ and /feed.xml (see the package comment). Nil builds the
	// site without history.
	History *History
}

// CheckInfo describes one check for the /checks/ page.
type CheckInfo struct {
	ID       string
	Name     string
	Severity qms.Severity
	Title    string
	// Body is the rest of the check's documentation, plain text with
	// paragraphs separated by blank lines.
	Body string
}

// LastChange is the last commit that changed a document, from git.
type LastChange struct {
	Date qms.Date
	// Commit is the short hash.
	Commit string
	// HistoryURL is the site-relative URL of the document's history page
	// ("processes/qt-01/history/"), or "" when there is none.
	HistoryURL string
	// Truncated reports that the last known change is a shallow clone's
	// boundary: the real date is unknown.
	Truncated bool
	// Uncommitted is set when the working-tree file differs from HEAD
	// (qms serve): what differs, such as "đã sửa, chưa lưu phiên bản".
	Uncommitted string
}

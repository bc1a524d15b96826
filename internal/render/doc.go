// Package render turns a loaded corpus into the pages of the public site.
//
// New builds the site model from a *qms.Corpus and Options; Files lists
// every output file with a function that writes it. The caller (package
// build) writes the files, in parallel if it likes: Write functions are safe
// for concurrent use and each renders one page from the shared, read-only
// model.
//
// # URLs
//
// Every page is a directory with an index.html, at a fixed URL relative to
// the site's base path (Options.BaseURL's path, "/" by default):
//
//	""                             the dashboard
//	processes/                     every process; processes/<stem>/ one process
//	processes/by-kind/<kind>/      processes of one kind (framework, task)
//	processes/by-status/<status>/  processes with one status
//	procedures/, procedures/<stem>/
//	decisions/, decisions/<stem>/
//	units/, units/<slug>/          processes and procedures by unit
//	fields/, fields/<slug>/        procedures by field ("lĩnh vực")
//	checks/                        every check with its documentation
//	search/                        the search page (the index is written by build)
//	hieu-luc/                      the manual on a date: a timeline of every change of
//	                               issue and status, and hieu-luc.js answering for ?ngay=
//	404.html
//	sitemap.xml                    only when Options.BaseURL is an absolute URL
//
// With Options.History (the git history, given by package build) every
// published document also gets
//
//	<kind>/<stem>/history/              every revision, newest first
//	<kind>/<stem>/history/<hash>.html   one revision (<hash>: the full commit hash)
//	<kind>/<stem>/feed.xml              an Atom feed of its revisions
//
// and the site gets changes/ (the latest changes of every document, grouped
// by day, and the months), changes/<yyyy>/<mm>/ (every change of a month)
// and feed.xml (an Atom feed of the latest changes). See "History" below.
//
// <stem> is the document's file name without ".md"; a stem that is empty,
// "." or "..", or that names a filter page, is replaced by its slug prefixed
// with "doc-". <slug> is the name folded to ASCII, lower case, with runs of
// other characters as "-" (qms.PageSlug); names that fold alike are one
// unit or field, named as most documents spell it, so its URL does not
// depend on the order files are read in.
//
// Every link is path-absolute under the base path, so the site works from any
// sub-path of any static host. sitemap.xml and the feeds' links use the
// whole BaseURL; the sitemaps protocol requires absolute URLs, so without
// one there is no sitemap.xml (Site.Sitemap). Its entries carry the date
// of the page's last change in git where there is one.
//
// # Status
//
// Statuses are evaluated as of Options.AsOf: a decision's status is
// (*qms.Corpus).StatusOf's; a procedure is abolished from the effective date
// of the decision that abolishes it; a process has the status its front matter
// gives. A document that no longer has effect stays published with a
// notification banner "HẾT HIỆU LỰC" linking to its successor where there is
// one. Draft processes are published only with Options.Drafts; links to an
// unpublished document render as plain text.
//
// # Markdown
//
// Bodies are rendered by goldmark in the dialect of package markup (the
// one the checks read them in): CommonMark with the GFM table and
// strikethrough extensions, without html.WithUnsafe: raw HTML is omitted. A link whose
// destination has a scheme other than http, https, mailto or tel (such as
// javascript:, vbscript: or data:) renders as its text, as does an image
// whose source is not a relative path (the site makes no third-party
// requests). A relative link to a .md file of the corpus is rewritten to the
// document's page URL (its fragment kept); one that names no published
// document renders as its text. Headings are shifted so that a body's top
// level is h2, below the page's h1, never skip a level, and get ASCII ids
// folded from their text (markup.IDs). Links and headings are rewritten by
// goldmark AST transformers; a body is rendered once for all the pages
// that show it (a cache by its Markdown, document path and level).
//
// # History
//
// A document page shows "Lần thay đổi cuối": the date (dd/mm/yyyy) and
// short hash of the newest revision, linking to the history page. The
// history page lists each revision's short hash, date, author name, commit
// subject and the trailers Approved-by ("Người phê duyệt"), Reviewed-by
// ("Người xem xét") and Change-reason ("Lý do thay đổi"). A revision page
// renders the document as it was after the commit with the same code as
// the current page (the blob parsed by History.Parse), under a banner that
// says which version it is ("PHIÊN BẢN CŨ" for any but the newest), and
// then what the commit changed against the file in its first parent
// (qms.Revision.ParentBlob, not the next older entry of the list): the
// front-matter fields that changed, in Vietnamese ("Lần ban hành: 1 → 2",
// "Căn cứ pháp lý: + 3463/QĐ-UBND, − 3465/QĐ-UBND", steps summarised), and
// the body as a word-level diff (package textdiff) in <del> and <ins>, each
// labelled "xóa:" or "thêm:" for screen readers and struck through or
// underlined by the style sheet, with long unchanged stretches folded.
//
// /changes/ and /feed.xml show one entry per commit that changed a
// published document, a merged pull request (History.Groups) as one entry
// with the commits it brought in. A document deleted from the repository
// (History.Deleted) keeps the URL it had: a tombstone page ("TÀI LIỆU ĐÃ
// BỊ XÓA", with the deleting commit and links to its last content), its
// history page, revision pages and feed, none of them in the lists, the
// dashboard, the search index or the checks; only when a current document
// has that URL does the current one win and the deleted one stay on
// /changes/ without links. Feed ids are name-based UUID URNs of the
// organisation's earliest recorded name and the feed's path in the site
// (Site.feedID), entry ids name-based UUID URNs of the commit: neither
// changes with the base URL or a rename of the organisation. Every date comes from git, so feeds are as deterministic as
// pages. A shallow clone's
// documents whose history starts at the boundary say so in a banner, and
// their last change reads "không rõ". With History.ShowUncommitted a
// document whose file differs from HEAD is tagged "Chưa lưu phiên bản".
//
// Revision pages parse each blob once while the pages of one document are
// written one after another (a small cache keyed by path and blob), and
// the newest revision of a file that did not change since HEAD is the
// document already loaded.
//
// # Order and determinism
//
// Alphabetical lists (units, fields, titles, receiving places) are sorted
// with Vietnamese collation (golang.org/x/text/collate); codes are sorted
// with numeric collation ("QT-2" before "QT-10"); decisions are listed newest
// first. Dates read dd/mm/yyyy. Nothing depends on the wall clock or on map
// order, so the same corpus and Options give byte-identical files.
package render

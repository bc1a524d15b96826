package render

import (
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// past says how a document page renders a past revision of the document
// instead of the current one: at the revision page's URL, with summary rows
// about the revision instead of "Lần thay đổi cuối", and with relations
// (status, cited by, implementers) of the current document, which the index
// keeps by document.
type past struct {
	url  string       // site-relative URL of the revision page
	cur  qms.Document // the current document
	rows []row
}

// current returns the current document, or nil (also for a nil past).
func (p *past) current() qms.Document {
	if p == nil {
		return nil
	}
	return p.cur
}

// docURL is the site-relative URL a document's page is rendered at.
func (s *Site) docURL(doc qms.Document, old *past) string {
	if old != nil {
		return old.url
	}
	return s.x.urls[doc]
}

// docFrame adds to a document's page what depends on whether it is the
// current page: the diagnostics about the file, the banner of a truncated
// history and the document's feed. A past revision gets none of them
// (revision.go adds its own banners).
func (s *Site) docFrame(pg *page, path string, old *past) {
	if old != nil {
		return
	}
	pg.Errors = s.diagViews(path)
	if dh := s.historyOf(path); dh != nil {
		pg.Banners = append(pg.Banners, s.historyBanners(dh)...)
		pg.Feeds = append(pg.Feeds, link{Text: "Thay đổi của tài liệu này", URL: s.base + dh.feedURL()})
	}
}

// appendLastChange appends the "Lần thay đổi cuối" row of the current page
// (when git history is known), or a past revision's rows.
func (s *Site) appendLastChange(rows []row, path string, old *past) []row {
	if old != nil {
		return append(rows, old.rows...)
	}
	lc, ok := s.lastChange(path)
	if !ok || lc.Date.IsZero() && lc.Commit == "" && lc.Uncommitted == "" {
		return rows
	}
	r := row{Key: "Lần thay đổi cuối", Text: dateVN(lc.Date)}
	if lc.Commit != "" {
		r.Extra = "mã thay đổi " + lc.Commit
	}
	if lc.Truncated {
		r.Text = "không rõ"
		r.Extra = "lịch sử bị cắt ngắn; phiên bản cũ nhất được lưu có mã thay đổi " + lc.Commit
	}
	if lc.HistoryURL != "" {
		r.Link = &link{Text: r.Text, URL: s.base + lc.HistoryURL}
	}
	if lc.Uncommitted != "" {
		r.Tag = &tag{Label: "Chưa lưu phiên bản", Class: "yellow"}
		if r.Extra != "" {
			r.Extra += "; "
		}
		r.Extra += "tệp trong thư mục làm việc " + lc.Uncommitted
		if lc.Commit == "" {
			r.Text = "chưa lưu phiên bản"
			if r.Link != nil {
				r.Link.Text = r.Text
			}
		}
	}
	return append(rows, r)
}

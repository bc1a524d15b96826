package render

import (
	"html/template"
	"strconv"
)

// This file writes in Go, byte for byte, what history.html's content and
// the parts of revision.html around the document made (see processhtml.go
// for why): a large site has a history page per document and a revision
// page per revision.

// historyHTML is the content of a document's history page.
func historyHTML(d historyData) template.HTML {
	return written(1024+512*len(d.Revisions), func(b htmlWriter) { writeHistoryContent(b, d) })
}

// writeHistoryContent writes what historyHTML returns.
func writeHistoryContent(b htmlWriter, d historyData) {
	b.WriteString("\n<div class=\"doc-header\">\n<p class=\"doc-kind\">Lịch sử thay đổi</p>\n<h1>")
	escText(b, d.Heading)
	b.WriteString("</h1>\n<p>Mọi phiên bản của ")
	writeDocLink(b, &d.Doc)
	b.WriteString(", mới nhất trước, theo lịch sử git của kho tài liệu. Mỗi phiên bản mở ra văn bản như tại thời điểm đó và những gì đã thay đổi.</p>\n<p class=\"feed-link\"><a href=\"")
	escURL(b, d.Feed)
	b.WriteString("\" type=\"application/atom+xml\">Theo dõi thay đổi của tài liệu này (Atom)</a></p>\n</div>")
	openSection(b, "revisions", strconv.Itoa(len(d.Revisions))+" phiên bản")
	if d.Truncated != "" {
		b.WriteString("\n<p class=\"hint\">Lịch sử trước ngày ")
		escText(b, d.Truncated)
		b.WriteString(" không có trong bản sao của kho.</p>")
	}
	b.WriteString("\n<ol class=\"revisions\">")
	if d.Uncommitted != "" {
		b.WriteString("\n<li class=\"revision revision-uncommitted\">\n<p class=\"revision-head\"><strong class=\"tag tag-yellow\">Chưa commit</strong> Tệp trong thư mục làm việc ")
		escText(b, d.Uncommitted)
		b.WriteString("; trang tài liệu hiển thị nội dung này.</p>\n</li>")
	}
	for i := range d.Revisions {
		r := &d.Revisions[i]
		b.WriteString("\n<li class=\"revision\">\n<p class=\"revision-head\"><a href=\"")
		escURL(b, r.URL)
		b.WriteString("\"><code>")
		escText(b, r.Short)
		b.WriteString("</code></a> · <span class=\"nowrap\">")
		escText(b, r.Date)
		b.WriteString("</span> · ")
		escText(b, r.Author)
		if r.Current {
			b.WriteString(` <strong class="tag tag-green">Phiên bản mới nhất</strong>`)
		}
		b.WriteString("</p>\n<p class=\"revision-subject\">")
		escText(b, r.Subject)
		b.WriteString("</p>")
		if r.Change != "" {
			b.WriteString("\n<p class=\"revision-change\">")
			escText(b, r.Change)
			b.WriteString("</p>")
		}
		if len(r.Trailers) > 0 {
			b.WriteByte('\n')
			writeSummary(b, r.Trailers)
		}
		b.WriteString("\n</li>")
	}
	b.WriteString("\n</ol>\n</section>")
}

// revisionDocHTML stands in on a revision page for a document whose front
// matter could not be read at that revision: its heading and rows, and
// the file as it was.
func revisionDocHTML(v *revisionView) template.HTML {
	return written(1024+len(v.Raw), func(b htmlWriter) { writeRevisionDoc(b, v) })
}

// writeRevisionDoc writes what revisionDocHTML returns.
func writeRevisionDoc(b htmlWriter, v *revisionView) {
	b.WriteString("\n<div class=\"doc-header\">\n<p class=\"doc-kind\">")
	escText(b, v.Kind)
	b.WriteString("</p>\n<h1>")
	escText(b, v.Heading)
	b.WriteString("</h1>\n")
	writeSummary(b, v.Rows)
	b.WriteString("\n</div>")
	if v.Raw != "" {
		openSection(b, "raw-source", "Nội dung tệp")
		b.WriteString("\n<p>Phiên bản này không đọc được phần thông tin (front matter), nên tệp được hiển thị nguyên văn.</p>\n<pre class=\"raw-source\">")
		escText(b, v.Raw)
		b.WriteString("</pre>\n</section>")
	}
}

// revisionChangesHTML is the section of a revision page that says what the
// commit changed: the commit's rows, a note, the field changes and the
// word diff of the body.
func revisionChangesHTML(v *revisionView) template.HTML {
	return written(1024+len(v.BodyDiff), func(b htmlWriter) { writeRevisionChanges(b, v) })
}

// writeRevisionChanges writes what revisionChangesHTML returns.
func writeRevisionChanges(b htmlWriter, v *revisionView) {
	b.WriteString("\n<section class=\"revision-changes\" aria-labelledby=\"thay-doi\">\n<h2 id=\"thay-doi\">Thay đổi trong phiên bản này</h2>\n")
	writeSummary(b, v.Summary)
	if v.Note != "" {
		b.WriteString("\n<p class=\"revision-note\">")
		escText(b, v.Note)
		b.WriteString("</p>")
	}
	if len(v.Fields) > 0 {
		b.WriteString("\n<h3>Thông tin tài liệu</h3>\n<ul class=\"field-changes\">")
		for _, f := range v.Fields {
			b.WriteString("\n<li><strong>")
			escText(b, f.Label)
			b.WriteString(":</strong> ")
			escText(b, f.Text)
			b.WriteString("</li>")
		}
		b.WriteString("\n</ul>")
	}
	if v.ShowBody {
		b.WriteString("\n<h3>Nội dung</h3>")
		if v.BodyDiff != "" {
			b.WriteString("\n<p class=\"hint\">Phần bị xóa gạch ngang, phần thêm gạch chân.</p>\n" +
				"<div class=\"diff\" role=\"region\" aria-label=\"Nội dung: so sánh với phiên bản trước\" tabindex=\"0\">")
			b.WriteString(string(v.BodyDiff))
			b.WriteString("</div>")
		} else {
			b.WriteString("\n<p>Nội dung không thay đổi.</p>")
		}
	}
	b.WriteString("\n</section>")
}

package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/textdiff"
)

// diffOptions bound the body diff of a revision page: the lines around each
// change, the work, and at most 256 KiB of text.
var diffOptions = textdiff.Options{Context: 3}

// diffHTML renders a text diff for readers, e-mail addresses hidden: kept text as is, deletions in
// <del> and insertions in <ins>, each starting with a visually hidden
// "xóa:" or "thêm:" so that the change is not told by colour or line style
// alone, and unchanged lines left out as "… N dòng không đổi …". The
// container keeps line breaks (white-space: pre-wrap in the style sheet).
func diffHTML(r *textdiff.Result) template.HTML {
	var b strings.Builder
	for _, s := range r.Segments {
		switch s.Op {
		case textdiff.Eq:
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
		case textdiff.Del:
			b.WriteString(`<del><span class="visually-hidden">[xóa: </span>`)
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
			b.WriteString(`<span class="visually-hidden">]</span></del>`)
		case textdiff.Ins:
			b.WriteString(`<ins><span class="visually-hidden">[thêm: </span>`)
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
			b.WriteString(`<span class="visually-hidden">]</span></ins>`)
		case textdiff.Gap:
			b.WriteString(`<span class="diff-gap">… ` + strconv.Itoa(s.Lines) + " dòng không đổi …</span>\n")
		}
	}
	if r.Truncated {
		b.WriteString(`<span class="diff-gap">… phần còn lại quá dài, không hiển thị …</span>`)
	}
	return template.HTML(b.String()) //nolint:gosec // every text piece is escaped above
}

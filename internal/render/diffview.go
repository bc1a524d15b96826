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

// The markup around the pieces of a diff.
const (
	delOpen  = `<del><span class="visually-hidden">[xóa: </span>`
	delClose = `<span class="visually-hidden">]</span></del>`
	insOpen  = `<ins><span class="visually-hidden">[thêm: </span>`
	insClose = `<span class="visually-hidden">]</span></ins>`
	gapOpen  = `<span class="diff-gap">… `
	gapClose = " dòng không đổi …</span>\n"
	cutNote  = `<span class="diff-gap">… phần còn lại quá dài, không hiển thị …</span>`
)

// diffHTML renders a text diff for readers, e-mail addresses hidden: kept text as is, deletions in
// <del> and insertions in <ins>, each starting with a visually hidden
// "xóa:" or "thêm:" so that the change is not told by colour or line style
// alone, and unchanged lines left out as "… N dòng không đổi …". The
// container keeps line breaks (white-space: pre-wrap in the style sheet).
// It writes into one buffer sized for the common case of text with
// nothing to escape or hide.
func diffHTML(r *textdiff.Result) template.HTML {
	size := len(cutNote)
	for _, s := range r.Segments {
		size += len(s.Text) + len(delOpen) + len(delClose)
	}
	var b strings.Builder
	b.Grow(size)
	for _, s := range r.Segments {
		switch s.Op {
		case textdiff.Eq:
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
		case textdiff.Del:
			b.WriteString(delOpen)
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
			b.WriteString(delClose)
		case textdiff.Ins:
			b.WriteString(insOpen)
			b.WriteString(template.HTMLEscapeString(hideEmails(s.Text)))
			b.WriteString(insClose)
		case textdiff.Gap:
			var num [20]byte
			b.WriteString(gapOpen)
			b.Write(strconv.AppendInt(num[:0], int64(s.Lines), 10))
			b.WriteString(gapClose)
		}
	}
	if r.Truncated {
		b.WriteString(cutNote)
	}
	return template.HTML(b.String()) //nolint:gosec // every text piece is escaped above
}

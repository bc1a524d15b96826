package render

import (
	"html/template"
	"io"
	"strings"
)

// htmlWriter is what the Go page writers write to: a strings.Builder for
// a template function's result, or the output file's buffered writer when
// a page is written directly (direct.go). Write errors of a bufio.Writer
// are kept by it and reported by its Flush.
type htmlWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// writeSummary writes the summary list of rows (summaryHTML).
func writeSummary(b htmlWriter, rows []row) {
	b.WriteString(`<dl class="summary-list">`)
	for i := range rows {
		r := &rows[i]
		b.WriteString("\n<div class=\"summary-row\"><dt>")
		escText(b, r.Key)
		b.WriteString("</dt><dd>")
		switch {
		case len(r.Links) > 0:
			b.WriteString(`<ul class="plain">`)
			for j := range r.Links {
				b.WriteString("<li>")
				writeDocLink(b, &r.Links[j])
				b.WriteString("</li>")
			}
			b.WriteString("</ul>")
		case r.Link != nil:
			switch {
			case r.Link.URL != "":
				writeA(b, r.Link.URL, r.Link.Text)
			case r.Link.Text != "":
				escText(b, r.Link.Text)
			default:
				b.WriteString("—")
			}
		case r.Text != "":
			escText(b, r.Text)
		}
		if r.Tag != nil {
			b.WriteByte(' ')
			writeTag(b, r.Tag)
		}
		if r.Extra != "" {
			b.WriteString(` <span class="hint">`)
			escText(b, r.Extra)
			b.WriteString("</span>")
		}
		b.WriteString("</dd></div>")
	}
	b.WriteString("\n</dl>")
}

// writeDocLink is the "doclink" template of partials.html.
func writeDocLink(b htmlWriter, l *docLink) {
	if l.URL != "" {
		writeA(b, l.URL, l.Text)
	} else {
		b.WriteString(`<span class="unlinked">`)
		escText(b, l.Text)
		b.WriteString("</span>")
	}
	if l.Title != "" {
		b.WriteString(` <span class="doc-title">`)
		escText(b, l.Title)
		b.WriteString("</span>")
	}
	if l.Tag != nil {
		b.WriteByte(' ')
		writeTag(b, l.Tag)
	}
	if l.Note != "" {
		b.WriteString(` <span class="hint">`)
		escText(b, l.Note)
		b.WriteString("</span>")
	}
	if n := l.Next; n != nil {
		b.WriteByte(' ')
		writeLinkOrText(b, n.URL, n.Text)
		if n.Tag != nil {
			b.WriteByte(' ')
			writeTag(b, n.Tag)
		}
	}
}

// writeTag is the "tag" template of partials.html.
func writeTag(b htmlWriter, t *tag) {
	b.WriteString(`<strong class="tag tag-`)
	escText(b, t.Class)
	b.WriteString(`">`)
	escText(b, t.Label)
	b.WriteString("</strong>")
}

// writeA writes <a href="url">text</a>.
func writeA(b htmlWriter, url, text string) {
	b.WriteString(`<a href="`)
	escURL(b, url)
	b.WriteString(`">`)
	escText(b, text)
	b.WriteString("</a>")
}

// escText escapes s as html/template escapes a string in HTML text and in
// a quoted attribute value (its htmlEscaper and attrEscaper).
func escText(b htmlWriter, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		if !textEscaped[s[i]] {
			continue
		}
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
}

// textEscaped marks the bytes escText replaces: a table lookup per byte
// rather than a switch (escText is called on nearly every value of every
// page).
var textEscaped = [256]bool{0: true, '"': true, '&': true, '\'': true, '+': true, '<': true, '>': true}

// escURL escapes s as html/template escapes a string in an href
// attribute: a URL with a scheme other than http, https or mailto becomes
// "#ZgotmplZ", bytes outside RFC 3986's unreserved and reserved sets are
// percent-encoded (existing escapes kept), and the result is escaped as
// an attribute value.
func escURL(b htmlWriter, s string) {
	if proto, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(proto, "/") {
		if !strings.EqualFold(proto, "http") && !strings.EqualFold(proto, "https") && !strings.EqualFold(proto, "mailto") {
			s = "#ZgotmplZ"
		}
	}
	const hex = "0123456789abcdef"
	i := 0
	for i < len(s) && urlPlain[s[i]] {
		i++
	}
	if i == len(s) {
		// Nothing to encode or escape, as for nearly every URL of the
		// site ("../../decisions/2016/1060-qd-ubnd/").
		b.WriteString(s)
		return
	}
	var n strings.Builder
	written := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		n.WriteString(s[written:i])
		n.WriteByte('%')
		n.WriteByte(hex[c>>4])
		n.WriteByte(hex[c&15])
		written = i + 1
	}
	if written > 0 {
		n.WriteString(s[written:])
		s = n.String()
	}
	escText(b, s)
}

// urlPlain marks the bytes escURL writes as they are: neither
// percent-encoded nor escaped by escText afterwards.
var urlPlain = func() (t [256]bool) {
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$*,/:;=?@[]-._~") {
		t[c] = true
	}
	return t
}()

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// written returns what write writes, for a template function: the
// writers escape every value they write (bodies, diffs and the frame come
// already rendered).
func written(size int, write func(b htmlWriter)) template.HTML {
	var b strings.Builder
	b.Grow(size)
	write(&b)
	return template.HTML(b.String()) //nolint:gosec // see above
}

package render

import (
	"html/template"
	"strconv"
	"unicode/utf8"
)

// This file writes in Go, byte for byte, what the "base" template of
// base.html and the "banners" and "errors" partials made around a page's
// content (see processhtml.go for why): every page has them, and a large
// site has tens of thousands of pages.

// pageStartHTML is the page up to its content: the head with the title,
// frame and feeds, the frame's header, the breadcrumbs, the opening of
// main, the banners and the file's check findings.
func pageStartHTML(p *page) template.HTML {
	return written(4096, func(b htmlWriter) { writePageStart(b, p) })
}

// writePageStart writes what pageStartHTML returns.
func writePageStart(b htmlWriter, p *page) {
	b.WriteString("<!DOCTYPE html>\n<html lang=\"vi\" data-base=\"")
	escText(b, p.Base)
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	escText(b, p.Title)
	b.WriteString(" · Sổ tay chất lượng ISO 9001</title>\n")
	if p.Frame != nil {
		b.WriteString(string(p.Frame.Head))
	}
	if p.PrintHeader != "" {
		b.WriteString("\n<style>:root{--qms-print-header:")
		cssString(b, p.PrintHeader)
		b.WriteString("}</style>")
	}
	for _, f := range p.Feeds {
		b.WriteString("\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
		escText(b, f.Text)
		b.WriteString("\" href=\"")
		escURL(b, f.URL)
		b.WriteString("\">")
	}
	b.WriteString("\n</head>\n<body>\n")
	if p.Frame != nil {
		b.WriteString(string(p.Frame.Header))
	}
	if len(p.Crumbs) > 0 {
		b.WriteString("\n<nav class=\"breadcrumbs\" aria-label=\"Đường dẫn\">\n<ol>")
		for _, c := range p.Crumbs {
			b.WriteString("<li>")
			writeA(b, c.URL, c.Text)
			b.WriteString("</li>")
		}
		b.WriteString("</ol>\n</nav>")
	}
	b.WriteString("\n<main id=\"main\" tabindex=\"-1\">")
	writeBanners(b, p.Banners)
	writeErrors(b, p.Errors)
	b.WriteByte('\n')
}

// pageEndHTML is the page after its content: the end of main, the frame's
// footer and the page's scripts.
func pageEndHTML(p *page) template.HTML {
	return written(1024, func(b htmlWriter) { writePageEnd(b, p) })
}

// writePageEnd writes what pageEndHTML returns.
func writePageEnd(b htmlWriter, p *page) {
	b.WriteString("\n</main>\n</div>\n")
	if p.Frame != nil {
		b.WriteString(string(p.Frame.Footer))
	}
	for _, s := range p.Scripts {
		b.WriteString("\n<script src=\"")
		escURL(b, s)
		b.WriteString("\" defer></script>")
	}
	b.WriteString("\n</body>\n</html>\n")
}

// bannersHTML is the "banners" partial: a page's notification banners.
func bannersHTML(p *page) template.HTML {
	return written(0, func(b htmlWriter) { writeBanners(b, p.Banners) })
}

func writeBanners(b htmlWriter, banners []banner) {
	for i := range banners {
		bn := &banners[i]
		openBanner(b, "banner-"+bn.Class, strconv.Itoa(i), bn.Title, bn.Heading)
		for j := range bn.Lines {
			l := &bn.Lines[j]
			b.WriteString("\n<p>")
			escText(b, l.Text)
			for k := range l.Links {
				b.WriteByte(' ')
				writeDocLink(b, &l.Links[k])
			}
			b.WriteString("</p>")
		}
		b.WriteString("\n</div>\n</div>")
	}
}

// openBanner writes the start of a notification banner: its region
// labelled by its title (id "banner-title-"+id), its heading, and the
// opening of its content, which the caller closes with two </div>.
func openBanner(b htmlWriter, class, id, title, heading string) {
	b.WriteString("\n<div class=\"banner ")
	escText(b, class)
	b.WriteString("\" role=\"region\" aria-labelledby=\"banner-title-")
	b.WriteString(id)
	b.WriteString("\">\n<div class=\"banner-header\"><h2 class=\"banner-title\" id=\"banner-title-")
	b.WriteString(id)
	b.WriteString("\">")
	escText(b, title)
	b.WriteString("</h2></div>\n<div class=\"banner-content\">\n<p class=\"banner-heading\">")
	escText(b, heading)
	b.WriteString("</p>")
}

// errorsHTML is the "errors" partial: the check findings about a page's
// file, as an error banner when one is an error, else a warning banner.
func errorsHTML(p *page) template.HTML {
	return written(0, func(b htmlWriter) { writeErrors(b, p.Errors) })
}

func writeErrors(b htmlWriter, errs []diagView) {
	if len(errs) == 0 {
		return
	}
	hasErr := false
	for _, e := range errs {
		if e.Severity == "Lỗi" {
			hasErr = true
		}
	}
	class, title, heading := "banner-warning", "Cảnh báo kiểm tra", "Tài liệu này có cảnh báo."
	if hasErr {
		class, title, heading = "banner-error", "Lỗi kiểm tra", "Tài liệu này có lỗi; bản dựng được tạo với --force."
	}
	openBanner(b, class, "errors", title, heading)
	b.WriteString("\n<ul>")
	for _, e := range errs {
		b.WriteString("<li>Dòng ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
		if e.Severity != "Lỗi" {
			escText(b, e.Severity)
			b.WriteString(": ")
		}
		escText(b, e.Message)
		b.WriteString(" (")
		writeA(b, e.CheckURL, e.Check)
		b.WriteString(")</li>")
	}
	b.WriteString("</ul>\n</div>\n</div>")
}

// cssString writes s as a quoted CSS string for a style element: quotes,
// backslashes, markup characters and control characters as CSS escapes
// (so that nothing in s can end the string or the element).
func cssString(b htmlWriter, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	// Runs of characters that need no escape are written at once; an
	// invalid byte is written as U+FFFD, as ranging over s reads it.
	written := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b.WriteString(s[written:i])
				b.WriteString("\uFFFD")
				written = i + 1
			}
			i += n
			continue
		}
		if c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20 || c == 0x7f {
			b.WriteString(s[written:i])
			b.WriteByte('\\')
			if c >= 0x10 {
				b.WriteByte(hex[c>>4])
			}
			b.WriteByte(hex[c&15])
			b.WriteByte(' ')
			written = i + 1
		}
		i++
	}
	b.WriteString(s[written:])
	b.WriteByte('"')
}

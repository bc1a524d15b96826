package render

import (
	"html/template"
	"strconv"
	"strings"
)

// processHTML renders the content of a process page (the "content" of
// process.html) in Go, byte for byte what the template it replaced made:
// process pages and their revision pages are a third of a large site's
// pages, and html/template spends about a microsecond per action.
func processHTML(d processData) template.HTML {
	var b strings.Builder
	b.Grow(4096 + len(d.Body))
	writeProcessContent(&b, d)
	return template.HTML(b.String()) //nolint:gosec // every value is escaped; Body is rendered Markdown
}

// writeProcessContent writes what processHTML returns.
func writeProcessContent(b htmlWriter, d processData) {
	writeDocHeader(b, "Quy trình ", d.Tag, d.Heading, d.Summary)
	if len(d.Roles) > 0 {
		b.WriteString("\n<div class=\"table-wrap\" role=\"region\" aria-label=\"Trách nhiệm\" tabindex=\"0\">\n<table class=\"roles\">\n<caption>Trách nhiệm</caption>\n<thead><tr>")
		for _, r := range d.Roles {
			b.WriteString("<th scope=\"col\">")
			escText(b, r.Label)
			b.WriteString("</th>")
		}
		b.WriteString("</tr></thead>\n<tbody><tr>")
		for _, r := range d.Roles {
			b.WriteString("<td>")
			escText(b, or(r.Name, "—"))
			b.WriteString("</td>")
		}
		b.WriteString("</tr></tbody>\n</table>\n</div>")
	}
	b.WriteString("\n</div>")

	if len(d.Procedures) > 0 {
		b.WriteString("\n<section aria-labelledby=\"procedures\">\n<h2 id=\"procedures\">Thủ tục hành chính thực hiện</h2>\n" +
			"<div class=\"table-wrap\" role=\"region\" aria-label=\"Thủ tục hành chính thực hiện\" tabindex=\"0\">\n<table>\n" +
			"<caption class=\"visually-hidden\">Thủ tục hành chính thực hiện và thời hạn luật định</caption>\n" +
			"<thead><tr><th scope=\"col\">Mã thủ tục</th><th scope=\"col\">Tên thủ tục</th><th scope=\"col\">Thời hạn luật định</th><th scope=\"col\">Trạng thái</th></tr></thead>\n<tbody>")
		for i := range d.Procedures {
			p := &d.Procedures[i]
			b.WriteString("\n<tr><td class=\"nowrap\">")
			writeLinkOrText(b, p.Link.URL, p.Link.Text)
			b.WriteString("</td><td>")
			escText(b, or(p.Link.Title, p.Link.Note))
			b.WriteString("</td><td>")
			escText(b, p.Limit)
			b.WriteString("</td><td>")
			if p.Link.Tag != nil {
				writeTag(b, p.Link.Tag)
			}
			b.WriteString("</td></tr>")
		}
		b.WriteString("\n</tbody>\n</table>\n</div>\n</section>")
	}

	if len(d.Steps) > 0 {
		b.WriteString("\n<section aria-labelledby=\"steps\">\n<h2 id=\"steps\">Các bước thực hiện</h2>\n" +
			"<div class=\"table-wrap\" role=\"region\" aria-label=\"Các bước thực hiện\" tabindex=\"0\">\n<table class=\"steps\">\n" +
			"<caption class=\"visually-hidden\">Các bước thực hiện và thời gian</caption>\n" +
			"<thead><tr><th scope=\"col\" class=\"num\">Bước</th><th scope=\"col\">Trách nhiệm</th><th scope=\"col\">Nội dung công việc</th><th scope=\"col\">Thời gian</th><th scope=\"col\">Biểu mẫu</th></tr></thead>\n<tbody>")
		for i := range d.Steps {
			st := &d.Steps[i]
			b.WriteString("\n<tr><td class=\"num\">")
			b.WriteString(strconv.Itoa(st.N))
			b.WriteString("</td><td>")
			escText(b, st.Actor)
			b.WriteString("</td><td>")
			escText(b, st.Action)
			b.WriteString("</td><td class=\"nowrap\">")
			escText(b, st.Time)
			b.WriteString("</td><td>")
			for j, f := range st.Forms {
				if j > 0 {
					b.WriteString(", ")
				}
				escText(b, f)
			}
			b.WriteString("</td></tr>")
		}
		b.WriteString("\n</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"3\">Tổng thời gian</th><td class=\"nowrap total\">")
		escText(b, or(d.Total, "Không tính được"))
		b.WriteString("</td><td></td></tr></tfoot>\n</table>\n</div>")
		if len(d.Limits) > 0 {
			b.WriteString("\n<ul class=\"limits\">")
			for i := range d.Limits {
				l := &d.Limits[i]
				b.WriteString("\n<li>So với thời hạn của ")
				writeLinkOrText(b, l.Procedure.URL, l.Procedure.Text)
				b.WriteString(" (")
				escText(b, l.Limit)
				b.WriteString("): ")
				writeTag(b, &l.Verdict)
				b.WriteByte(' ')
				escText(b, l.Detail)
				b.WriteString("</li>")
			}
			b.WriteString("\n</ul>")
		}
		b.WriteString("\n</section>")
	}

	if len(d.Legal) > 0 {
		b.WriteString("\n<section aria-labelledby=\"legal\">\n<h2 id=\"legal\">Căn cứ pháp lý</h2>\n<ul class=\"doc-list legal\">")
		for i := range d.Legal {
			b.WriteString("<li>")
			writeDocLink(b, &d.Legal[i])
			b.WriteString("</li>")
		}
		b.WriteString("</ul>\n</section>")
	}

	if len(d.Forms) > 0 {
		b.WriteString("\n<section aria-labelledby=\"forms\">\n<h2 id=\"forms\">Biểu mẫu</h2>\n" +
			"<div class=\"table-wrap\" role=\"region\" aria-label=\"Biểu mẫu\" tabindex=\"0\">\n<table>\n" +
			"<caption class=\"visually-hidden\">Biểu mẫu</caption>\n" +
			"<thead><tr><th scope=\"col\" class=\"num\">TT</th><th scope=\"col\">Mã hiệu</th><th scope=\"col\">Tên biểu mẫu</th></tr></thead>\n<tbody>")
		for i, f := range d.Forms {
			b.WriteString("<tr><td class=\"num\">")
			b.WriteString(strconv.Itoa(i + 1))
			b.WriteString("</td><td class=\"nowrap\">")
			escText(b, f.Code)
			b.WriteString("</td><td>")
			escText(b, f.Title)
			b.WriteString("</td></tr>")
		}
		b.WriteString("</tbody>\n</table>\n</div>\n</section>")
	}

	if len(d.Records) > 0 {
		b.WriteString("\n<section aria-labelledby=\"records\">\n<h2 id=\"records\">Hồ sơ cần lưu</h2>\n" +
			"<div class=\"table-wrap\" role=\"region\" aria-label=\"Hồ sơ cần lưu\" tabindex=\"0\">\n<table>\n" +
			"<caption class=\"visually-hidden\">Hồ sơ cần lưu</caption>\n" +
			"<thead><tr><th scope=\"col\" class=\"num\">TT</th><th scope=\"col\">Tên hồ sơ</th><th scope=\"col\">Nơi lưu</th><th scope=\"col\">Thời gian lưu</th></tr></thead>\n<tbody>")
		for i, r := range d.Records {
			b.WriteString("<tr><td class=\"num\">")
			b.WriteString(strconv.Itoa(i + 1))
			b.WriteString("</td><td>")
			escText(b, r.Name)
			b.WriteString("</td><td>")
			escText(b, r.Keeper)
			b.WriteString("</td><td>")
			escText(b, r.Retention)
			b.WriteString("</td></tr>")
		}
		b.WriteString("</tbody>\n</table>\n</div>\n</section>")
	}

	writeBody(b, "Nội dung quy trình", d.Body, d.Headed)
}

// writeLinkOrText writes <a href="url">text</a>, or the text alone when
// url is empty.
func writeLinkOrText(b htmlWriter, url, text string) {
	if url != "" {
		writeA(b, url, text)
		return
	}
	escText(b, text)
}

// or is the template function "or" on two strings.
func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

package render

import (
	"html/template"
	"strconv"
)

// processHTML renders the content of a process page (the "content" of
// process.html) in Go, byte for byte what the template it replaced made:
// process pages and their revision pages are a third of a large site's
// pages, and html/template spends about a microsecond per action.
func processHTML(d processData) template.HTML {
	return written(4096+len(d.Body), func(b htmlWriter) { writeProcessContent(b, d) })
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
		openSection(b, "procedures", "Thủ tục hành chính thực hiện")
		openRegionTable(b, "Thủ tục hành chính thực hiện", "", "Thủ tục hành chính thực hiện và thời hạn luật định",
			`<th scope="col">Mã thủ tục</th><th scope="col">Tên thủ tục</th><th scope="col">Thời hạn luật định</th><th scope="col">Trạng thái</th>`)
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
		openSection(b, "steps", "Các bước thực hiện")
		openRegionTable(b, "Các bước thực hiện", "steps", "Các bước thực hiện và thời gian",
			`<th scope="col" class="num">Bước</th><th scope="col">Trách nhiệm</th><th scope="col">Nội dung công việc</th><th scope="col">Thời gian</th><th scope="col">Biểu mẫu</th>`)
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
		openSection(b, "legal", "Căn cứ pháp lý")
		b.WriteString("\n<ul class=\"doc-list legal\">")
		for i := range d.Legal {
			b.WriteString("<li>")
			writeDocLink(b, &d.Legal[i])
			b.WriteString("</li>")
		}
		b.WriteString("</ul>\n</section>")
	}

	if len(d.Forms) > 0 {
		openSection(b, "forms", "Biểu mẫu")
		openRegionTable(b, "Biểu mẫu", "", "Biểu mẫu",
			`<th scope="col" class="num">TT</th><th scope="col">Mã hiệu</th><th scope="col">Tên biểu mẫu</th>`)
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
		openSection(b, "records", "Hồ sơ cần lưu")
		openRegionTable(b, "Hồ sơ cần lưu", "", "Hồ sơ cần lưu",
			`<th scope="col" class="num">TT</th><th scope="col">Tên hồ sơ</th><th scope="col">Nơi lưu</th><th scope="col">Thời gian lưu</th>`)
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

// openSection opens a section labelled by its h2 heading, whose id is id.
func openSection(b htmlWriter, id, heading string) {
	b.WriteString("\n<section aria-labelledby=\"")
	b.WriteString(id)
	b.WriteString("\">\n<h2 id=\"")
	b.WriteString(id)
	b.WriteString("\">")
	escText(b, heading)
	b.WriteString("</h2>")
}

// openRegionTable opens a table (of class class, if any) in a scrolling
// region labelled label, with a caption for screen readers and the header
// row's cells head (markup), up to the opening of its body.
func openRegionTable(b htmlWriter, label, class, caption, head string) {
	b.WriteString("\n<div class=\"table-wrap\" role=\"region\" aria-label=\"")
	escText(b, label)
	b.WriteString("\" tabindex=\"0\">\n<table")
	if class != "" {
		b.WriteString(" class=\"")
		b.WriteString(class)
		b.WriteString("\"")
	}
	b.WriteString(">\n<caption class=\"visually-hidden\">")
	escText(b, caption)
	b.WriteString("</caption>\n<thead><tr>")
	b.WriteString(head)
	b.WriteString("</tr></thead>\n<tbody>")
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

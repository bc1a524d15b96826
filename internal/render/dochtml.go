package render

import (
	"html/template"
	"strconv"
)

// This file writes in Go, byte for byte, what the content templates of
// procedure.html and decision.html and the "processTable" and
// "procedureTable" partials made (see processhtml.go for why).

// procedureHTML is the content of a procedure page.
func procedureHTML(d procedureData) template.HTML {
	return written(2048+256*len(d.Processes)+len(d.Body), func(b htmlWriter) { writeProcedureContent(b, d) })
}

// writeProcedureContent writes what procedureHTML returns.
func writeProcedureContent(b htmlWriter, d procedureData) {
	writeDocHeader(b, "Thủ tục hành chính ", d.Tag, d.Heading, d.Summary)
	b.WriteString("\n</div>")
	openSection(b, "processes", "Quy trình thực hiện thủ tục")
	if len(d.Processes) > 0 {
		b.WriteByte('\n')
		writeProcessTable(b, "Quy trình thực hiện thủ tục", d.Processes)
	} else {
		b.WriteString("\n<p>Chưa có quy trình nào thực hiện thủ tục này.</p>")
	}
	b.WriteString("\n</section>")
	writeBody(b, "Nội dung thủ tục", d.Body, d.Headed)
}

// decisionHTML is the content of a decision page.
func decisionHTML(d decisionData) template.HTML {
	return written(2048+256*(len(d.Chain)+len(d.CitedBy))+len(d.Body), func(b htmlWriter) { writeDecisionContent(b, d) })
}

// writeDecisionContent writes what decisionHTML returns.
func writeDecisionContent(b htmlWriter, d decisionData) {
	writeDocHeader(b, "Văn bản ", d.Tag, d.Heading, d.Summary)
	b.WriteString("\n</div>")
	if len(d.Chain) > 0 {
		openSection(b, "chain", "Quá trình thay thế")
		b.WriteString("\n<ol class=\"chain\">")
		for i := range d.Chain {
			c := &d.Chain[i]
			b.WriteString("\n<li")
			if c.Current {
				b.WriteString(` aria-current="true" class="current"`)
			}
			b.WriteString(`><span class="nowrap">`)
			escText(b, c.Effective)
			b.WriteString("</span> ")
			writeDocLink(b, &c.Link)
			if c.Current {
				b.WriteString(` <span class="hint">(văn bản này)</span>`)
			}
			b.WriteString("</li>")
		}
		b.WriteString("\n</ol>\n</section>")
	}
	openSection(b, "cited-by", "Được viện dẫn bởi")
	if len(d.CitedBy) > 0 {
		openRegionTable(b, "Được viện dẫn bởi", "", "Quy trình và thủ tục dựa vào văn bản này",
			`<th scope="col">Loại</th><th scope="col">Mã</th><th scope="col">Tên</th><th scope="col">Vai trò của văn bản</th><th scope="col">Trạng thái</th>`)
		for i := range d.CitedBy {
			c := &d.CitedBy[i]
			b.WriteString("\n<tr><td>")
			escText(b, c.Kind)
			b.WriteString("</td><td class=\"nowrap\">")
			writeLinkOrText(b, c.Link.URL, c.Link.Text)
			b.WriteString("</td><td>")
			escText(b, c.Link.Title)
			b.WriteString("</td><td>")
			escText(b, c.Role)
			b.WriteString("</td><td>")
			if c.Link.Tag != nil {
				writeTag(b, c.Link.Tag)
			}
			b.WriteString("</td></tr>")
		}
		b.WriteString("\n</tbody>\n</table>\n</div>")
	} else {
		b.WriteString("\n<p>Chưa có quy trình hay thủ tục nào viện dẫn văn bản này.</p>")
	}
	b.WriteString("\n</section>")
	writeBody(b, "Nội dung văn bản", d.Body, d.Headed)
}

// writeDocHeader opens a document page's header block: its kind with the
// status tag, its h1 and its summary list (the caller closes the div).
func writeDocHeader(b htmlWriter, kind string, t *tag, heading string, summary []row) {
	b.WriteString("\n<div class=\"doc-header\">\n<p class=\"doc-kind\">")
	b.WriteString(kind)
	if t != nil {
		writeTag(b, t)
	}
	b.WriteString("</p>\n<h1>")
	escText(b, heading)
	b.WriteString("</h1>\n")
	writeSummary(b, summary)
}

// writeBody writes a document's rendered body in its section, with a
// "Nội dung" heading when the body does not start with one.
func writeBody(b htmlWriter, label string, body template.HTML, headed bool) {
	if body == "" {
		return
	}
	b.WriteString("\n<section class=\"prose body\" aria-label=\"")
	b.WriteString(label)
	b.WriteString("\">\n")
	if !headed {
		b.WriteString("<h2 id=\"noi-dung\">Nội dung</h2>\n")
	}
	b.WriteString(string(body))
	b.WriteString("\n</section>")
}

func writeProcessTable(b htmlWriter, caption string, rows []processRow) {
	writeTableStart(b, caption)
	b.WriteString("<thead><tr><th scope=\"col\">Mã hiệu</th><th scope=\"col\">Tên quy trình</th><th scope=\"col\">Đơn vị chủ trì</th>" +
		"<th scope=\"col\" class=\"num\">Lần ban hành</th><th scope=\"col\">Ngày hiệu lực</th><th scope=\"col\">Trạng thái</th></tr></thead>\n<tbody>")
	for i := range rows {
		r := &rows[i]
		b.WriteString("\n<tr><td class=\"nowrap\">")
		writeLinkOrText(b, r.Link.URL, r.Link.Text)
		b.WriteString("</td><td>")
		escText(b, r.Link.Title)
		b.WriteString("</td><td>")
		writeLinkOrText(b, r.Unit.URL, r.Unit.Text)
		b.WriteString("</td><td class=\"num\">")
		escText(b, r.Revision)
		b.WriteString("</td><td class=\"nowrap\">")
		escText(b, r.Effective)
		b.WriteString("</td><td>")
		if r.Link.Tag != nil {
			writeTag(b, r.Link.Tag)
		}
		b.WriteString("</td></tr>")
	}
	b.WriteString("\n</tbody>\n</table>\n</div>")
}

func writeProcedureTable(b htmlWriter, caption string, rows []procedureRow) {
	writeTableStart(b, caption)
	b.WriteString("<thead><tr><th scope=\"col\">Mã thủ tục</th><th scope=\"col\">Tên thủ tục</th><th scope=\"col\">Lĩnh vực</th><th scope=\"col\">Nơi tiếp nhận</th>" +
		"<th scope=\"col\">Thời hạn</th><th scope=\"col\" class=\"num\">Số quy trình</th><th scope=\"col\">Trạng thái</th></tr></thead>\n<tbody>")
	for i := range rows {
		r := &rows[i]
		b.WriteString("\n<tr><td class=\"nowrap\">")
		writeLinkOrText(b, r.Link.URL, r.Link.Text)
		b.WriteString("</td><td>")
		escText(b, r.Link.Title)
		b.WriteString("</td><td>")
		writeLinkOrText(b, r.Field.URL, r.Field.Text)
		b.WriteString("</td><td>")
		escText(b, r.Receiving)
		b.WriteString("</td><td>")
		escText(b, r.Limit)
		b.WriteString("</td><td class=\"num\">")
		b.WriteString(strconv.Itoa(r.Processes))
		b.WriteString("</td><td>")
		if r.Link.Tag != nil {
			writeTag(b, r.Link.Tag)
		}
		b.WriteString("</td></tr>")
	}
	b.WriteString("\n</tbody>\n</table>\n</div>")
}

// writeTableStart opens a captioned table in its scrolling region.
func writeTableStart(b htmlWriter, caption string) {
	b.WriteString("<div class=\"table-wrap\" role=\"region\" aria-label=\"")
	escText(b, caption)
	b.WriteString("\" tabindex=\"0\">\n<table>\n<caption>")
	escText(b, caption)
	b.WriteString("</caption>\n")
}

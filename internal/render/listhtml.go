package render

import "strconv"

// This file writes the content of the index pages in Go, byte for byte
// what the "content" templates of processes.html, procedures.html,
// decisions.html, groups.html and group.html make (see direct.go): the
// tables of a large manual have thousands of rows, and html/template
// spends more time walking them than writing them.

// The "content" templates as parse.Tree's String prints them: the texts
// for which the writers below write the same bytes.
const (
	processesContent = `{{with .Data}}
<h1>{{.Heading}}</h1>
{{with .Intro}}<p class="lead">{{.}}</p>{{end}}
<nav class="filters" aria-label="Lọc quy trình">{{$cur := .Current}}{{range .Filters}}{{if .Items}}
<div class="filter-group"><h2 class="filter-label">{{.Label}}</h2>
<ul>{{range .Items}}<li><a href="{{.URL}}"{{if eq .URL $cur}} aria-current="page"{{end}}>{{.Label}}</a> <span class="count">({{.N}})</span></li>{{end}}</ul></div>{{end}}{{end}}
</nav>
{{template "processTable" (dict "Caption" (printf "%s: %d quy trình" .Heading (len .Rows)) "Rows" .Rows)}}{{end}}`
	proceduresContent = `{{with .Data}}
<h1>{{.Heading}}</h1>
<p class="lead">Thủ tục hành chính thuộc thẩm quyền giải quyết của Sở, kể cả thủ tục đã bị bãi bỏ. Xem thêm <a href="{{$.Base}}fields/">theo lĩnh vực</a>.</p>
{{template "procedureTable" (dict "Caption" (printf "%d thủ tục hành chính" (len .Rows)) "Rows" .Rows)}}{{end}}`
	decisionsContent = `{{with .Data}}
<h1>{{.Heading}}</h1>
<p class="lead">Văn bản quy phạm pháp luật, văn bản hành chính và quyết định ban hành quy trình, mới nhất trước; tình trạng hiệu lực tính đến ngày {{$.AsOf}}.</p>
<div class="table-wrap" role="region" aria-label="Danh sách văn bản" tabindex="0">
<table>
<caption>{{len .Rows}} văn bản</caption>
<thead><tr><th scope="col">Số, ký hiệu</th><th scope="col">Ngày ban hành</th><th scope="col">Loại</th><th scope="col">Trích yếu</th><th scope="col">Cơ quan ban hành</th><th scope="col">Tình trạng</th></tr></thead>
<tbody>{{range .Rows}}
<tr><td class="nowrap">{{if .Link.URL}}<a href="{{.Link.URL}}">{{.Link.Text}}</a>{{else}}{{.Link.Text}}{{end}}</td><td class="nowrap">{{.Issued}}</td><td>{{.Type}}</td><td>{{.Link.Title}}</td><td>{{.Issuer}}</td><td>{{with .Link.Tag}}{{template "tag" .}}{{end}}</td></tr>{{end}}
</tbody>
</table>
</div>{{end}}`
	groupsContent = `{{with .Data}}
<h1>{{.Heading}}</h1>
<p class="lead">{{.Intro}}</p>
<div class="table-wrap" role="region" aria-label="{{.Heading}}" tabindex="0">
<table>
<caption class="visually-hidden">{{.Heading}}</caption>
<thead><tr><th scope="col">Tên</th><th scope="col" class="num">Quy trình</th><th scope="col" class="num">Thủ tục</th></tr></thead>
<tbody>{{range .Rows}}
<tr><td><a href="{{.Name.URL}}">{{.Name.Text}}</a></td><td class="num">{{.Processes}}</td><td class="num">{{.Procedures}}</td></tr>{{end}}
</tbody>
</table>
</div>{{end}}`
	groupContent = `{{with .Data}}
<p class="doc-kind">{{.Kind}}</p>
<h1>{{.Heading}}</h1>
<section aria-labelledby="group-processes">
<h2 id="group-processes">Quy trình</h2>{{if .Processes}}
{{template "processTable" (dict "Caption" (printf "%d quy trình" (len .Processes)) "Rows" .Processes)}}{{else}}
<p>Không có quy trình.</p>{{end}}
</section>
<section aria-labelledby="group-procedures">
<h2 id="group-procedures">Thủ tục hành chính</h2>{{if .Procedures}}
{{template "procedureTable" (dict "Caption" (printf "%d thủ tục" (len .Procedures)) "Rows" .Procedures)}}{{else}}
<p>Không có thủ tục hành chính.</p>{{end}}
</section>{{end}}`
)

// writeProcessesContent writes the list of processes or one of its filter
// pages (processesContent): the filters, then the table.
func writeProcessesContent(b htmlWriter, d processList) {
	b.WriteString("\n<h1>")
	escText(b, d.Heading)
	b.WriteString("</h1>\n")
	if d.Intro != "" {
		b.WriteString("<p class=\"lead\">")
		escText(b, d.Intro)
		b.WriteString("</p>")
	}
	b.WriteString("\n<nav class=\"filters\" aria-label=\"Lọc quy trình\">")
	for i := range d.Filters {
		g := &d.Filters[i]
		if len(g.Items) == 0 {
			continue
		}
		b.WriteString("\n<div class=\"filter-group\"><h2 class=\"filter-label\">")
		escText(b, g.Label)
		b.WriteString("</h2>\n<ul>")
		for _, it := range g.Items {
			b.WriteString("<li><a href=\"")
			escURL(b, it.URL)
			b.WriteByte('"')
			if it.URL == d.Current {
				b.WriteString(" aria-current=\"page\"")
			}
			b.WriteByte('>')
			escText(b, it.Label)
			b.WriteString("</a> <span class=\"count\">(")
			b.WriteString(strconv.Itoa(it.N))
			b.WriteString(")</span></li>")
		}
		b.WriteString("</ul></div>")
	}
	b.WriteString("\n</nav>\n")
	writeProcessTable(b, d.Heading+": "+strconv.Itoa(len(d.Rows))+" quy trình", d.Rows)
}

// writeProceduresContent writes the list of procedures
// (proceduresContent).
func writeProceduresContent(b htmlWriter, p *page, d procedureList) {
	b.WriteString("\n<h1>")
	escText(b, d.Heading)
	b.WriteString("</h1>\n<p class=\"lead\">Thủ tục hành chính thuộc thẩm quyền giải quyết của Sở, kể cả thủ tục đã bị bãi bỏ. Xem thêm <a href=\"")
	escURL(b, p.Base)
	b.WriteString("fields/\">theo lĩnh vực</a>.</p>\n")
	writeProcedureTable(b, strconv.Itoa(len(d.Rows))+" thủ tục hành chính", d.Rows)
}

// writeDecisionsContent writes the list of decisions (decisionsContent).
func writeDecisionsContent(b htmlWriter, p *page, d decisionList) {
	b.WriteString("\n<h1>")
	escText(b, d.Heading)
	b.WriteString("</h1>\n<p class=\"lead\">Văn bản quy phạm pháp luật, văn bản hành chính và quyết định ban hành quy trình, mới nhất trước; tình trạng hiệu lực tính đến ngày ")
	escText(b, p.AsOf)
	b.WriteString(".</p>\n<div class=\"table-wrap\" role=\"region\" aria-label=\"Danh sách văn bản\" tabindex=\"0\">\n<table>\n<caption>")
	b.WriteString(strconv.Itoa(len(d.Rows)))
	b.WriteString(" văn bản</caption>\n<thead><tr><th scope=\"col\">Số, ký hiệu</th><th scope=\"col\">Ngày ban hành</th><th scope=\"col\">Loại</th>" +
		"<th scope=\"col\">Trích yếu</th><th scope=\"col\">Cơ quan ban hành</th><th scope=\"col\">Tình trạng</th></tr></thead>\n<tbody>")
	for i := range d.Rows {
		r := &d.Rows[i]
		b.WriteString("\n<tr><td class=\"nowrap\">")
		if r.Link.URL != "" {
			writeA(b, r.Link.URL, r.Link.Text)
		} else {
			escText(b, r.Link.Text)
		}
		b.WriteString("</td><td class=\"nowrap\">")
		escText(b, r.Issued)
		b.WriteString("</td><td>")
		escText(b, r.Type)
		b.WriteString("</td><td>")
		escText(b, r.Link.Title)
		b.WriteString("</td><td>")
		escText(b, r.Issuer)
		b.WriteString("</td><td>")
		if r.Link.Tag != nil {
			writeTag(b, r.Link.Tag)
		}
		b.WriteString("</td></tr>")
	}
	b.WriteString("\n</tbody>\n</table>\n</div>")
}

// writeGroupsContent writes the list of units or of fields
// (groupsContent).
func writeGroupsContent(b htmlWriter, d groupsData) {
	b.WriteString("\n<h1>")
	escText(b, d.Heading)
	b.WriteString("</h1>\n<p class=\"lead\">")
	escText(b, d.Intro)
	b.WriteString("</p>\n<div class=\"table-wrap\" role=\"region\" aria-label=\"")
	escText(b, d.Heading)
	b.WriteString("\" tabindex=\"0\">\n<table>\n<caption class=\"visually-hidden\">")
	escText(b, d.Heading)
	b.WriteString("</caption>\n<thead><tr><th scope=\"col\">Tên</th><th scope=\"col\" class=\"num\">Quy trình</th><th scope=\"col\" class=\"num\">Thủ tục</th></tr></thead>\n<tbody>")
	for i := range d.Rows {
		r := &d.Rows[i]
		b.WriteString("\n<tr><td>")
		writeA(b, r.Name.URL, r.Name.Text)
		b.WriteString("</td><td class=\"num\">")
		b.WriteString(strconv.Itoa(r.Processes))
		b.WriteString("</td><td class=\"num\">")
		b.WriteString(strconv.Itoa(r.Procedures))
		b.WriteString("</td></tr>")
	}
	b.WriteString("\n</tbody>\n</table>\n</div>")
}

// writeGroupContent writes the page of a unit or a field (groupContent):
// its processes and its procedures.
func writeGroupContent(b htmlWriter, d groupData) {
	b.WriteString("\n<p class=\"doc-kind\">")
	escText(b, d.Kind)
	b.WriteString("</p>\n<h1>")
	escText(b, d.Heading)
	b.WriteString("</h1>\n<section aria-labelledby=\"group-processes\">\n<h2 id=\"group-processes\">Quy trình</h2>")
	if len(d.Processes) > 0 {
		b.WriteByte('\n')
		writeProcessTable(b, strconv.Itoa(len(d.Processes))+" quy trình", d.Processes)
	} else {
		b.WriteString("\n<p>Không có quy trình.</p>")
	}
	b.WriteString("\n</section>\n<section aria-labelledby=\"group-procedures\">\n<h2 id=\"group-procedures\">Thủ tục hành chính</h2>")
	if len(d.Procedures) > 0 {
		b.WriteByte('\n')
		writeProcedureTable(b, strconv.Itoa(len(d.Procedures))+" thủ tục", d.Procedures)
	} else {
		b.WriteString("\n<p>Không có thủ tục hành chính.</p>")
	}
	b.WriteString("\n</section>")
}

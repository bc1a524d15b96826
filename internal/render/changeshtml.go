package render

import "strconv"

// This file writes the content of the change log pages, /changes/ and
// /changes/YYYY/MM/, in Go, byte for byte what the "content" template of
// changes.html makes (see direct.go): the month pages of a long history
// list thousands of entries, and html/template spends more time walking
// them than writing them.

// changesContent is the "content" template of changes.html as parse.Tree's
// String prints it: the text for which writeChangesContent writes the
// same bytes. It calls the "doclink" and "summary" partials.
const changesContent = `{{with .Data}}
<h1>{{.Heading}}</h1>{{with .Intro}}
<p class="lead">{{.}}</p>{{end}}
<p class="feed-link"><a href="{{.Feed}}" type="application/atom+xml">Theo dõi các thay đổi (Atom)</a></p>{{if or .Prev .Next}}
<nav class="pager" aria-label="Các tháng">
<ul class="plain">{{with .Prev}}<li><a href="{{.URL}}" rel="prev">← {{.Text}}</a></li>{{end}}{{with .Next}}<li><a href="{{.URL}}" rel="next">{{.Text}} →</a></li>{{end}}</ul>
</nav>{{end}}{{if not .Days}}
<p>Chưa có thay đổi nào.</p>{{end}}{{range .Days}}
<section class="change-day" aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}">{{.Date}}</h2>
<ol class="changes">{{range .Entries}}
<li class="change" id="{{.ID}}">
<p class="change-head"><code>{{.Short}}</code> · {{.Author}} · <span class="change-subject">{{.Subject}}</span>{{if .Group}} <span class="hint">(hợp nhất {{.Group}} commit)</span>{{end}}</p>
<ul class="change-docs">{{range .Docs}}
<li>{{template "doclink" .Link}}{{with .Short}} <span class="hint">commit <code>{{.}}</code></span>{{end}}{{with .Change}} <span class="hint">{{.}}</span>{{end}}</li>{{end}}{{if .MoreDocs}}
<li><a href="{{.MoreURL}}">và {{.MoreDocs}} tài liệu khác</a></li>{{end}}
</ul>{{if .Trailers}}
{{template "summary" .Trailers}}{{end}}
</li>{{end}}
</ol>
</section>{{end}}{{with .More}}
<p><a href="{{.URL}}">{{.Text}}</a></p>{{end}}{{if .Months}}
<section aria-labelledby="months">
<h2 id="months">Theo tháng</h2>
<ul class="months">{{range .Months}}<li><a href="{{.URL}}">{{.Label}}</a> <span class="hint">({{.N}} mục)</span></li>{{end}}</ul>
</section>{{end}}{{end}}`

// writeChangesContent writes the content of a change log page
// (changesContent).
func writeChangesContent(b htmlWriter, d changesData) {
	b.WriteString("\n<h1>")
	escText(b, d.Heading)
	b.WriteString("</h1>")
	if d.Intro != "" {
		b.WriteString("\n<p class=\"lead\">")
		escText(b, d.Intro)
		b.WriteString("</p>")
	}
	b.WriteString("\n<p class=\"feed-link\"><a href=\"")
	escURL(b, d.Feed)
	b.WriteString("\" type=\"application/atom+xml\">Theo dõi các thay đổi (Atom)</a></p>")
	if d.Prev != nil || d.Next != nil {
		b.WriteString("\n<nav class=\"pager\" aria-label=\"Các tháng\">\n<ul class=\"plain\">")
		if l := d.Prev; l != nil {
			b.WriteString("<li><a href=\"")
			escURL(b, l.URL)
			b.WriteString("\" rel=\"prev\">← ")
			escText(b, l.Text)
			b.WriteString("</a></li>")
		}
		if l := d.Next; l != nil {
			b.WriteString("<li><a href=\"")
			escURL(b, l.URL)
			b.WriteString("\" rel=\"next\">")
			escText(b, l.Text)
			b.WriteString(" →</a></li>")
		}
		b.WriteString("</ul>\n</nav>")
	}
	if len(d.Days) == 0 {
		b.WriteString("\n<p>Chưa có thay đổi nào.</p>")
	}
	for i := range d.Days {
		writeChangeDay(b, &d.Days[i])
	}
	if l := d.More; l != nil {
		b.WriteString("\n<p>")
		writeA(b, l.URL, l.Text)
		b.WriteString("</p>")
	}
	if len(d.Months) > 0 {
		b.WriteString("\n<section aria-labelledby=\"months\">\n<h2 id=\"months\">Theo tháng</h2>\n<ul class=\"months\">")
		for _, m := range d.Months {
			b.WriteString("<li>")
			writeA(b, m.URL, m.Label)
			b.WriteString(" <span class=\"hint\">(")
			b.WriteString(strconv.Itoa(m.N))
			b.WriteString(" mục)</span></li>")
		}
		b.WriteString("</ul>\n</section>")
	}
}

// writeChangeDay writes the section of one day's entries.
func writeChangeDay(b htmlWriter, d *changeDay) {
	b.WriteString("\n<section class=\"change-day\" aria-labelledby=\"")
	escText(b, d.ID)
	b.WriteString("\">\n<h2 id=\"")
	escText(b, d.ID)
	b.WriteString("\">")
	escText(b, d.Date)
	b.WriteString("</h2>\n<ol class=\"changes\">")
	for i := range d.Entries {
		writeChangeItem(b, &d.Entries[i])
	}
	b.WriteString("\n</ol>\n</section>")
}

// writeChangeItem writes one entry: its commit, its documents and the
// commit's trailers.
func writeChangeItem(b htmlWriter, it *changeItem) {
	b.WriteString("\n<li class=\"change\" id=\"")
	escText(b, it.ID)
	b.WriteString("\">\n<p class=\"change-head\"><code>")
	escText(b, it.Short)
	b.WriteString("</code> · ")
	escText(b, it.Author)
	b.WriteString(" · <span class=\"change-subject\">")
	escText(b, it.Subject)
	b.WriteString("</span>")
	if it.Group != 0 {
		b.WriteString(" <span class=\"hint\">(hợp nhất ")
		b.WriteString(strconv.Itoa(it.Group))
		b.WriteString(" commit)</span>")
	}
	b.WriteString("</p>\n<ul class=\"change-docs\">")
	for i := range it.Docs {
		v := &it.Docs[i]
		b.WriteString("\n<li>")
		writeDocLink(b, &v.Link)
		if v.Short != "" {
			b.WriteString(" <span class=\"hint\">commit <code>")
			escText(b, v.Short)
			b.WriteString("</code></span>")
		}
		if v.Change != "" {
			b.WriteString(" <span class=\"hint\">")
			escText(b, v.Change)
			b.WriteString("</span>")
		}
		b.WriteString("</li>")
	}
	if it.MoreDocs != 0 {
		b.WriteString("\n<li><a href=\"")
		escURL(b, it.MoreURL)
		b.WriteString("\">và ")
		b.WriteString(strconv.Itoa(it.MoreDocs))
		b.WriteString(" tài liệu khác</a></li>")
	}
	b.WriteString("\n</ul>")
	if len(it.Trailers) > 0 {
		b.WriteByte('\n')
		writeSummary(b, it.Trailers)
	}
	b.WriteString("\n</li>")
}

package render

import (
	"html/template"
	"strings"
	"testing"
)

// summaryTemplate is the "summary" template that summaryHTML replaces,
// with its "doclink" and "tag".
const summaryTemplate = `{{define "tag"}}<strong class="tag tag-{{.Class}}">{{.Label}}</strong>{{end}}
{{define "doclink" -}}
{{if .URL}}<a href="{{.URL}}">{{.Text}}</a>{{else}}<span class="unlinked">{{.Text}}</span>{{end}}
{{- with .Title}} <span class="doc-title">{{.}}</span>{{end}}
{{- with .Tag}} {{template "tag" .}}{{end}}
{{- with .Note}} <span class="hint">{{.}}</span>{{end}}
{{- with .Next}} {{if .URL}}<a href="{{.URL}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}{{with .Tag}} {{template "tag" .}}{{end}}{{end}}
{{- end}}
{{define "summary" -}}
<dl class="summary-list">
{{- range .}}
<div class="summary-row"><dt>{{.Key}}</dt><dd>
{{- if .Links}}<ul class="plain">{{range .Links}}<li>{{template "doclink" .}}</li>{{end}}</ul>
{{- else if .Link}}{{if .Link.URL}}<a href="{{.Link.URL}}">{{.Link.Text}}</a>{{else}}{{or .Link.Text "—"}}{{end}}
{{- else if .Text}}{{.Text}}{{end}}
{{- with .Tag}} {{template "tag" .}}{{end}}
{{- with .Extra}} <span class="hint">{{.}}</span>{{end}}</dd></div>
{{- end}}
</dl>
{{- end}}`

func TestSummaryHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("x").Parse(summaryTemplate))
	odd := []string{
		"", "Số hiệu", `a<b>&"c'+d`, "x\x00y", "\xff\xfe lỗi", "Nghệ An ﷐ \uffff",
	}
	urls := []string{
		"", "/processes/qt-01/", "../a b/ç?x=1&y=2#frag", "javascript:alert(1)", "JavaScript:x", "mailto:a@b",
		"HTTPS://x.vn/%41%zz%4", "data:text/html,x", "/a:b", "a/b:c", "x'\"<>+`{}|\\^ ", "%", "%4",
	}
	var rows [][]row
	rows = append(rows, nil, []row{})
	tg := &tag{Label: odd[2], Class: "gr<een"}
	for i, s := range odd {
		u := urls[i%len(urls)]
		rows = append(rows, []row{
			{Key: s, Text: s},
			{Key: s, Link: &link{Text: s, URL: u}, Tag: tg, Extra: s},
			{Key: s, Link: &link{}},
			{Key: s, Link: &link{Text: s}},
			{Key: s, Text: s, Links: []docLink{
				{Text: s, URL: u, Title: s, Tag: tg, Note: s, Next: &docLink{Text: s, URL: u, Tag: tg}},
				{Text: s, Next: &docLink{Text: s}},
			}},
		})
	}
	for _, u := range urls {
		rows = append(rows, []row{{Key: "k", Link: &link{Text: u, URL: u}}, {Links: []docLink{{Text: u, URL: u}}}})
	}
	for i, rs := range rows {
		var want strings.Builder
		if err := tmpl.ExecuteTemplate(&want, "summary", rs); err != nil {
			t.Fatal(err)
		}
		if got := string(summaryHTML(rs)); got != want.String() {
			t.Errorf("rows %d:\n got %q\nwant %q", i, got, want.String())
		}
	}
}

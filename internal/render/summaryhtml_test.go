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

func TestDocLinkAndTagHTMLMatchTemplate(t *testing.T) {
	tmpl := template.Must(template.New("x").Parse(summaryTemplate))
	exec := func(name string, v any) string {
		var b strings.Builder
		if err := tmpl.ExecuteTemplate(&b, name, v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	tags := []tag{{}, {Label: "Còn hiệu lực", Class: "green"}, {Label: `<x>&'"+`, Class: `a"b`}}
	for _, tg := range tags {
		want := exec("tag", tg)
		if got := string(tagHTML(tg)); got != want {
			t.Errorf("tagHTML(%v) = %q, want %q", tg, got, want)
		}
		if got := string(tagHTML(&tg)); got != want {
			t.Errorf("tagHTML(&%v) = %q, want %q", tg, got, want)
		}
	}
	tg := &tags[2]
	links := []docLink{
		{}, {Text: "3463/QĐ-UBND", URL: "/decisions/3463-qd-ubnd/"},
		{Text: "a<b", URL: "javascript:x", Title: "T'+", Tag: tg, Note: "n&", Next: &docLink{Text: "b", URL: "/x y/", Tag: tg}},
		{Text: "c", Next: &docLink{Text: "d>"}},
	}
	for _, l := range links {
		want := exec("doclink", l)
		if got := string(docLinkHTML(l)); got != want {
			t.Errorf("docLinkHTML(%+v) = %q, want %q", l, got, want)
		}
		if got := string(docLinkHTML(&l)); got != want {
			t.Errorf("docLinkHTML(&%+v) = %q, want %q", l, got, want)
		}
	}
	if docLinkHTML((*docLink)(nil)) != "" || tagHTML((*tag)(nil)) != "" {
		t.Error("nil renders something")
	}
}

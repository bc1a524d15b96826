package render

import (
	"strings"
	"testing"
)

// TestFlowchartMarkup: the process page draws both layouts inline, each a
// labelled image with a title and a description, its numbers and text
// escaped for their contexts.
func TestFlowchartMarkup(t *testing.T) {
	files := map[string]string{"processes/qt-01.md": `---
code: "QT-01"
title: Kiểm soát tài liệu
kind: framework
unit: Văn phòng Sở
revision: 1
effective: 2021-04-01
status: active
steps:
  - actor: Văn thư
    action: Tiếp nhận <b>"hồ sơ"</b> & vào sổ
    time: 04 giờ làm việc
  - actor: Lãnh đạo
    action: Ký duyệt
    time: 01 ngày làm việc
---
Nội dung.
`}
	s := newTestSite(t, files, nil)
	page := mainOf(renderFile(t, s, "processes/qt-01/index.html"))
	for _, want := range []string{
		`<svg class="flowchart-wide" role="img" aria-label="Lưu đồ quy trình QT-01: 2 bước" viewBox="0 0 720 `,
		`<svg class="flowchart-narrow" role="img" aria-label="Lưu đồ quy trình QT-01: 2 bước" viewBox="0 0 360 `,
		`<title>Lưu đồ quy trình QT-01: 2 bước</title>`,
		`<desc>Bắt đầu. Bước 1: Tiếp nhận &lt;b&gt;&#34;hồ sơ&#34;&lt;/b&gt; &amp; vào sổ (Văn thư; 04 giờ làm việc). Bước 2: Ký duyệt`,
		`>Kết thúc</tspan>`,
		`<rect class="fc-terminal" x="285" y="45" width="150" height="34" rx="17"/>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "ZgotmplZ") || strings.Contains(page, "<b>") {
		t.Errorf("the chart's markup is mangled or unescaped:\n%s", page)
	}
	steps := strings.Index(page, `id="steps"`)
	chart := strings.Index(page, `<figure class="flowchart">`)
	table := strings.Index(page, `<table class="steps">`)
	if steps < 0 || chart < steps || table < chart {
		t.Errorf("the chart is not between the steps' heading and their table")
	}
}

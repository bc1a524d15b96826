package render

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestWrapText(t *testing.T) {
	long := "Tiếp nhận, kiểm tra tính đầy đủ, hợp lệ của hồ sơ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
	for _, c := range []struct {
		in   string
		n    int
		want []string
	}{
		{"Trả kết quả", 40, []string{"Trả kết quả"}},
		{"  Trả   kết\nquả ", 40, []string{"Trả kết quả"}},
		{"Trả kết quả", 7, []string{"Trả kết", "quả"}},
		{"Trả kết quả", 3, []string{"Trả", "kết", "quả"}},
		{"BM-TS-01-01,BM-TS-01-02", 10, []string{"BM-TS-01-0", "1,BM-TS-01", "-02"}},
		{"", 10, nil},
		// Decomposed input is counted and written in NFC.
		{norm.NFD.String("Thủy sản"), 8, []string{"Thủy sản"}},
	} {
		if got := wrapText(c.in, c.n); !reflect.DeepEqual(got, c.want) {
			t.Errorf("wrapText(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
	lines := wrapText(long, 30)
	if len(lines) < 3 {
		t.Errorf("a long action is not wrapped: %q", lines)
	}
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > 30 {
			t.Errorf("line %q has %d runes, more than 30", l, n)
		}
	}
	if strings.Join(lines, " ") != long {
		t.Errorf("wrapping lost text: %q", lines)
	}
}

// chartSteps has a long action and actor from a real process, two
// consecutive steps of one actor, a step without time and one with forms.
var chartSteps = []stepRow{
	{N: 1, Actor: "Công chức tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh", Action: "Tiếp nhận, kiểm tra tính đầy đủ, hợp lệ của hồ sơ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả hoặc Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ; chuyển hồ sơ đến Văn phòng Điều phối nông thôn mới tỉnh", Time: "04 giờ làm việc", Forms: "BM-01, BM-02"},
	{N: 2, Actor: "Chuyên viên thụ lý", Action: "Thẩm định hồ sơ", Time: "03 ngày làm việc"},
	{N: 3, Actor: "Chuyên viên thụ lý", Action: "Dự thảo văn bản", Time: "—"},
	{N: 4, Actor: "Văn thư", Action: "Trả kết quả", Time: "04 giờ làm việc"},
}

func overlap(a, b chartBox) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func inside(b chartBox, x, y int) bool {
	return x >= b.X && x <= b.X+b.W && y >= b.Y && y <= b.Y+b.H
}

// TestFlowchartLayout: in both layouts the boxes run from "Bắt đầu" to
// "Kết thúc" down the chart without overlapping, arrows join consecutive
// boxes, everything lies in the viewBox, every line of text fits its box or
// column by the width estimate, and the actions are all there, in order,
// long ones wrapped.
func TestFlowchartLayout(t *testing.T) {
	f := newFlowchart("QT-01", chartSteps)
	for _, l := range []chartLayout{f.Wide, f.Narrow} {
		t.Run(l.Class, func(t *testing.T) {
			if l.Label != "Lưu đồ quy trình QT-01: 4 bước" {
				t.Errorf("label %q", l.Label)
			}
			for _, st := range chartSteps {
				if !strings.Contains(l.Desc, st.Action) || !strings.Contains(l.Desc, st.Actor) {
					t.Errorf("the description does not name step %d: %q", st.N, l.Desc)
				}
			}
			if len(l.Boxes) != len(chartSteps)+2 {
				t.Fatalf("%d boxes for %d steps", len(l.Boxes), len(chartSteps))
			}
			first, last := l.Boxes[0], l.Boxes[len(l.Boxes)-1]
			if first.R == 0 || last.R == 0 || first.Class != "fc-terminal" || last.Class != "fc-terminal" {
				t.Errorf("the chart does not start and end with rounded terminals: %+v %+v", first, last)
			}
			for i, b := range l.Boxes {
				if b.X < 0 || b.Y < 0 || b.X+b.W > l.W || b.Y+b.H > l.H || b.W <= 0 || b.H <= 0 {
					t.Errorf("box %d %+v is outside the viewBox %dx%d", i, b, l.W, l.H)
				}
				for j := range i {
					if overlap(l.Boxes[j], b) {
						t.Errorf("boxes %d and %d overlap: %+v %+v", j, i, l.Boxes[j], b)
					}
				}
				if i > 0 && b.Y < l.Boxes[i-1].Y+l.Boxes[i-1].H {
					t.Errorf("box %d is not below box %d", i, i-1)
				}
			}
			for _, b := range l.Bands {
				in := false
				for _, box := range l.Boxes {
					in = in || (inside(box, b.X, b.Y) && inside(box, b.X+b.W, b.Y+b.H))
				}
				if !in {
					t.Errorf("band %+v is not inside a box", b)
				}
			}
			if len(l.Arrows) != len(l.Boxes)-1 {
				t.Fatalf("%d arrows for %d boxes", len(l.Arrows), len(l.Boxes))
			}
			for i, a := range l.Arrows {
				from, to := l.Boxes[i], l.Boxes[i+1]
				if a.X1 != from.X+from.W/2 || a.Y1 != from.Y+from.H {
					t.Errorf("arrow %d starts at %d,%d, not at the bottom of box %d %+v", i, a.X1, a.Y1, i, from)
				}
				tip := a.Head[0]
				if tip.X != to.X+to.W/2 || tip.Y != to.Y {
					t.Errorf("arrow %d points at %+v, not at the top of box %d %+v", i, tip, i+1, to)
				}
				if a.X2 != tip.X || a.Y2 != a.Head[1].Y || a.Head[1].Y != a.Head[2].Y || a.Y2 <= a.Y1 {
					t.Errorf("arrow %d: the shaft does not meet its head: %+v", i, a)
				}
			}

			var actions []string
			for _, tx := range l.Texts {
				perMille := runeWidth
				if tx.Class == "fc-head" || tx.Class == "fc-colhead" || tx.Class == "fc-terminal-text" {
					perMille = boldRuneWidth
				}
				for _, ln := range tx.Lines {
					w := utf8.RuneCountInString(ln.Text) * l.Font * perMille / 1000
					left, right := ln.X, ln.X+w
					if tx.Anchor == "middle" {
						left, right = ln.X-w/2, ln.X+w/2
					}
					if left < 0 || right > l.W || ln.Y < 0 || ln.Y > l.H {
						t.Errorf("%q is outside the viewBox", ln.Text)
					}
					for _, b := range l.Boxes {
						if inside(b, ln.X, ln.Y) && right > b.X+b.W {
							t.Errorf("%q (%d..%d) overruns its box %+v", ln.Text, left, right, b)
						}
					}
					if l.Class == "flowchart-wide" && left < wideCol1 && right > wideCol1 {
						t.Errorf("%q crosses the actor column's edge", ln.Text)
					}
					if l.Class == "flowchart-wide" && left < wideCol2 && right > wideCol2 {
						t.Errorf("%q crosses the time column's edge", ln.Text)
					}
				}
				if tx.Class == "fc-action" {
					var lines []string
					for _, ln := range tx.Lines {
						lines = append(lines, ln.Text)
						if !inside(l.Boxes[len(actions)+1], ln.X, ln.Y) {
							t.Errorf("action line %q is not in the box of step %d", ln.Text, len(actions)+1)
						}
					}
					if len(actions) == 0 && len(lines) < 3 {
						t.Errorf("the long first action is not wrapped: %q", lines)
					}
					actions = append(actions, strings.Join(lines, " "))
				}
			}
			for i, st := range chartSteps {
				if i >= len(actions) || actions[i] != st.Action {
					t.Errorf("actions in the chart %q, want the steps' in order", actions)
					break
				}
			}
		})
	}
}

// TestFlowchartActorColumn: the wide chart names an actor once for
// consecutive steps of that actor, and gives each timed step its time.
func TestFlowchartActorColumn(t *testing.T) {
	l := newFlowchart("QT-01", chartSteps).Wide
	count := map[string][]string{}
	for _, tx := range l.Texts {
		var lines []string
		for _, ln := range tx.Lines {
			lines = append(lines, ln.Text)
		}
		count[tx.Class] = append(count[tx.Class], strings.Join(lines, " "))
	}
	want := []string{chartSteps[0].Actor, "Chuyên viên thụ lý", "Văn thư"}
	if !reflect.DeepEqual(count["fc-actor"], want) {
		t.Errorf("actor column %q, want %q", count["fc-actor"], want)
	}
	times := count["fc-time"]
	if len(times) != 3 || !strings.HasPrefix(times[0], "04 giờ làm việc Biểu mẫu: BM-01, BM-02") || times[1] != "03 ngày làm việc" {
		t.Errorf("time column %q", times)
	}
}

func TestNoFlowchartWithoutSteps(t *testing.T) {
	if f := newFlowchart("QT-01", nil); f != nil {
		t.Errorf("a process without steps has a chart: %+v", f)
	}
}

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

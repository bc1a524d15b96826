package flowchart

import (
	"reflect"
	"slices"
	"strconv"
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
var chartSteps = []Step{
	{Actor: "Công chức tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh", Action: "Tiếp nhận, kiểm tra tính đầy đủ, hợp lệ của hồ sơ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả hoặc Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ; chuyển hồ sơ đến Văn phòng Điều phối nông thôn mới tỉnh", Time: "04 giờ làm việc", Forms: "BM-01, BM-02"},
	{Actor: "Chuyên viên thụ lý", Action: "Thẩm định hồ sơ", Time: "03 ngày làm việc"},
	{Actor: "Chuyên viên thụ lý", Action: "Dự thảo văn bản"},
	{Actor: "Văn thư", Action: "Trả kết quả", Time: "04 giờ làm việc"},
}

func overlap(a, b Box) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func inside(b Box, x, y int) bool {
	return x >= b.X && x <= b.X+b.W && y >= b.Y && y <= b.Y+b.H
}

// TestFlowLayout: in both layouts the boxes run from "Bắt đầu" to
// "Kết thúc" down the chart without overlapping, arrows join consecutive
// boxes, everything lies in the viewBox, every line of text fits its box or
// column by the width estimate, and the actions are all there, in order,
// long ones wrapped.
func TestFlowLayout(t *testing.T) {
	f := New("QT-01", chartSteps)
	if len(f.Wide) != 1 {
		t.Fatalf("a short chart in %d parts", len(f.Wide))
	}
	for _, l := range []Layout{f.Wide[0], f.Narrow} {
		t.Run(l.Class, func(t *testing.T) {
			if l.Label != "Lưu đồ quy trình QT-01: 4 bước" {
				t.Errorf("label %q", l.Label)
			}
			for i, st := range chartSteps {
				if !strings.Contains(l.Desc, st.Action) || !strings.Contains(l.Desc, st.Actor) {
					t.Errorf("the description does not name step %d: %q", i+1, l.Desc)
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
	l := New("QT-01", chartSteps).Wide[0]
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

// TestFlowchartParts: a long wide chart is cut between rows into parts no
// higher than widePartH, which together hold every box, band and text of
// the whole once, and arrows whose pieces meet at the cuts.
func TestFlowchartParts(t *testing.T) {
	var steps []Step
	for i := 1; i <= 20; i++ {
		steps = append(steps, Step{Actor: "Chuyên viên phụ trách bước " + strconv.Itoa(i), Action: "Kiểm tra hồ sơ, đối chiếu quy định và ghi ý kiến vào phiếu kiểm soát (bước " + strconv.Itoa(i) + ")", Time: "01 giờ làm việc"})
	}
	whole, cuts := wideChart(steps)
	f := New("QT-TS-01", steps)
	parts := f.Wide
	if len(parts) < 2 {
		t.Fatalf("a chart %d high is in %d part", whole.H, len(parts))
	}
	var boxes, bands, texts, heights, rows int
	var ns []int
	for i, p := range parts {
		if p.H > widePartH {
			t.Errorf("part %d is %d high", i+1, p.H)
		}
		if want := "Lưu đồ quy trình QT-TS-01: 20 bước, phần " + strconv.Itoa(i+1) + "/" + strconv.Itoa(len(parts)); p.Label != want {
			t.Errorf("part %d label %q, want %q", i+1, p.Label, want)
		}
		if i > 0 && !slices.Contains(cuts, heights) {
			t.Errorf("part %d begins at %d, not between rows %v", i+1, heights, cuts)
		}
		heights += p.H
		boxes += len(p.Boxes)
		bands += len(p.Bands)
		texts += len(p.Texts)
		ns = append(ns, p.steps()...)
		for _, n := range p.steps() {
			if !strings.Contains(p.Desc, steps[n-1].Action) {
				t.Errorf("part %d does not describe its step %d", i+1, n)
			}
		}
		for _, b := range append(p.Boxes, p.Bands...) {
			if b.Y < 0 || b.Y+b.H > p.H {
				t.Errorf("part %d: %+v crosses its edge", i+1, b)
			}
		}
		for _, a := range p.Arrows {
			if a.Y1 < 0 || a.Y2 > p.H {
				t.Errorf("part %d: arrow %+v crosses its edge", i+1, a)
			}
			if a.Head == nil {
				if a.Y2 != p.H || i == len(parts)-1 {
					t.Errorf("part %d: a headless arrow does not run to the cut: %+v", i+1, a)
				}
				if next := parts[i+1]; len(next.Arrows) == 0 || next.Arrows[0].Y1 != 0 || next.Arrows[0].X1 != a.X1 || next.Arrows[0].Head == nil {
					t.Errorf("part %d: the arrow cut at its bottom does not go on in the next part", i+1)
				}
			}
		}
		for _, r := range p.Rules {
			if r.Y1 < 0 || r.Y2 > p.H {
				t.Errorf("part %d: rule %+v crosses its edge", i+1, r)
			}
		}
		rows += strings.Count(p.Desc, "Bước ")
	}
	if heights != whole.H || boxes != len(whole.Boxes) || bands != len(whole.Bands) || texts != len(whole.Texts) {
		t.Errorf("parts: height %d, %d boxes, %d bands, %d texts; the whole: %d, %d, %d, %d",
			heights, boxes, bands, texts, whole.H, len(whole.Boxes), len(whole.Bands), len(whole.Texts))
	}
	if want := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}; !reflect.DeepEqual(ns, want) {
		t.Errorf("steps by part %v", ns)
	}
	if rows != len(steps) {
		t.Errorf("the parts' descriptions name %d steps", rows)
	}
	if !strings.HasPrefix(parts[0].Desc, "Bắt đầu.") || strings.Contains(parts[1].Desc, "Bắt đầu") || !strings.Contains(parts[len(parts)-1].Desc, "Kết thúc.") {
		t.Error("the terminals are not described in the first and last parts")
	}
	// A narrow chart is never cut: it is not printed.
	if len(f.Narrow.Boxes) != len(steps)+2 {
		t.Errorf("the narrow chart has %d boxes", len(f.Narrow.Boxes))
	}
}

// TestFlowchartSplitTallRow: a row higher than the limit is a part of its
// own; nothing is lost.
func TestFlowchartSplitTallRow(t *testing.T) {
	l, cuts := wideChart(chartSteps)
	parts := l.split(cuts, 60)
	total := 0
	for _, p := range parts {
		total += len(p.Boxes)
	}
	if len(parts) < len(chartSteps) || total != len(chartSteps)+2 {
		t.Errorf("%d parts with %d boxes", len(parts), total)
	}
}

func TestNoFlowchartWithoutSteps(t *testing.T) {
	if f := New("QT-01", nil); f != nil {
		t.Errorf("a process without steps has a chart: %+v", f)
	}
}

// TestPaths: each kind of shape is one path, with a subpath per shape.
func TestPaths(t *testing.T) {
	l := Layout{
		Rules:  []Rule{{0, 32, 720, 32}, {180, 1, 180, 99}},
		Bands:  []Box{{X: 201, Y: 71, W: 318, H: 30}},
		Arrows: []Arrow{{X1: 360, Y1: 79, X2: 360, Y2: 97, Head: []Point{{360, 105}, {355, 97}, {365, 97}}}, {X1: 360, Y1: 200, X2: 360, Y2: 230}},
	}
	for _, tt := range []struct{ got, want string }{
		{l.RulesPath(), "M0 32L720 32M180 1L180 99"},
		{l.BandsPath(), "M201 71h318v30h-318z"},
		{l.ShaftsPath(), "M360 79L360 97M360 200L360 230"},
		{l.HeadsPath(), "M360 105L355 97L365 97z"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

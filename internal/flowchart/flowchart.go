// Package flowchart lays out the flowchart ("lưu đồ") of a process: its
// steps in order, from a start terminal "Bắt đầu" to an end terminal "Kết
// thúc", drawn as inline SVG by the theme's templates/flowchart.html. The
// package computes only the geometry, no markup: boxes, rules, arrows and
// the lines of text, in user units of the SVG's viewBox, as integers so
// that the markup is the same bytes on every build.
//
// There are two layouts of the same chart; the style sheet shows one:
//
//   - wide (screens wider than 40em, and print): the table Vietnamese ISO
//     manuals draw, columns "Trách nhiệm | Lưu đồ | Thời gian", the actor
//     written once for consecutive steps of the same actor;
//   - narrow (phones): one column of boxes, each box headed by its step
//     number and actor and ending with its time, because three columns at
//     375 CSS pixels would leave text too small to read.
//
// Each layout is drawn at a fixed viewBox width that the page scales to its
// column, with font sizes chosen so that the scaled text stays about 11 CSS
// pixels or more: the narrow chart is laid out for a 360-unit width, about
// a phone's column. Text is wrapped here, on spaces, by counting runes of
// the NFC form against a per-rune width that is on the wide side for the
// system sans-serif fonts, so that a line never outruns its box.
//
// A wide chart taller than a printed page comes in parts, one <svg> each,
// cut between rows (split), so that print turns the page between parts;
// on screen they join without a gap.
//
// The chart is a picture of the steps table that follows it: each <svg>
// has role="img", a title and a description naming its steps, and the
// table stays the version for screen readers and for copying text.
package flowchart

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Step is one step of a process, as the chart writes it: who does it,
// what, in how long ("" when the process gives no time) and with which
// forms (comma-separated, "" for none). Steps are numbered from 1 in
// order.
type Step struct {
	Actor, Action, Time, Forms string
}

// Chart is the data of templates/flowchart.html.
type Chart struct {
	Wide   []Layout // one or more parts, see split
	Narrow Layout
}

// Layout is one drawing of the chart.
type Layout struct {
	Class  string // the svg element's class, which the style sheet shows or hides
	Label  string // aria-label and <title>
	Desc   string // <desc>: the steps in words
	W, H   int    // the viewBox
	Font   int    // font size, in user units
	Boxes  []Box  // the chart's nodes in order: start, the steps, end
	Bands  []Box  // shaded headers of the step boxes, drawn over them
	Rules  []Rule // drawn over the boxes and bands
	Arrows []Arrow
	Texts  []Text
}

// Box is a rectangle of CSS class Class (fc-terminal, fc-step,
// fc-band); R is its corner radius (terminals are rounded). N is the number
// of the step it draws, 0 for a terminal or a band.
type Box struct {
	X, Y, W, H, R int
	Class         string
	N             int
}

// Rule is a straight line of the table's frame.
type Rule struct{ X1, Y1, X2, Y2 int }

// Arrow goes from one box's bottom to the next box's top: the shaft
// ends where the head begins, and the head's first point is its tip. The
// upper piece of an arrow cut by split has no head.
type Arrow struct {
	X1, Y1, X2, Y2 int
	Head           []Point
}

type Point struct{ X, Y int }

// Text is a <text> element; each line is a <tspan> at its own
// position.
type Text struct {
	Class  string
	Anchor string // "middle" or "" (start)
	Lines  []Line
}

type Line struct {
	X, Y int
	Text string
}

// The rules, the bands, the arrows' shafts and their heads are each drawn
// as one SVG path of the layout, whose "d" these return: the shapes of a
// kind share their style, and one element draws them all.

// RulesPath is the path of the rules.
func (l Layout) RulesPath() string { return linesPath(l.Rules) }

// BandsPath is the path of the bands.
func (l Layout) BandsPath() string {
	var b strings.Builder
	for _, r := range l.Bands {
		b.WriteString(pathXY("M", r.X, r.Y) + "h" + strconv.Itoa(r.W) + "v" + strconv.Itoa(r.H) + "h" + strconv.Itoa(-r.W) + "z")
	}
	return b.String()
}

// ShaftsPath is the path of the arrows' shafts.
func (l Layout) ShaftsPath() string {
	shafts := make([]Rule, len(l.Arrows))
	for i, a := range l.Arrows {
		shafts[i] = Rule{a.X1, a.Y1, a.X2, a.Y2}
	}
	return linesPath(shafts)
}

// linesPath is the path of straight lines.
func linesPath(lines []Rule) string {
	var b strings.Builder
	for _, r := range lines {
		b.WriteString(pathXY("M", r.X1, r.Y1) + pathXY("L", r.X2, r.Y2))
	}
	return b.String()
}

// HeadsPath is the path of the arrows' heads, each a closed polygon.
func (l Layout) HeadsPath() string {
	var b strings.Builder
	for _, a := range l.Arrows {
		for i, p := range a.Head {
			cmd := "L"
			if i == 0 {
				cmd = "M"
			}
			b.WriteString(pathXY(cmd, p.X, p.Y))
		}
		if len(a.Head) > 0 {
			b.WriteString("z")
		}
	}
	return b.String()
}

// pathXY is a path command to the point x, y.
func pathXY(cmd string, x, y int) string {
	return cmd + strconv.Itoa(x) + " " + strconv.Itoa(y)
}

// A font's advance per rune, in thousandths of the font size: wider than
// the average Vietnamese text needs in the usual system fonts, bold more.
const (
	runeWidth     = 560
	boldRuneWidth = 610
)

// runesFor returns how many runes fit in width user units at font size
// font.
func runesFor(width, font, perMille int) int {
	n := width * 1000 / (font * perMille)
	return max(n, 1)
}

// wrapText breaks s into lines of at most n runes, on spaces; a word longer
// than n runes is cut. Runs of white space become one space.
func wrapText(s string, n int) []string {
	var lines []string
	var cur []rune
	for _, w := range strings.Fields(norm.NFC.String(s)) {
		word := []rune(w)
		if len(cur) > 0 && len(cur)+1+len(word) <= n {
			cur = append(append(cur, ' '), word...)
			continue
		}
		if len(cur) > 0 {
			lines = append(lines, string(cur))
			cur = nil
		}
		for len(word) > n {
			lines = append(lines, string(word[:n]))
			word = word[n:]
		}
		cur = word
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// New lays out the chart of a process's steps; nil without steps.
func New(code string, steps []Step) *Chart {
	if len(steps) == 0 {
		return nil
	}
	wide, cuts := wideChart(steps)
	f := &Chart{Wide: wide.split(cuts, widePartH), Narrow: narrowChart(steps)}
	label := "Lưu đồ quy trình " + code + ": " + strconv.Itoa(len(steps)) + " bước"
	for i := range f.Wide {
		l := &f.Wide[i]
		l.Label, l.Desc = label, chartDesc(steps, l.steps(), i == 0, i == len(f.Wide)-1)
		if len(f.Wide) > 1 {
			l.Label += ", phần " + strconv.Itoa(i+1) + "/" + strconv.Itoa(len(f.Wide))
		}
	}
	f.Narrow.Label, f.Narrow.Desc = label, chartDesc(steps, f.Narrow.steps(), true, true)
	return f
}

// chartDesc names the steps numbered ns, and the terminals the part
// has.
func chartDesc(steps []Step, ns []int, start, end bool) string {
	var b strings.Builder
	if start {
		b.WriteString("Bắt đầu. ")
	}
	for _, n := range ns {
		st := steps[n-1]
		b.WriteString("Bước " + strconv.Itoa(n) + ": " + st.Action + " (" + st.Actor)
		if st.Time != "" {
			b.WriteString("; " + st.Time)
		}
		b.WriteString("). ")
	}
	if end {
		b.WriteString("Kết thúc. ")
	}
	b.WriteString("Bảng các bước thực hiện ghi đầy đủ nội dung từng bước.")
	return b.String()
}

// steps returns the numbers of the steps drawn in l.
func (l *Layout) steps() []int {
	var ns []int
	for _, b := range l.Boxes {
		if b.N > 0 {
			ns = append(ns, b.N)
		}
	}
	return ns
}

// split cuts a layout taller than maxH into parts, each its own <svg>, at
// some of the heights cuts (ascending; rows of the chart begin there), so
// that a printed page can end between two parts: an <svg> is never split
// across pages, and one taller than a page would run into the page's
// margins. Each part is at most maxH high unless a single row is taller.
// On screen the parts follow each other without a gap and read as one
// chart; an arrow that crosses a cut is drawn in two pieces, the head in
// the lower part.
func (l Layout) split(cuts []int, maxH int) []Layout {
	var at []int // where the parts begin, after the first
	start := 0
	for i, c := range cuts {
		if c-start <= maxH {
			continue
		}
		// The part from start to c is too high: end it at the cut before
		// c, and at c too if the row between them is still too high.
		if i > 0 && cuts[i-1] > start {
			at = append(at, cuts[i-1])
			start = cuts[i-1]
		}
		if c-start > maxH {
			at = append(at, c)
			start = c
		}
	}
	if n := len(cuts); l.H-start > maxH && n > 0 && cuts[n-1] > start {
		at = append(at, cuts[n-1])
	}
	if len(at) == 0 {
		return []Layout{l}
	}
	bounds := append(append([]int{0}, at...), l.H)
	parts := make([]Layout, 0, len(bounds)-1)
	for i := 1; i < len(bounds); i++ {
		parts = append(parts, l.slice(bounds[i-1], bounds[i]))
	}
	return parts
}

// slice returns the part of l between heights y0 and y1, moved up by y0.
func (l Layout) slice(y0, y1 int) Layout {
	p := Layout{Class: l.Class, W: l.W, H: y1 - y0, Font: l.Font}
	in := func(y int) bool { return y >= y0 && y < y1 }
	for _, b := range l.Boxes {
		if in(b.Y) {
			b.Y -= y0
			p.Boxes = append(p.Boxes, b)
		}
	}
	for _, b := range l.Bands {
		if in(b.Y) {
			b.Y -= y0
			p.Bands = append(p.Bands, b)
		}
	}
	for _, r := range l.Rules {
		if r.Y1 == r.Y2 {
			if in(r.Y1) {
				// A rule at the top edge is drawn just inside it.
				r.Y1 = max(r.Y1-y0, 1)
				r.Y2 = r.Y1
				p.Rules = append(p.Rules, r)
			}
			continue
		}
		a, b := max(r.Y1, y0), min(r.Y2, y1)
		if a < b {
			r.Y1, r.Y2 = a-y0, b-y0
			p.Rules = append(p.Rules, r)
		}
	}
	for _, a := range l.Arrows {
		tip := a.Head[0].Y
		if a.Y1 >= y1 || tip <= y0 {
			continue
		}
		if tip > y1 { // the upper piece: the shaft to the cut
			p.Arrows = append(p.Arrows, Arrow{X1: a.X1, Y1: a.Y1 - y0, X2: a.X2, Y2: y1 - y0})
			continue
		}
		a.Y1 = max(a.Y1, y0) - y0
		a.Y2 -= y0
		a.Head = append([]Point(nil), a.Head...)
		for i := range a.Head {
			a.Head[i].Y -= y0
		}
		p.Arrows = append(p.Arrows, a)
	}
	for _, t := range l.Texts {
		if len(t.Lines) == 0 || !in(t.Lines[0].Y) {
			continue
		}
		t.Lines = append([]Line(nil), t.Lines...)
		for i := range t.Lines {
			t.Lines[i].Y -= y0
		}
		p.Texts = append(p.Texts, t)
	}
	return p
}

// Layout constants, in user units.
const (
	chartPad     = 10 // inside a box, around its text
	chartGap     = 26 // between two boxes: the arrow
	arrowHead    = 8  // length of an arrow's head
	arrowHalf    = 5  // half its width
	terminalW    = 150
	terminalH    = 34
	terminalText = "Bắt đầu"
	endText      = "Kết thúc"
)

// lineHeight is the distance between baselines at font size font.
func lineHeight(font int) int { return font * 13 / 10 }

// textBlock places lines from top (the top of the first line's box) at x,
// and returns the text and the bottom of the last line.
func textBlock(class, anchor string, x, top, font int, lines []string) (Text, int) {
	lh := lineHeight(font)
	t := Text{Class: class, Anchor: anchor}
	for i, s := range lines {
		// The baseline sits about a fifth of the font size above the
		// bottom of the line's box.
		t.Lines = append(t.Lines, Line{X: x, Y: top + (i+1)*lh - lh/4, Text: s})
	}
	return t, top + len(lines)*lh
}

// terminal adds a rounded start or end box centred on cx at top.
func (l *Layout) terminal(cx, top int, text string) {
	l.Boxes = append(l.Boxes, Box{X: cx - terminalW/2, Y: top, W: terminalW, H: terminalH, R: terminalH / 2, Class: "fc-terminal"})
	lh := lineHeight(l.Font)
	t, _ := textBlock("fc-terminal-text", "middle", cx, top+(terminalH-lh)/2, l.Font, []string{text})
	l.Texts = append(l.Texts, t)
}

// band adds the shaded header of the step box at x, top, w wide, with a
// rule under it (the shade is not printed); it lies inside the box's
// stroke.
func (l *Layout) band(x, top, w, h int) {
	l.Bands = append(l.Bands, Box{X: x + 1, Y: top + 1, W: w - 2, H: h - 1, Class: "fc-band"})
	l.Rules = append(l.Rules, Rule{x, top + h, x + w, top + h})
}

// connect adds the arrows between consecutive boxes; each box is centred
// on cx.
func (l *Layout) connect(cx int) {
	for i := 1; i < len(l.Boxes); i++ {
		from, to := l.Boxes[i-1], l.Boxes[i]
		y1, tip := from.Y+from.H, to.Y
		l.Arrows = append(l.Arrows, Arrow{
			X1: cx, Y1: y1, X2: cx, Y2: tip - arrowHead,
			Head: []Point{{cx, tip}, {cx - arrowHalf, tip - arrowHead}, {cx + arrowHalf, tip - arrowHead}},
		})
	}
}

// Narrow layout: one column.
const (
	narrowW    = 360
	narrowFont = 13
	narrowBoxX = 2 // room for the stroke
)

func narrowChart(steps []Step) Layout {
	l := Layout{Class: "flowchart-narrow", W: narrowW, Font: narrowFont}
	cx := narrowW / 2
	boxW := narrowW - 2*narrowBoxX
	inner := boxW - 2*chartPad
	l.terminal(cx, 2, terminalText)
	y := 2 + terminalH + chartGap
	for i, st := range steps {
		top := y
		head := wrapText("Bước "+strconv.Itoa(i+1)+" · "+st.Actor, runesFor(inner, l.Font, boldRuneWidth))
		t, bottom := textBlock("fc-head", "", narrowBoxX+chartPad, top+chartPad/2, l.Font, head)
		l.Texts = append(l.Texts, t)
		bandH := bottom + chartPad/2 - top
		l.band(narrowBoxX, top, boxW, bandH)
		body := wrapText(st.Action, runesFor(inner, l.Font, runeWidth))
		t, bottom = textBlock("fc-action", "", narrowBoxX+chartPad, top+bandH+chartPad/2, l.Font, body)
		l.Texts = append(l.Texts, t)
		var notes []string
		if st.Time != "" {
			notes = append(notes, wrapText("Thời gian: "+st.Time, runesFor(inner, l.Font, runeWidth))...)
		}
		if st.Forms != "" {
			notes = append(notes, wrapText("Biểu mẫu: "+st.Forms, runesFor(inner, l.Font, runeWidth))...)
		}
		if len(notes) > 0 {
			t, bottom = textBlock("fc-note", "", narrowBoxX+chartPad, bottom+chartPad/2, l.Font, notes)
			l.Texts = append(l.Texts, t)
		}
		h := bottom + chartPad - top
		l.Boxes = append(l.Boxes, Box{X: narrowBoxX, Y: top, W: boxW, H: h, Class: "fc-step", N: i + 1})
		y = top + h + chartGap
	}
	l.terminal(cx, y, endText)
	l.H = y + terminalH + 2
	l.connect(cx)
	return l
}

// Wide layout: the columns "Trách nhiệm | Lưu đồ | Thời gian".
const (
	wideW     = 720
	wideFont  = 14
	wideCol1  = 180 // the actor column ends here
	wideCol2  = 540 // the chart column ends here
	wideHeadH = 32  // the row of column names
	wideBoxW  = 320
	// widePartH is the most a part of the wide chart is high (see
	// split): printed at an A4 page's text width, less than the page's
	// text height.
	widePartH = 880
)

// wideChart returns the layout and the heights at which split may cut it:
// the rules between rows.
func wideChart(steps []Step) (Layout, []int) {
	var cuts []int
	l := Layout{Class: "flowchart-wide", W: wideW, Font: wideFont}
	cx := (wideCol1 + wideCol2) / 2
	lh := lineHeight(l.Font)
	headTop := (wideHeadH - lh) / 2
	for _, c := range []struct {
		x      int
		anchor string
		text   string
	}{{chartPad, "", "Trách nhiệm"}, {cx, "middle", "Lưu đồ"}, {wideCol2 + chartPad, "", "Thời gian"}} {
		t, _ := textBlock("fc-colhead", c.anchor, c.x, headTop, l.Font, []string{c.text})
		l.Texts = append(l.Texts, t)
	}
	l.Rules = append(l.Rules, Rule{0, wideHeadH, wideW, wideHeadH})

	boxX := cx - wideBoxW/2
	inner := wideBoxW - 2*chartPad
	sideW := wideCol1 - 2*chartPad
	top := wideHeadH + chartGap/2
	l.terminal(cx, top, terminalText)
	y := top + terminalH + chartGap
	for i, st := range steps {
		rowTop := y
		// A rule above each step's time, and in the actor column above
		// the first of consecutive steps of one actor.
		newActor := i == 0 || steps[i-1].Actor != st.Actor
		rule := rowTop - chartGap/2
		if i > 0 {
			cuts = append(cuts, rule)
		}
		if newActor {
			l.Rules = append(l.Rules, Rule{0, rule, wideCol1, rule})
		}
		l.Rules = append(l.Rules, Rule{wideCol2, rule, wideW, rule})

		rowBottom := rowTop
		if newActor {
			t, b := textBlock("fc-actor", "", chartPad, rowTop+chartPad/2, l.Font, wrapText(st.Actor, runesFor(sideW, l.Font, runeWidth)))
			l.Texts = append(l.Texts, t)
			rowBottom = max(rowBottom, b)
		}
		var side []string
		if st.Time != "" {
			side = wrapText(st.Time, runesFor(sideW, l.Font, runeWidth))
		}
		if st.Forms != "" {
			side = append(side, wrapText("Biểu mẫu: "+st.Forms, runesFor(sideW, l.Font, runeWidth))...)
		}
		if len(side) > 0 {
			t, b := textBlock("fc-time", "", wideCol2+chartPad, rowTop+chartPad/2, l.Font, side)
			l.Texts = append(l.Texts, t)
			rowBottom = max(rowBottom, b)
		}

		t, b := textBlock("fc-head", "", boxX+chartPad, rowTop+chartPad/2, l.Font, []string{"Bước " + strconv.Itoa(i+1)})
		l.Texts = append(l.Texts, t)
		bandH := b + chartPad/2 - rowTop
		l.band(boxX, rowTop, wideBoxW, bandH)
		t, b = textBlock("fc-action", "", boxX+chartPad, rowTop+bandH+chartPad/2, l.Font, wrapText(st.Action, runesFor(inner, l.Font, runeWidth)))
		l.Texts = append(l.Texts, t)
		h := b + chartPad - rowTop
		l.Boxes = append(l.Boxes, Box{X: boxX, Y: rowTop, W: wideBoxW, H: h, Class: "fc-step", N: i + 1})
		rowBottom = max(rowBottom, rowTop+h)
		y = rowBottom + chartGap
	}
	end := y - chartGap/2
	cuts = append(cuts, end)
	l.Rules = append(l.Rules, Rule{0, end, wideCol1, end}, Rule{wideCol2, end, wideW, end})
	l.terminal(cx, y, endText)
	l.H = y + terminalH + chartGap/2
	// The frame, inside the viewBox so that its stroke is not cut, and
	// the column rules.
	l.Rules = append(l.Rules,
		Rule{1, 1, wideW - 1, 1}, Rule{1, l.H - 1, wideW - 1, l.H - 1},
		Rule{1, 1, 1, l.H - 1}, Rule{wideW - 1, 1, wideW - 1, l.H - 1},
		Rule{wideCol1, 1, wideCol1, l.H - 1}, Rule{wideCol2, 1, wideCol2, l.H - 1})
	l.connect(cx)
	return l, cuts
}

package build

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// chartFacts is what the browser measures of the visible flowchart.
type chartFacts struct {
	Parts    int      `json:"parts"`    // visible <svg> parts
	Hidden   int      `json:"hidden"`   // hidden ones: the other layout
	Left     float64  `json:"left"`     // the leftmost part's left edge, in CSS px
	Right    float64  `json:"right"`    // the rightmost part's right edge
	Gaps     float64  `json:"gaps"`     // the largest gap or overlap between parts
	MinText  float64  `json:"minText"`  // the smallest height of a <text> on screen
	Texts    int      `json:"texts"`    // visible <text> elements
	Overruns []string `json:"overruns"` // step texts that leave their box
	ScrollW  int      `json:"scrollW"`  // the document's scroll width
}

// measureChart measures the visible flowchart parts: their edges, the gaps
// between them, the on-screen height of their text, and the step box texts
// that do not fit their box (in the SVG's own units, by getBBox).
const measureChart = `(function () {
	const all = [...document.querySelectorAll(".flowchart svg")];
	const vis = all.filter(s => getComputedStyle(s).display !== "none");
	const r = { parts: vis.length, hidden: all.length - vis.length, left: 1e9, right: -1e9, gaps: 0,
		minText: 1e9, texts: 0, overruns: [], scrollW: document.documentElement.scrollWidth };
	vis.forEach((s, i) => {
		const b = s.getBoundingClientRect();
		r.left = Math.min(r.left, b.left); r.right = Math.max(r.right, b.right);
		if (i > 0) r.gaps = Math.max(r.gaps, Math.abs(b.top - vis[i-1].getBoundingClientRect().bottom));
		const boxes = [...s.querySelectorAll("rect.fc-step, rect.fc-terminal")].map(e => e.getBBox());
		for (const t of s.querySelectorAll("text")) {
			r.texts++;
			r.minText = Math.min(r.minText, t.getBoundingClientRect().height);
			const tb = t.getBBox();
			const box = boxes.find(x => tb.y + tb.height / 2 >= x.y && tb.y + tb.height / 2 <= x.y + x.height && tb.x + 1 >= x.x && tb.x <= x.x + x.width);
			const right = box ? box.x + box.width : s.viewBox.baseVal.width;
			if (tb.x < 0 || tb.x + tb.width > right) r.overruns.push(t.textContent);
		}
	});
	return r;
})()`

// chartProcess is longProcess with the longest actor and action of the
// manual in every step.
func chartProcess() string {
	return strings.NewReplacer(
		"Kiểm tra hồ sơ, đối chiếu quy định và ghi ý kiến vào phiếu kiểm soát",
		"Tiếp nhận, kiểm tra tính đầy đủ, hợp lệ của hồ sơ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả hoặc Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ; chuyển hồ sơ đến Văn phòng Điều phối nông thôn mới tỉnh",
		"Chuyên viên phụ trách bước",
		"Công chức tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh, bước",
	).Replace(longProcess())
}

// TestBrowserFlowchart: at 375 CSS pixels the narrow chart shows, fits the
// width (nothing scrolls sideways) and its text is at least 10 pixels
// high; on a desktop screen the wide chart shows, in parts that join
// without a gap. In both, the text of every box stays inside it with the
// fonts the browser really uses (the layout's width per rune is an
// estimate).
func TestBrowserFlowchart(t *testing.T) {
	a := withFile(loadArchive(t, "site.txtar"), "processes/qt-ts-01.md", chartProcess())
	out, _ := buildSite(t, a, nil)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	for _, c := range []struct {
		name          string
		width, height int64
		mobile        bool
		parts         int
	}{
		{"narrow", 375, 740, true, 1},
		{"wide", 1280, 900, false, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := []chromedp.EmulateViewportOption{}
			if c.mobile {
				opts = append(opts, chromedp.EmulateMobile)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(c.width, c.height, opts...)); err != nil {
				t.Fatal(err)
			}
			b.Open(t, srv.URL+"/processes/qt-ts-01/")
			f := eval[chartFacts](t, ctx, measureChart)
			if f.Parts < c.parts || f.Hidden == 0 {
				t.Fatalf("%d parts shown, %d hidden: want %d or more of one layout", f.Parts, f.Hidden, c.parts)
			}
			if c.mobile && f.Parts != 1 {
				t.Errorf("the narrow chart is in %d parts", f.Parts)
			}
			if f.Left < 0 || f.Right > float64(c.width) || f.ScrollW > int(c.width) {
				t.Errorf("the chart spans %.1f–%.1f px (page scroll width %d) on a %d px screen", f.Left, f.Right, f.ScrollW, c.width)
			}
			if f.Gaps > 0.5 {
				t.Errorf("the parts of the chart are %.1f px apart", f.Gaps)
			}
			if f.Texts < 40 || f.MinText < 10 {
				t.Errorf("%d texts, the smallest %.1f px high; want text 10 px high or more", f.Texts, f.MinText)
			}
			for _, o := range f.Overruns {
				t.Errorf("text leaves its box: %q", o)
			}
			t.Logf("%+v", f)
			// The measure does find text larger than the layout's
			// estimate.
			addStyle(t, b, ".flowchart svg text { font-size: 24px }")
			if f := eval[chartFacts](t, ctx, measureChart); len(f.Overruns) == 0 {
				t.Error("text larger than the boxes was not found to overrun them")
			}
		})
	}
	b.NoConsoleErrors(t)
}

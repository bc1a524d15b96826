package build

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

var (
	svgRE   = regexp.MustCompile(`(?s)<svg class="(flowchart-[a-z]+)" role="img" aria-label="([^"]*)"[^>]*>(.*?)</svg>`)
	titleRE = regexp.MustCompile(`(?s)^\s*<title>([^<]*)</title>\s*<desc>[^<]+</desc>`)
	tspanRE = regexp.MustCompile(`<text class="fc-action"[^>]*>(.*?)</text>`)
	lineRE  = regexp.MustCompile(`<tspan[^>]*>([^<]*)</tspan>`)
)

// TestFlowchartPage: a process page draws its flowchart inline, each
// drawing a labelled image with a title and a description, and every
// step's action in order in each layout; a process without steps has no
// chart.
func TestFlowchartPage(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), nil)
	p := page(t, out, "processes/qt-ts-01/")
	actions := []string{"Tiếp nhận hồ sơ", "Thẩm định hồ sơ", "Ký giấy chứng nhận", "Trả kết quả"}
	got := map[string][]string{}
	for _, m := range svgRE.FindAllStringSubmatch(p, -1) {
		class, label, inner := m[1], html.UnescapeString(m[2]), m[3]
		if label != "Lưu đồ quy trình QT-TS-01: 4 bước" {
			t.Errorf("%s: aria-label %q", class, label)
		}
		if tm := titleRE.FindStringSubmatch(inner); tm == nil || html.UnescapeString(tm[1]) != label {
			t.Errorf("%s: no <title> %q and <desc> first", class, label)
		}
		for _, a := range tspanRE.FindAllStringSubmatch(inner, -1) {
			var lines []string
			for _, l := range lineRE.FindAllStringSubmatch(a[1], -1) {
				lines = append(lines, html.UnescapeString(l[1]))
			}
			got[class] = append(got[class], strings.Join(lines, " "))
		}
	}
	for _, class := range []string{"flowchart-wide", "flowchart-narrow"} {
		if strings.Join(got[class], "|") != strings.Join(actions, "|") {
			t.Errorf("%s: actions %q, want %q", class, got[class], actions)
		}
	}
	if q := page(t, out, "processes/qt-01/"); strings.Contains(q, "<svg") || strings.Contains(q, `class="flowchart"`) {
		t.Error("a process without steps has a flowchart")
	}
}

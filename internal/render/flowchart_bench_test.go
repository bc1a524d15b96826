package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/flowchart"
)

// BenchmarkFlowchart lays out a twelve-step chart and renders it with
// the theme's "flowchart", as a process page does.
func BenchmarkFlowchart(b *testing.B) {
	s := newTestSite(b, nil, nil)
	var steps []flowchart.Step
	for i := range 12 {
		steps = append(steps, flowchart.Step{Actor: "Phòng Kế hoạch – Tài chính " + strconv.Itoa(i%3), Action: "Thẩm định hồ sơ, trình lãnh đạo Sở xem xét và ký văn bản trả lời tổ chức, cá nhân", Time: "02 ngày làm việc", Forms: "BM-02"})
	}
	b.ReportAllocs()
	var out strings.Builder
	for i := 0; b.Loop(); i++ {
		out.Reset()
		if err := s.tmpl["process"].ExecuteTemplate(&out, "flowchart", flowchart.New("QT-"+strconv.Itoa(i), steps)); err != nil {
			b.Fatal(err)
		}
	}
}

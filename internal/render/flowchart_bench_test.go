package render

import (
	"strconv"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/flowchart"
)

// BenchmarkFlowchart draws a twelve-step chart, each time with other
// steps (the drawing is cached by its steps).
func BenchmarkFlowchart(b *testing.B) {
	s := newTestSite(b, nil, nil)
	var steps []flowchart.Step
	for i := range 12 {
		steps = append(steps, flowchart.Step{Actor: "Phòng Kế hoạch – Tài chính " + strconv.Itoa(i%3), Action: "Thẩm định hồ sơ, trình lãnh đạo Sở xem xét và ký văn bản trả lời tổ chức, cá nhân", Time: "02 ngày làm việc", Forms: "BM-02"})
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := s.flowchartHTML("QT-"+strconv.Itoa(i), steps); err != nil {
			b.Fatal(err)
		}
	}
}

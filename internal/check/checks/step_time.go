package checks

import (
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var stepTimeOverLimit = &check.Check{
	ID: "TM001", Name: "step-time-over-limit", Severity: qms.Error,
	Doc: `Tổng thời gian các bước vượt thời hạn giải quyết của thủ tục
Với quy trình giải quyết công việc (kind: task) chưa bị bãi bỏ, tổng thời
gian các bước (steps.time) không được vượt thời hạn giải quyết (time_limit)
của từng thủ tục mà quy trình thực hiện. Thời gian làm việc được đổi ra giờ
làm việc, một ngày làm việc là 8 giờ: 04 giờ + 06 ngày + 02 ngày + 04 giờ
là 72 giờ, tức 09 ngày làm việc.

Thời hạn tính theo ngày hoặc giờ theo lịch ("20 ngày", "24 giờ") không đổi
được chính xác ra ngày làm việc vì còn tùy ngày nghỉ. Quy tắc so với số giờ
làm việc nhiều nhất có thể nằm trong thời hạn đó: mỗi 7 ngày theo lịch có
nhiều nhất 5 ngày làm việc (20 ngày theo lịch có nhiều nhất 2 × 5 + 5 = 15
ngày làm việc), mỗi 24 giờ theo lịch có nhiều nhất 8 giờ làm việc. Chỉ báo
lỗi khi tổng thời gian chắc chắn vượt thời hạn; ngày lễ chỉ làm thời hạn
ngắn hơn nữa.

Bước không ghi thời gian, hoặc ghi theo lịch, không được cộng vào tổng;
khi đó tổng là con số ít nhất, và nếu nó đã vượt thời hạn thì thông báo nói
rõ có bao nhiêu bước chưa được tính.`,
	Run: runStepTimeOverLimit,
}

func runStepTimeOverLimit(pass *check.Pass) error {
	c := pass.Corpus
	for _, p := range c.Processes {
		if p.ProcKind != qms.KindTask || p.Status == qms.StatusAbolished || len(p.Steps) == 0 {
			continue
		}
		total, _ := p.StepsTotal()
		uncounted := 0
		for _, s := range p.Steps {
			if _, ok := s.Time.WorkingHours(); !ok {
				uncounted++
			}
		}
		for _, cr := range p.Procedures {
			pr := c.Procedure(cr.Code)
			if pr == nil || pr.TimeLimit.IsZero() {
				continue
			}
			if ab, _ := c.ProcedureAbolished(pr, pass.Today); ab {
				continue
			}
			limit, note := limitHours(pr.TimeLimit)
			if total <= limit {
				continue
			}
			what := "tổng thời gian các bước"
			if uncounted > 0 {
				what += fmt.Sprintf(" (chưa kể %d bước không tính được theo giờ làm việc)", uncounted)
			}
			pass.Reportf(cr.Pos, "%s là %s, vượt thời hạn giải quyết %s của thủ tục %s%s",
				what, qms.FormatHours(total), pr.TimeLimit, pr.Code, note)
		}
	}
	return nil
}

// limitHours returns the working hours a time limit allows: the limit
// itself for working time, or the most working hours that fit in a calendar
// time (5 working days in 7 days, 8 working hours in 24 hours), with a note
// that explains the conversion.
func limitHours(d qms.Duration) (hours int, note string) {
	if h, ok := d.WorkingHours(); ok {
		return h, ""
	}
	switch d.Unit {
	case qms.CalendarDays:
		hours = (d.Value/7*5 + min(d.Value%7, 5)) * qms.HoursPerWorkDay
	case qms.CalendarHours:
		hours = d.Value/24*qms.HoursPerWorkDay + min(d.Value%24, qms.HoursPerWorkDay)
	}
	return hours, fmt.Sprintf(" (%s theo lịch có nhiều nhất %s)", d, qms.FormatHours(hours))
}

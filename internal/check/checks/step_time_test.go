package checks

import (
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

func TestLimitHours(t *testing.T) {
	for _, tc := range []struct {
		d    qms.Duration
		want int
	}{
		{qms.Duration{Value: 10, Unit: qms.WorkDays}, 80},
		{qms.Duration{Value: 4, Unit: qms.WorkHours}, 4},
		{qms.Duration{Value: 7, Unit: qms.CalendarDays}, 40},   // one week: 5 working days
		{qms.Duration{Value: 10, Unit: qms.CalendarDays}, 64},  // 5 + 3
		{qms.Duration{Value: 20, Unit: qms.CalendarDays}, 120}, // 10 + 5
		{qms.Duration{Value: 6, Unit: qms.CalendarDays}, 40},   // at most 5 working days
		{qms.Duration{Value: 24, Unit: qms.CalendarHours}, 8},
		{qms.Duration{Value: 4, Unit: qms.CalendarHours}, 4},
		{qms.Duration{Value: 60, Unit: qms.CalendarHours}, 24},
	} {
		got, note := limitHours(tc.d)
		if got != tc.want {
			t.Errorf("limitHours(%v) = %d, want %d", tc.d, got, tc.want)
		}
		if _, working := tc.d.WorkingHours(); working == (note != "") {
			t.Errorf("limitHours(%v) note %q: want a note exactly for calendar time", tc.d, note)
		}
	}
}

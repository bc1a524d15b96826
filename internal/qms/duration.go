package qms

import "fmt"

// DurationUnit is the unit of a Duration. Working time and calendar time are
// kept distinct: only working time converts to working hours.
type DurationUnit int

// Duration units.
const (
	WorkHours     DurationUnit = iota + 1 // "giờ làm việc", compact "4h"
	WorkDays                              // "ngày làm việc", compact "7d"
	CalendarHours                         // "giờ" (e.g. "24 giờ")
	CalendarDays                          // "ngày"
)

// HoursPerWorkDay is the length of a working day.
const HoursPerWorkDay = 8

// Duration is a time limit or a step time.
type Duration struct {
	Value int
	Unit  DurationUnit
}

// IsZero reports whether d is unset.
func (d Duration) IsZero() bool { return d.Unit == 0 }

// WorkingHours converts working time to hours (a working day is 8 hours);
// ok is false for calendar time and for the zero Duration.
func (d Duration) WorkingHours() (int, bool) {
	switch d.Unit {
	case WorkHours:
		return d.Value, true
	case WorkDays:
		return d.Value * HoursPerWorkDay, true
	}
	return 0, false
}

// String formats d the Vietnamese way with two-digit amounts:
// "07 ngày làm việc", "04 giờ làm việc", "20 ngày", "24 giờ".
func (d Duration) String() string {
	var unit string
	switch d.Unit {
	case WorkHours:
		unit = "giờ làm việc"
	case WorkDays:
		unit = "ngày làm việc"
	case CalendarHours:
		unit = "giờ"
	case CalendarDays:
		unit = "ngày"
	default:
		return ""
	}
	return fmt.Sprintf("%02d %s", d.Value, unit)
}

// FormatHours formats a number of working hours as days and hours:
// 72 → "09 ngày làm việc", 76 → "09 ngày 4 giờ làm việc", 4 → "04 giờ làm việc".
func FormatHours(h int) string {
	d, r := h/HoursPerWorkDay, h%HoursPerWorkDay
	switch {
	case r == 0:
		return fmt.Sprintf("%02d ngày làm việc", d)
	case d == 0:
		return fmt.Sprintf("%02d giờ làm việc", r)
	}
	return fmt.Sprintf("%02d ngày %d giờ làm việc", d, r)
}

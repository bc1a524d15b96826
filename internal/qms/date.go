package qms

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date without time zone. The zero Date means "not set".
type Date struct {
	Year  int
	Month int
	Day   int
}

// ParseDate parses YYYY-MM-DD and rejects impossible dates such as
// 2020-13-45 or 2021-02-29.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) != 2 || len(parts[2]) != 2 {
		return Date{}, fmt.Errorf("ngày %q không đúng dạng YYYY-MM-DD", s)
	}
	y, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	d, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return Date{}, fmt.Errorf("ngày %q không đúng dạng YYYY-MM-DD", s)
	}
	return NewDate(y, m, d)
}

// NewDate returns the date y-m-d or an error if it does not exist.
func NewDate(y, m, d int) (Date, error) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, fmt.Errorf("ngày %04d-%02d-%02d không tồn tại", y, m, d)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return Date{}, fmt.Errorf("ngày %04d-%02d-%02d không tồn tại", y, m, d)
	}
	return Date{y, m, d}, nil
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, int(m), d}
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	a, b := d.ord(), e.ord()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (d Date) ord() int { return d.Year*10000 + d.Month*100 + d.Day }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.ord() < e.ord() }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.ord() > e.ord() }

// String formats d as YYYY-MM-DD ("" for the zero date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// VN formats d as dd/mm/yyyy, the Vietnamese way ("" for the zero date).
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// AddDays returns d shifted by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

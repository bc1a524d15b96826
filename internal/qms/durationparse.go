package qms

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits of ParseDuration.
const (
	maxDurationLen    = 200   // bytes of input
	maxDurationValue  = 99999 // in the unit written
	maxFractionDigits = 3
)

// durationForms is the hint that ends ParseDuration's errors.
const durationForms = `dùng dạng "07 ngày làm việc", "04 giờ làm việc", "20 ngày", "24 giờ", "7d" hoặc "4h"`

// ParseDuration parses a time limit or a step time:
//
//	07 ngày làm việc   working days      (compact: 7d)
//	04 giờ làm việc    working hours     (compact: 4h)
//	20 ngày            calendar days
//	24 giờ             calendar hours
//
// Leading zeros are allowed; case does not matter; the input may be NFC or
// NFD and may use NBSP; the unit words may also be written without
// diacritics ("7 ngay lam viec"), but not with wrong ones. A trailing clause
// that says when counting starts ("03 ngày làm việc, kể từ ngày nhận đủ hồ
// sơ") is accepted and ignored. A decimal amount of days ("0,5 ngày làm
// việc", "1.5 ngày") is converted to whole hours of the same kind (04 giờ
// làm việc, 36 giờ); one that does not give whole hours is an error, and so
// are fractional hours, zero, negative amounts, and anything else. Errors
// are short Vietnamese phrases that list the accepted forms; they do not
// repeat the input, which the caller quotes.
func ParseDuration(s string) (Duration, error) {
	if !utf8.ValidString(s) {
		return Duration{}, errors.New("không phải văn bản UTF-8 hợp lệ")
	}
	if len(s) > maxDurationLen {
		return Duration{}, fmt.Errorf("quá dài (tối đa %d byte)", maxDurationLen)
	}
	words := strings.Fields(strings.ToLower(cleanText(s)))
	if len(words) == 0 {
		return Duration{}, errors.New("trống; " + durationForms)
	}
	words = dropCountingClause(words)
	text := strings.Join(words, " ")
	bad := func(why string) error { return fmt.Errorf("%s; %s", why, durationForms) }
	if strings.HasPrefix(text, "-") {
		return Duration{}, bad("không được âm")
	}
	i := 0
	for i < len(text) && isDigit(rune(text[i])) {
		i++
	}
	whole := text[:i]
	if whole == "" {
		return Duration{}, bad("cần bắt đầu bằng một số")
	}
	frac := ""
	if i+1 < len(text) && (text[i] == ',' || text[i] == '.') && isDigit(rune(text[i+1])) {
		j := i + 1
		for j < len(text) && isDigit(rune(text[j])) {
			j++
		}
		frac, i = text[i+1:j], j
	}
	unit, ok := durationUnit(strings.TrimSpace(text[i:]))
	if !ok {
		return Duration{}, bad("đơn vị không hợp lệ")
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > len(strconv.Itoa(maxDurationValue)) || len(frac) > maxFractionDigits {
		return Duration{}, bad("quá nhiều chữ số")
	}
	v, _ := strconv.Atoi("0" + whole)
	d, err := applyFraction(v, strings.TrimRight(frac, "0"), unit)
	switch {
	case err != "":
		return Duration{}, bad(err)
	case d.Value == 0:
		return Duration{}, bad("phải lớn hơn 0")
	case d.Value > maxDurationValue:
		return Duration{}, bad(fmt.Sprintf("quá lớn (tối đa %d %s)", maxDurationValue, unitWords(d.Unit)))
	}
	return d, nil
}

// dropCountingClause removes a trailing "kể từ …" ("counted from …")
// clause and the comma before it.
func dropCountingClause(words []string) []string {
	for k := 1; k+1 < len(words); k++ {
		if (words[k] == "kể" || words[k] == "ke") && (words[k+1] == "từ" || words[k+1] == "tu") {
			words = words[:k]
			words[k-1] = strings.TrimSuffix(words[k-1], ",")
			if words[k-1] == "" {
				words = words[:k-1]
			}
			return words
		}
	}
	return words
}

// durationUnit maps a unit, lower case with single spaces, to its
// DurationUnit.
func durationUnit(u string) (DurationUnit, bool) {
	switch u {
	case "ngày làm việc", "ngay lam viec", "d":
		return WorkDays, true
	case "giờ làm việc", "gio lam viec", "h":
		return WorkHours, true
	case "ngày", "ngay":
		return CalendarDays, true
	case "giờ", "gio":
		return CalendarHours, true
	}
	return 0, false
}

// applyFraction builds the Duration of v + 0.frac units, converting days
// with a fraction to hours of the same kind. It returns a reason on error.
func applyFraction(v int, frac string, unit DurationUnit) (Duration, string) {
	if frac == "" {
		return Duration{Value: v, Unit: unit}, ""
	}
	var perDay int
	var hours DurationUnit
	switch unit {
	case WorkDays:
		perDay, hours = HoursPerWorkDay, WorkHours
	case CalendarDays:
		perDay, hours = 24, CalendarHours
	default:
		return Duration{}, "số giờ phải là số nguyên"
	}
	f, _ := strconv.Atoi(frac)
	den := 1
	for range frac {
		den *= 10
	}
	num := (v*den + f) * perDay
	if num%den != 0 {
		return Duration{}, "phần lẻ của ngày phải tròn giờ (như 0,5 ngày làm việc = 4 giờ làm việc)"
	}
	return Duration{Value: num / den, Unit: hours}, ""
}

// unitWords is the Vietnamese name of a unit.
func unitWords(u DurationUnit) string {
	return strings.TrimPrefix(Duration{Unit: u}.String(), "00 ")
}

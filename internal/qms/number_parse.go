package qms

// TEMPORARY minimal implementation; the number-parser work replaces this file.

import (
	"errors"
	"strconv"
	"strings"
)

// ParseNumber parses a "số và ký hiệu".
func ParseNumber(s string) (Number, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "Số:")
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "/")
	if len(parts) < 2 || parts[0] == "" {
		return Number{}, errors.New("không phải số và ký hiệu: " + s)
	}
	n := Number{Seq: strings.TrimSpace(parts[0])}
	if len(parts) == 3 {
		y, err := strconv.Atoi(parts[1])
		if err != nil {
			return Number{}, err
		}
		n.Year = y
	}
	n.Symbol = strings.TrimSpace(parts[len(parts)-1])
	n.Type, _, _ = strings.Cut(n.Symbol, "-")
	return n, nil
}

// ParseRef parses a reference, optionally dated.
func ParseRef(s string) (Ref, error) {
	num, date, _ := strings.Cut(s, " ngày ")
	n, err := ParseNumber(num)
	if err != nil {
		return Ref{}, err
	}
	r := Ref{Number: n}
	if date != "" {
		d, err := ParseVNDate(date)
		if err != nil {
			return Ref{}, err
		}
		r.Date = d
	}
	return r, nil
}

// String is the canonical spelling.
func (n Number) String() string {
	if n.Year != 0 {
		return n.Seq + "/" + strconv.Itoa(n.Year) + "/" + n.Symbol
	}
	return n.Seq + "/" + n.Symbol
}

// Key is the identity key for exact comparison.
func (n Number) Key() string {
	return strings.TrimLeft(n.Seq, "0") + "/" + strconv.Itoa(n.Year) + "/" + strings.ToUpper(n.Symbol)
}

// FoldedKey is Key folded to ASCII.
func (n Number) FoldedKey() string { return Fold(n.Key()) }

// Slug is the file-name slug.
func (n Number) Slug() string { return Slug(n.String()) }

// Fold folds s to lower-case ASCII.
func Fold(s string) string {
	return strings.ToLower(strings.NewReplacer("Đ", "D", "đ", "d").Replace(s))
}

// Slug folds s for file names.
func Slug(s string) string {
	return strings.NewReplacer("/", "-", " ", "-").Replace(Fold(s))
}

// ParseDuration parses a duration.
func ParseDuration(s string) (Duration, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return Duration{}, errors.New("empty")
	}
	v, err := strconv.Atoi(f[0])
	if err != nil {
		return Duration{}, err
	}
	return Duration{Value: v, Unit: WorkDays}, nil
}

package render

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slugify folds s to lower-case ASCII letters and digits with runs of other
// characters as single dashes: "Chi cục Thủy sản" → "chi-cuc-thuy-san".
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == 'đ' || r == 'Đ' {
			r = 'd'
		}
		r = unicode.ToLower(r)
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// slugger hands out unique slugs: a second name with the same slug gets
// "-2", and so on. Names must be offered in a deterministic order.
type slugger struct {
	used map[string]bool
	of   map[string]string
}

func newSlugger(reserved ...string) *slugger {
	s := &slugger{used: map[string]bool{}, of: map[string]string{}}
	for _, r := range reserved {
		s.used[r] = true
	}
	return s
}

// slug returns the slug of name, assigning one on first use.
func (s *slugger) slug(name string) string {
	if v, ok := s.of[name]; ok {
		return v
	}
	base := slugify(name)
	if base == "" {
		base = "x"
	}
	v := base
	for i := 2; s.used[v]; i++ {
		v = base + "-" + strconv.Itoa(i)
	}
	s.used[v] = true
	s.of[name] = v
	return v
}

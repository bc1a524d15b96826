package search

import (
	"strings"
	"unicode/utf8"
)

// compareUTF16 orders strings as JavaScript's < does, by UTF-16 code units,
// which differs from Go's byte order only between U+E000–U+FFFF and
// characters above U+FFFF.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnit(ra), firstUnit(rb)
			switch {
			case ua < ub:
				return -1
			case ua > ub:
				return 1
			case ra < rb:
				return -1
			default:
				return 1
			}
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

// firstUnit is the first UTF-16 code unit of r.
func firstUnit(r rune) rune {
	if r < 0x10000 {
		return r
	}
	return 0xd800 + (r-0x10000)>>10
}

// hasHighBMP reports whether s, valid UTF-8, has a character in
// U+E000–U+FFFF (their UTF-8 starts with byte 0xEE or 0xEF). Strings
// without them are ordered by compareUTF16 as by strings.Compare: the two
// orders differ only between those characters and ones above U+FFFF.
func hasHighBMP(s string) bool {
	return strings.IndexByte(s, 0xee) >= 0 || strings.IndexByte(s, 0xef) >= 0
}

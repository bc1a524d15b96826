package search

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalize sets *dst to *src with every text valid UTF-8, each invalid
// byte replaced with U+FFFD (as a browser would), and in NFC, the form
// search.js highlights in. It reuses dst.Fields.
func normalize(dst, src *Doc) {
	fields := dst.Fields[:0]
	*dst = *src
	text := func(s string) string {
		if isNFC(s) {
			return s
		}
		return norm.NFC.String(validUTF8String(s))
	}
	dst.Kind, dst.KindLabel, dst.Code = text(src.Kind), text(src.KindLabel), text(src.Code)
	dst.Title, dst.Status, dst.Body = text(src.Title), text(src.Status), text(src.Body)
	for _, f := range src.Fields {
		fields = append(fields, text(f))
	}
	dst.Fields = fields
}

// isNFC reports whether s is valid UTF-8 made only of characters that are
// in NFC whatever surrounds them: below U+0300 (Latin, before the
// combining marks), the precomposed letters of Latin Extended Additional
// (Vietnamese), and the dashes and quotation marks U+2010–U+2027. Each has
// NFC_Quick_Check=Yes and combining class 0, so such a text is NFC. It
// answers false for other texts, which may be NFC too.
func isNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xc2 && c <= 0xcb && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
			i += 2 // U+0080–U+02FF
		case c == 0xe1 && i+2 < len(s) && s[i+1] >= 0xb8 && s[i+1] <= 0xbb && s[i+2]&0xc0 == 0x80:
			i += 3 // U+1E00–U+1EFF
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x90 && s[i+2] <= 0xa7:
			i += 3 // U+2010–U+2027
		default:
			return false
		}
	}
	return true
}

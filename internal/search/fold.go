package search

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Fold folds s for recall: lower case, canonical decomposition (NFD), every
// combining mark in U+0300–U+036F removed (Vietnamese tones and the vowel
// marks of ă â ê ô ơ ư), đ → d, then NFC again. "Đường" and "duong" fold to
// the same "duong". The look-alike ð (U+00F0, from Ð U+00D0, which
// legacy Vietnamese encodings put where Đ belongs) folds to d as well.
//
// search.js folds queries with the same steps:
//
//	s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đð]/g, "d").normalize("NFC")
//
// Lower case is Unicode's full, language-independent mapping, as
// JavaScript's toLowerCase ("İ" → "i̇", a final "Σ" → "ς"), not Go's
// strings.ToLower. TestJSMatchesGo checks the two in Chromium.
func Fold(s string) string {
	s = norm.NFD.String(lower(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0x300 && r <= 0x36f:
			// a combining diacritical mark: drop it
		case r == 'đ' || r == 'ð':
			b.WriteByte('d')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// lowerExact is the form a word is compared in when the reader typed
// diacritics: lower case, NFC, marks kept ("Đường" → "đường").
func lowerExact(s string) string {
	return norm.NFC.String(lower(s))
}

// lower is JavaScript's String.prototype.toLowerCase. Invalid UTF-8
// becomes U+FFFD, as it does when a browser decodes it.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return cases.Lower(language.Und).String(validUTF8String(s))
		}
	}
	return strings.ToLower(s)
}

// validUTF8String replaces each invalid byte of s with U+FFFD.
func validUTF8String(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// foldWord folds one word and writes a number without its leading zeros
// ("05" → "5", "000" → "0"), so that "ngày 05" and "ngày 5" meet.
func foldWord(s string) string {
	return stripZeros(Fold(s))
}

// stripZeros removes the leading zeros of an all-ASCII-digit string; any
// other string is returned as it is.
func stripZeros(s string) string {
	if !allDigits(s) {
		return s
	}
	t := strings.TrimLeft(s, "0")
	if t == "" {
		return "0"
	}
	return t
}

// allDigits reports whether s is non-empty and only ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// runeLen is the number of code points in s; search.js counts with
// [...s].length.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

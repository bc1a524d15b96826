package qms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Vietnamese vowels with every tone, one row of six per vowel: no tone,
// huyền (grave), sắc (acute), hỏi (hook above), ngã (tilde), nặng (dot
// below). vnLower and vnUpper have the same layout. composeVN reads them;
// foldRune spells the same letters out as a switch for speed, and the tests
// check that the two agree.
const (
	vnLower = "aàáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ" + "eèéẻẽẹ" + "êềếểễệ" + "iìíỉĩị" +
		"oòóỏõọ" + "ôồốổỗộ" + "ơờớởỡợ" + "uùúủũụ" + "ưừứửữự" + "yỳýỷỹỵ"
	vnUpper = "AÀÁẢÃẠ" + "ĂẰẮẲẴẶ" + "ÂẦẤẨẪẬ" + "EÈÉẺẼẸ" + "ÊỀẾỂỄỆ" + "IÌÍỈĨỊ" +
		"OÒÓỎÕỌ" + "ÔỒỐỔỖỘ" + "ƠỜỚỞỠỢ" + "UÙÚỦŨỤ" + "ƯỪỨỬỮỰ" + "YỲÝỶỸỴ"
	vnTones = 6
)

// Rows of the vowel table.
const (
	rowA = iota
	rowAbreve
	rowAcirc
	rowE
	rowEcirc
	rowI
	rowO
	rowOcirc
	rowOhorn
	rowU
	rowUhorn
	rowY
)

// Fold folds Vietnamese text for matching and search: tone and vowel marks
// are removed (ấ → a, ư → u), đ and Đ become d, and everything is lower
// case. Input may be NFC or NFD: combining marks U+0300–U+036F are dropped.
// Precomposed letters of other languages are only lower-cased ("Ï" → "ï").
//
//	Fold("Quyết định 3463/QĐ-UBND") == "quyet dinh 3463/qd-ubnd"
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isCombining(r) {
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// Slug turns s into a file-name slug: Fold, then every run of spaces
// (including tabs and NBSP), "/" and "\" becomes a single "-"; runs of "-"
// collapse and leading or trailing "-" are removed.
//
//	Slug("3463/QĐ-UBND") == "3463-qd-ubnd"
//	Slug("QT 02/CX-HCTP") == "qt-02-cx-hctp"
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	dash := false
	for _, r := range f {
		if r == '-' || r == '/' || r == '\\' || isSpace(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
	}
	return b.String()
}

// CodeSlug is the file-name stem of a procedure or process code
// (docs/mo-hinh-noi-dung.md): a national TTHC code stays as it is ("1.004359"); a
// local code or a process code is folded to ASCII lower case with spaces
// and "/" as "-" ("QT-TS-03" → "qt-ts-03", "QT 02/CX-HCTP" →
// "qt-02-cx-hctp"). Local procedure codes are folded too, so that legacy
// codes such as "T-HNO-147208-TT-SĐ" still give ASCII file names.
func CodeSlug(code string) string { return Slug(strings.TrimSpace(code)) }

// isCombining reports whether r is in Combining Diacritical Marks
// (U+0300–U+036F), the block the Vietnamese marks belong to.
func isCombining(r rune) bool { return r >= 0x0300 && r <= 0x036F }

// isSpace reports whether r separates words: Unicode white space (which
// includes NBSP and the narrow NBSP) and the invisible spaces that pasted
// text carries (zero-width space, word joiner, BOM).
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0x2060 || r == 0xFEFF
}

// foldRune folds one rune: a Vietnamese letter to its ASCII base, đ/Đ (and
// the look-alike eth, ð/Ð, that mistyped Vietnamese text contains) to d,
// anything else to lower case.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	switch r {
	case 'à', 'á', 'ả', 'ã', 'ạ', 'ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ', 'â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ',
		'À', 'Á', 'Ả', 'Ã', 'Ạ', 'Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ', 'Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ':
		return 'a'
	case 'è', 'é', 'ẻ', 'ẽ', 'ẹ', 'ê', 'ề', 'ế', 'ể', 'ễ', 'ệ',
		'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ', 'Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ':
		return 'e'
	case 'ì', 'í', 'ỉ', 'ĩ', 'ị',
		'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị':
		return 'i'
	case 'ò', 'ó', 'ỏ', 'õ', 'ọ', 'ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ', 'ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ',
		'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ', 'Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ', 'Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ':
		return 'o'
	case 'ù', 'ú', 'ủ', 'ũ', 'ụ', 'ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự',
		'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ', 'Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự':
		return 'u'
	case 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ',
		'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ':
		return 'y'
	case 'đ', 'Đ', 'ð', 'Ð':
		return 'd'
	}
	return unicode.ToLower(r)
}

// vnFind locates r in the vowel table: its row, its tone (0–5) and whether
// it is upper case.
func vnFind(r rune) (row, tone int, upper, ok bool) {
	for _, tab := range [2]string{vnLower, vnUpper} {
		i := 0
		for _, t := range tab {
			if t == r {
				return i / vnTones, i % vnTones, tab == vnUpper, true
			}
			i++
		}
	}
	return 0, 0, false, false
}

// vnAt is the letter at row and tone of the vowel table.
func vnAt(row, tone int, upper bool) rune {
	tab := vnLower
	if upper {
		tab = vnUpper
	}
	i := 0
	for _, t := range tab {
		if i == row*vnTones+tone {
			return t
		}
		i++
	}
	return utf8.RuneError
}

// vnMark applies a combining mark to the letter at (row, tone). It reports
// false when the mark is not Vietnamese or does not fit the letter.
func vnMark(row, tone int, mark rune) (int, int, bool) {
	switch mark {
	case 0x0300, 0x0301, 0x0309, 0x0303, 0x0323: // grave, acute, hook, tilde, dot below
		if tone != 0 {
			return row, tone, false
		}
		return row, map0300(mark), true
	case 0x0306: // breve
		if row == rowA {
			return rowAbreve, tone, true
		}
	case 0x0302: // circumflex
		switch row {
		case rowA:
			return rowAcirc, tone, true
		case rowE:
			return rowEcirc, tone, true
		case rowO:
			return rowOcirc, tone, true
		}
	case 0x031B: // horn
		switch row {
		case rowO:
			return rowOhorn, tone, true
		case rowU:
			return rowUhorn, tone, true
		}
	}
	return row, tone, false
}

// map0300 is the tone column of a combining tone mark.
func map0300(mark rune) int {
	switch mark {
	case 0x0300:
		return 1
	case 0x0301:
		return 2
	case 0x0309:
		return 3
	case 0x0303:
		return 4
	}
	return 5 // 0x0323
}

// composeVN composes the Vietnamese letters of decomposed (NFD) or partly
// composed text into their precomposed (NFC) form, with the combining marks
// in any order: "o\u031B\u0300" and "ơ\u0300" both become "ờ". A run of
// marks that does not make a Vietnamese letter is left as it is. Text
// without combining marks is returned unchanged.
func composeVN(s string) string {
	has := false
	for _, r := range s {
		if isCombining(r) {
			has = true
			break
		}
	}
	if !has {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); {
		r := rs[i]
		j := i + 1
		for j < len(rs) && isCombining(rs[j]) {
			j++
		}
		if j == i+1 {
			out = append(out, r)
			i = j
			continue
		}
		row, tone, upper, ok := vnFind(r)
		for k := i + 1; ok && k < j; k++ {
			row, tone, ok = vnMark(row, tone, rs[k])
		}
		if ok {
			out = append(out, vnAt(row, tone, upper))
		} else {
			out = append(out, rs[i:j]...)
		}
		i = j
	}
	return string(out)
}

// cleanText prepares pasted text for parsing: Vietnamese letters are
// composed (NFC), every dash (‐ ‑ ‒ – — − ﹣ －) becomes "-", the fraction
// and full-width slashes become "/", every kind of space becomes " ", and
// the eth look-alikes ð/Ð become đ/Đ.
func cleanText(s string) string {
	s = composeVN(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xFE63, 0xFF0D:
			return '-'
		case 0x2044, 0x2215, 0xFF0F:
			return '/'
		case 'ð':
			return 'đ'
		case 'Ð':
			return 'Đ'
		}
		if isSpace(r) {
			return ' '
		}
		return r
	}, s)
}

package qms

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNumberLen bounds the input of ParseNumber in bytes; real numbers are
// under 40 bytes.
const maxNumberLen = 200

// numberExample is the hint that ends most parse errors.
const numberExample = `cần dạng "3463/QĐ-UBND" hoặc "19/2014/QĐ-TTg"`

// ParseNumber parses a "số và ký hiệu" with the tolerant grammar of
// Nghị định 30/2020/NĐ-CP (Phụ lục I) as written in practice:
//
//	number = [prefix] seq ws "/" ws [year ws "/" ws] symbol
//	prefix = ("Số" | "số" | "So") ws [":"] ws
//	seq    = digit {digit} [letter]
//	year   = 4 digits
//	symbol = group {ws "-" ws group}
//	group  = letter {letter | digit | "&"}   (letter: A–Z, a–z, Đ, đ)
//
// Spaces, tabs and NBSP are allowed around "/" and "-"; every dash (‐ ‑ ‒ –
// — − and the full-width ones) counts as "-"; decomposed (NFD) input is
// composed. Letters are matched without regard to case. The result is
// canonical:
//
//   - Seq is kept as written, leading zeros included ("03").
//   - Symbol groups are joined by "-" and upper-cased, except that a first
//     group that is a known type abbreviation takes its canonical case
//     ("ttr" → "TTr", "qyđ" → "QyĐ") and "TTg" (the Prime Minister) keeps
//     its own; "&" is dropped ("BTN&MT" → "BTNMT").
//   - Type is the first group when it is one of the type abbreviations of
//     NĐ 30/2020 Phụ lục III or a normative type (NĐ, TT, TTLT, NQLT, L),
//     else "" (a công văn: "448/SNN-VP"). Laws carry the National
//     Assembly and its term as the symbol ("79/2015/QH13"); their Type is
//     "QH", the symbol's first group without the term.
//
// Diacritics are never added: "3463/QD-UBND" parses with Symbol "QD-UBND"
// and Type "" (ASCII "QD" is not a type abbreviation). Its Key differs from
// that of "3463/QĐ-UBND" and its FoldedKey is the same, which is how the
// checks find such spellings and name the canonical one.
//
// Errors are short Vietnamese phrases that say what was expected; they do
// not repeat the input, which the caller quotes. ParseNumber never panics.
func ParseNumber(s string) (Number, error) {
	if !utf8.ValidString(s) {
		return Number{}, errors.New("không phải văn bản UTF-8 hợp lệ")
	}
	if len(s) > maxNumberLen {
		return Number{}, fmt.Errorf("quá dài (tối đa %d byte)", maxNumberLen)
	}
	p := numParser{s: []rune(cleanText(s))}
	return p.parse()
}

// numParser reads the grammar of ParseNumber from left to right over the
// cleaned runes (cleanText), one method per rule.
type numParser struct {
	s   []rune
	i   int
	num Number
}

func (p *numParser) peek() rune {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return -1
}

func (p *numParser) skipSpace() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *numParser) rest() string { return strings.TrimSpace(string(p.s[p.i:])) }

func (p *numParser) parse() (Number, error) {
	p.skipSpace()
	if p.i == len(p.s) {
		return Number{}, errors.New("trống; " + numberExample)
	}
	p.prefix()
	if err := p.seq(); err != nil {
		return Number{}, err
	}
	p.skipSpace()
	if p.peek() != '/' {
		return Number{}, fmt.Errorf(`thiếu "/" sau số thứ tự; %s`, numberExample)
	}
	p.i++
	p.skipSpace()
	if err := p.year(); err != nil {
		return Number{}, err
	}
	if err := p.symbol(); err != nil {
		return Number{}, err
	}
	p.skipSpace()
	if p.i < len(p.s) {
		return Number{}, fmt.Errorf("thừa %s sau ký hiệu; %s", quoteShort(p.rest()), numberExample)
	}
	return p.num, nil
}

// prefix skips "Số", "số" or "So" (any case), an optional ":" and spaces,
// when they come before a digit.
func (p *numParser) prefix() {
	if p.i+1 >= len(p.s) {
		return
	}
	if r := p.s[p.i]; r != 'S' && r != 's' {
		return
	}
	switch p.s[p.i+1] {
	case 'o', 'O', 'ố', 'Ố':
	default:
		return
	}
	j := p.i + 2
	for j < len(p.s) && p.s[j] == ' ' {
		j++
	}
	if j < len(p.s) && p.s[j] == ':' {
		j++
	}
	for j < len(p.s) && p.s[j] == ' ' {
		j++
	}
	if j < len(p.s) && isDigit(p.s[j]) {
		p.i = j
	}
}

// seq reads the sequence number: digits and at most one ASCII letter.
func (p *numParser) seq() error {
	start := p.i
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		p.i++
	}
	if p.i == start {
		return fmt.Errorf("phải bắt đầu bằng số thứ tự (chữ số); %s", numberExample)
	}
	if strings.Trim(string(p.s[start:p.i]), "0") == "" {
		return fmt.Errorf("số thứ tự phải khác 0")
	}
	if p.i < len(p.s) && isASCIILetter(p.s[p.i]) && (p.i+1 == len(p.s) || !unicode.IsLetter(p.s[p.i+1])) {
		p.i++
	}
	seq := string(p.s[start:p.i])
	p.num.Seq = seq
	return nil
}

// year reads "yyyy /" when the part after the first "/" starts with a
// digit; a symbol group always starts with a letter.
func (p *numParser) year() error {
	start := p.i
	for p.i < len(p.s) && isDigit(p.s[p.i]) {
		p.i++
	}
	if p.i == start {
		return nil
	}
	digits := string(p.s[start:p.i])
	p.skipSpace()
	if len(digits) != 4 || digits[0] == '0' || p.peek() != '/' {
		return fmt.Errorf(`sau "/" phải là năm ban hành (4 chữ số, rồi "/") hoặc ký hiệu (chữ cái); %s`, numberExample)
	}
	p.num.Year, _ = strconv.Atoi(digits)
	p.i++
	p.skipSpace()
	return nil
}

// symbol reads the groups of the ký hiệu.
func (p *numParser) symbol() error {
	var groups []string
	for {
		g, err := p.group(len(groups) == 0)
		if err != nil {
			return err
		}
		groups = append(groups, g)
		j := p.i
		for j < len(p.s) && p.s[j] == ' ' {
			j++
		}
		if j == len(p.s) || p.s[j] != '-' {
			break
		}
		p.i = j + 1
		p.skipSpace()
	}
	first := groups[0]
	if t, ok := typeAbbrev(first); ok {
		groups[0], p.num.Type = t, t
	} else if isLawIssuer(first) {
		p.num.Type = "QH"
	}
	p.num.Symbol = strings.Join(groups, "-")
	return nil
}

// group reads one symbol group and returns it in canonical case, "&"
// removed.
func (p *numParser) group(first bool) (string, error) {
	if p.i == len(p.s) {
		if first {
			return "", fmt.Errorf(`thiếu ký hiệu sau "/"; %s`, numberExample)
		}
		return "", fmt.Errorf(`thiếu nhóm ký hiệu sau dấu "-"; %s`, numberExample)
	}
	if r := p.s[p.i]; !isSymbolLetter(r) {
		if r == '-' || r == '/' || r == ' ' {
			return "", fmt.Errorf("thiếu nhóm ký hiệu trước %s; %s", quoteShort(string(r)), numberExample)
		}
		return "", fmt.Errorf("nhóm ký hiệu phải bắt đầu bằng chữ cái, không phải %s; %s", quoteShort(string(r)), numberExample)
	}
	var b strings.Builder
	for p.i < len(p.s) {
		r := p.s[p.i]
		switch {
		case isSymbolLetter(r) || isDigit(r):
			b.WriteRune(r)
		case r == '&':
			if p.i+1 == len(p.s) || !(isSymbolLetter(p.s[p.i+1]) || isDigit(p.s[p.i+1])) {
				return "", fmt.Errorf(`dấu "&" phải nằm giữa hai chữ (như "BTN&MT")`)
			}
		case r == '-' || r == ' ':
			return canonicalGroup(b.String()), nil
		default:
			return "", fmt.Errorf("ký tự %s không được dùng trong ký hiệu; %s", quoteShort(string(r)), numberExample)
		}
		p.i++
	}
	return canonicalGroup(b.String()), nil
}

// canonicalGroup upper-cases a group, keeping the case of the mixed-case
// issuer abbreviations ("TTg").
func canonicalGroup(g string) string {
	if strings.EqualFold(g, "TTg") {
		return "TTg"
	}
	return strings.ToUpper(g)
}

// typeAbbrev returns the canonical spelling of g when it is a type
// abbreviation (matched without regard to case, diacritics significant).
func typeAbbrev(g string) (string, bool) {
	// NĐ 30/2020 Phụ lục III, then the normative types.
	for _, t := range [...]string{
		"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA",
		"DA", "BC", "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT",
		"GNP", "PG", "PC", "PB", "SY", "TrS", "SL",
		"NĐ", "TT", "TTLT", "NQLT", "L",
	} {
		if strings.EqualFold(g, t) {
			return t, true
		}
	}
	return "", false
}

// isLawIssuer reports whether g is the National Assembly with its term
// ("QH13"), the symbol of a law.
func isLawIssuer(g string) bool {
	if len(g) < 2 || !strings.EqualFold(g[:2], "QH") {
		return false
	}
	for _, r := range g[2:] {
		if !isDigit(r) {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// isSymbolLetter reports whether r may appear in a symbol group: an ASCII
// letter or Đ/đ. Abbreviations carry no other diacritics, so a letter such
// as "à" is a sign of text glued to the number ("BVTVHà Nội").
func isSymbolLetter(r rune) bool { return isASCIILetter(r) || r == 'Đ' || r == 'đ' }

// quoteShort quotes s for a message, cut to 60 runes.
func quoteShort(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return strconv.Quote(s)
}

// String is the canonical spelling: "3463/QĐ-UBND", "19/2014/QĐ-TTg"; ""
// for the zero Number.
func (n Number) String() string {
	if n.IsZero() {
		return ""
	}
	if n.Year != 0 {
		return n.Seq + "/" + strconv.Itoa(n.Year) + "/" + n.Symbol
	}
	return n.Seq + "/" + n.Symbol
}

// Key is the identity of n for exact comparison: the sequence number
// without leading zeros, the year when there is one, and the symbol upper
// case with its diacritics ("03/QĐ-UBND" → "3/QĐ-UBND", "TTr-SNN" →
// "TTR-SNN"). It is "" for the zero Number.
func (n Number) Key() string {
	if n.IsZero() {
		return ""
	}
	seq := strings.TrimLeft(strings.ToUpper(n.Seq), "0")
	if n.Year != 0 {
		return seq + "/" + strconv.Itoa(n.Year) + "/" + strings.ToUpper(n.Symbol)
	}
	return seq + "/" + strings.ToUpper(n.Symbol)
}

// FoldedKey is Key folded to ASCII lower case (Fold) with the dashes
// removed, so that spellings that differ only in diacritics ("QD-UBND"
// for "QĐ-UBND") or in a missing hyphen ("906/QĐTTg" for "906/QĐ-TTg")
// have the same FoldedKey and can be reported with the canonical one.
func (n Number) FoldedKey() string {
	return strings.ReplaceAll(Fold(n.Key()), "-", "")
}

// Slug is the file-name stem of a decision: the canonical number folded to
// ASCII lower case with "/" as "-" ("3463-qd-ubnd", "19-2014-qd-ttg").
func (n Number) Slug() string { return Slug(n.String()) }

// maxRefLen bounds the input of ParseRef in bytes.
const maxRefLen = 300

// ParseRef parses a citation: a number (ParseNumber) optionally followed by
// the date the citation gives, introduced by "ngày", the way Vietnamese
// texts cite documents:
//
//	3463/QĐ-UBND
//	3463/QĐ-UBND ngày 06/10/2020
//	3463/QĐ-UBND, ngày 6/10/2020
//	3463/QĐ-UBND ngày 2020-10-06
//	3463/QĐ-UBND ngày 06 tháng 10 năm 2020
//	3463/QĐ-UBND (ngày 06/10/2020)
//
// The date is d/m/yyyy (also with "-" or "." and spaces around the
// separators, as in "14/11/ 2016"), yyyy-mm-dd, or "d tháng m năm yyyy";
// an impossible date such as 30/02/2020 is an error.
func ParseRef(s string) (Ref, error) {
	if !utf8.ValidString(s) {
		return Ref{}, errors.New("không phải văn bản UTF-8 hợp lệ")
	}
	if len(s) > maxRefLen {
		return Ref{}, fmt.Errorf("quá dài (tối đa %d byte)", maxRefLen)
	}
	numPart, datePart, dated := splitRef(cleanText(s))
	n, err := ParseNumber(numPart)
	if err != nil {
		return Ref{}, err
	}
	r := Ref{Number: n}
	if !dated {
		return r, nil
	}
	if datePart == "" {
		return Ref{}, errors.New(`thiếu ngày sau chữ "ngày"; cần dạng "3463/QĐ-UBND ngày 06/10/2020"`)
	}
	if r.Date, err = parseRefDate(datePart); err != nil {
		return Ref{}, err
	}
	return r, nil
}

// splitRef splits a cleaned citation at the word "ngày" (or "ngay", any
// case) into the number and the date, dropping the separators between them
// (",", ";", "(" … ")", ":").
func splitRef(s string) (num, date string, dated bool) {
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if i > 0 && !strings.ContainsRune(" ,;(", rs[i-1]) {
			continue
		}
		j := i
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		if w := strings.ToLower(string(rs[i:j])); w != "ngày" && w != "ngay" {
			continue
		}
		if j < len(rs) && rs[j] != ' ' && rs[j] != ':' && !isDigit(rs[j]) {
			continue
		}
		num = strings.TrimRight(string(rs[:i]), " ")
		if strings.HasSuffix(num, "-") || strings.HasSuffix(num, "/") {
			continue // part of the symbol, not a date
		}
		date = strings.TrimSpace(string(rs[j:]))
		date = strings.TrimSpace(strings.TrimPrefix(date, ":"))
		if strings.HasSuffix(num, "(") && strings.HasSuffix(date, ")") {
			num, date = num[:len(num)-1], strings.TrimSpace(date[:len(date)-1])
		}
		num = strings.TrimRight(num, " ,;")
		return num, date, true
	}
	return s, "", false
}

// parseRefDate parses the date of a citation (see ParseRef).
func parseRefDate(s string) (Date, error) {
	bad := fmt.Errorf(`ngày %s không đúng dạng dd/mm/yyyy hoặc yyyy-mm-dd`, quoteShort(s))
	var d, m, y string
	if f := strings.Fields(strings.ToLower(s)); len(f) == 5 &&
		(f[1] == "tháng" || f[1] == "thang") && (f[3] == "năm" || f[3] == "nam") {
		d, m, y = f[0], f[2], f[4]
	} else {
		t := strings.ReplaceAll(s, " ", "")
		parts := strings.FieldsFunc(t, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
		if len(parts) != 3 || len(t) != len(parts[0])+len(parts[1])+len(parts[2])+2 {
			return Date{}, bad
		}
		d, m, y = parts[0], parts[1], parts[2]
		if len(d) == 4 {
			d, y = y, d
		}
	}
	if !allDigits(d, 1, 2) || !allDigits(m, 1, 2) || !allDigits(y, 4, 4) {
		return Date{}, bad
	}
	dd, _ := strconv.Atoi(d)
	mm, _ := strconv.Atoi(m)
	yy, _ := strconv.Atoi(y)
	date, err := NewDate(yy, mm, dd)
	if err != nil {
		return Date{}, fmt.Errorf("ngày %s: %w", quoteShort(s), err)
	}
	return date, nil
}

// allDigits reports whether s is between min and max ASCII digits long and
// has nothing else.
func allDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return true
}

package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TokenKind tells a word from an identifier.
type TokenKind int

// The kinds of token.
const (
	// Word is a run of letters, marks and digits: a Vietnamese syllable, an
	// abbreviation, a number.
	Word TokenKind = iota + 1
	// ID is an identifier kept whole: a document number ("3463/QĐ-UBND"),
	// a TTHC code ("1.004359"), a process code ("QT-TS-01"), a date.
	ID
	// Part is one piece of the ID before it ("3463", "qd", "ubnd"), so that
	// "qd 3463" finds 3463/QĐ-UBND.
	Part
)

// String is the name search.js uses for the kind.
func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case ID:
		return "id"
	case Part:
		return "part"
	}
	return "unknown"
}

// Token is one unit of indexed or queried text.
type Token struct {
	// Key is what the index is keyed by: the folded word, or the canonical
	// folded identifier ("3463/qdubnd", "qt-ts-1", "1.004359").
	Key string
	// Exact is the text as written, lower case and NFC ("đường",
	// "3463/qđ-ubnd"); a word typed with diacritics ranks documents
	// that have this exact form first.
	Exact string
	Kind  TokenKind
}

// maxTokenRunes is the longest key indexed, in code points; longer runs
// (base64, long URLs) are dropped.
const maxTokenRunes = 48

// Tokenize splits s into tokens. The rules, which search.js repeats
// exactly:
//
//  1. s is put in NFC; the dashes U+2010–U+2015, U+2212, U+FE58, U+FE63 and
//     U+FF0D become "-", U+FF0F becomes "/"; spaces next to a "/" or a
//     "-" are removed ("57 / 2015/QĐ - UBND" is "57/2015/QĐ-UBND"), so
//     every spelling that qms.ParseNumber accepts gives one key.
//  2. A chunk is a maximal run of letters, marks, digits and the joiners
//     "/", "-", ".", "&"; joiners at either end of a chunk are dropped.
//  3. A chunk with an ASCII digit and a joiner is an identifier: one ID
//     token whose key is folded, without "&", and then, when it has a "/",
//     each "/"-group without "-" and numbers without leading zeros, and a
//     "so" glued to the first group dropped ("3463/QĐ-UBND" and
//     "Số3463/QĐ-UBND" → "3463/qdubnd", "906/QĐTTg" → "906/qdttg"), else
//     each "-"-group a number without leading zeros ("QT-TS-01" →
//     "qt-ts-1"; "1.004359" stays). When the chunk splits at "/", "-" or
//     "&" into two or more pieces, each piece follows as a Part token. An
//     identifier whose key is longer than 48 code points is dropped whole.
//  4. Any other chunk splits at its joiners into Word tokens.
//  5. A word or piece key is folded (see [Fold]), numbers without their
//     leading zeros ("05" → "5"); empty keys and keys longer than 48 code
//     points are dropped.
func Tokenize(s string) []Token {
	var tz tokenizer
	return tz.tokenize(nil, s)
}

// tokenizer tokenises like [Tokenize], remembering how it folded each word
// when words is not nil (Build folds each distinct word once).
type tokenizer struct {
	words map[string]Token
}

// tokenize appends the tokens of s to toks.
func (tz *tokenizer) tokenize(toks []Token, s string) []Token {
	rs := prepare(s)
	for i := 0; i < len(rs); {
		if !isChunkRune(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isChunkRune(rs[j]) {
			j++
		}
		toks = tz.appendChunk(toks, rs[i:j])
		i = j
	}
	return toks
}

// prepare applies rule 1 of [Tokenize].
func prepare(s string) []rune {
	in := []rune(norm.NFC.String(validUTF8String(s)))
	for i, r := range in {
		switch {
		case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xfe58, r == 0xfe63, r == 0xff0d:
			in[i] = '-'
		case r == 0xff0f:
			in[i] = '/'
		}
	}
	out := make([]rune, 0, len(in))
	for i := 0; i < len(in); {
		if !isSpace(in[i]) {
			out = append(out, in[i])
			i++
			continue
		}
		j := i
		for j < len(in) && isSpace(in[j]) {
			j++
		}
		prevJoin := len(out) > 0 && (out[len(out)-1] == '/' || out[len(out)-1] == '-')
		nextJoin := j < len(in) && (in[j] == '/' || in[j] == '-')
		if !prevJoin && !nextJoin {
			out = append(out, ' ')
		}
		i = j
	}
	return out
}

// appendChunk applies rules 2 to 5 to one chunk.
func (tz *tokenizer) appendChunk(toks []Token, chunk []rune) []Token {
	for len(chunk) > 0 && isJoiner(chunk[0]) {
		chunk = chunk[1:]
	}
	for len(chunk) > 0 && isJoiner(chunk[len(chunk)-1]) {
		chunk = chunk[:len(chunk)-1]
	}
	if len(chunk) == 0 {
		return toks
	}
	hasDigit, hasJoiner := false, false
	for _, r := range chunk {
		hasDigit = hasDigit || (r >= '0' && r <= '9')
		hasJoiner = hasJoiner || isJoiner(r)
	}
	text := string(chunk)
	if !hasDigit || !hasJoiner {
		for _, w := range splitRunes(text, isJoiner) {
			toks = tz.appendWord(toks, w, Word)
		}
		return toks
	}
	key := idKey(text)
	if key == "" || runeLen(key) > maxTokenRunes {
		return toks
	}
	toks = append(toks, Token{Key: key, Exact: lowerExact(text), Kind: ID})
	parts := splitRunes(text, func(r rune) bool { return r == '/' || r == '-' || r == '&' })
	if len(parts) >= 2 {
		for _, p := range parts {
			toks = tz.appendWord(toks, p, Part)
		}
	}
	return toks
}

// appendWord applies rule 5.
func (tz *tokenizer) appendWord(toks []Token, w string, kind TokenKind) []Token {
	t, ok := tz.words[w]
	if !ok {
		t = Token{Key: foldWord(w), Exact: lowerExact(w)}
		if runeLen(t.Key) > maxTokenRunes {
			t.Key = ""
		}
		if tz.words != nil {
			tz.words[w] = t
		}
	}
	if t.Key == "" {
		return toks
	}
	t.Kind = kind
	return append(toks, t)
}

// idKey is the canonical key of an identifier (rule 3).
func idKey(s string) string {
	f := strings.ReplaceAll(Fold(s), "&", "")
	if strings.Contains(f, "/") {
		groups := strings.Split(f, "/")
		if g := groups[0]; len(g) > 2 && g[:2] == "so" && g[2] >= '0' && g[2] <= '9' {
			groups[0] = g[2:]
		}
		for i, g := range groups {
			groups[i] = stripZeros(strings.ReplaceAll(g, "-", ""))
		}
		return strings.Join(groups, "/")
	}
	groups := strings.Split(f, "-")
	for i, g := range groups {
		groups[i] = stripZeros(g)
	}
	return strings.Join(groups, "-")
}

// splitRunes splits s at runs of runes for which sep is true and drops
// empty pieces.
func splitRunes(s string, sep func(rune) bool) []string {
	return strings.FieldsFunc(s, sep)
}

// isChunkRune reports whether r belongs in a chunk (rule 2).
func isChunkRune(r rune) bool { return isWordRune(r) || isJoiner(r) }

// isWordRune is search.js's /[\p{L}\p{M}\p{N}]/u.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// isJoiner reports whether r joins the pieces of an identifier.
func isJoiner(r rune) bool { return r == '/' || r == '-' || r == '.' || r == '&' }

// isSpace is the fixed set of spaces of rule 1 (not unicode.IsSpace, whose
// set differs from JavaScript's \s).
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200b
}

// chain is the sequence of keys that bigrams are made of: words, pieces,
// and identifiers that have no pieces.
func chain(toks []Token) []string {
	var keys []string
	for i, t := range toks {
		if t.Kind == ID && i+1 < len(toks) && toks[i+1].Kind == Part {
			continue
		}
		keys = append(keys, t.Key)
	}
	return keys
}

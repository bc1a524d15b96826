package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// The tokenizing rules, which search.js repeats exactly (the tests'
// Tokenize applies them to a whole text):
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

// chunker applies rules 1 and 2 above to a text that is valid
// UTF-8 and in NFC, one chunk at a time, a character at a time.
type chunker struct {
	s    string
	i    int  // the next byte of s to read
	last rune // the last character of the text as rule 1 rewrites it
	buf  []byte
}

// reset starts on s.
func (c *chunker) reset(s string) { c.s, c.i, c.last = s, 0, 0 }

// next returns the next chunk, with joiners at its ends still on, and
// whether there was one. The chunk is valid until the next call.
func (c *chunker) next() ([]byte, bool) {
	s := c.s
	c.buf = c.buf[:0]
	for c.i < len(s) {
		r, size := c.decode(c.i)
		if isSpace(r) {
			// Spaces next to a "/" or a "-" are dropped; others end the
			// chunk.
			j := c.i + size
			following := rune(-1)
			for j < len(s) {
				nr, n := c.decode(j)
				if !isSpace(nr) {
					following = nr
					break
				}
				j += n
			}
			c.i = j
			if c.last != '/' && c.last != '-' && following != '/' && following != '-' {
				c.last = ' '
				if len(c.buf) > 0 {
					return c.buf, true
				}
			}
			continue
		}
		c.i += size
		c.last = r
		if isChunkRune(r) {
			c.buf = utf8.AppendRune(c.buf, r)
			continue
		}
		if len(c.buf) > 0 {
			return c.buf, true
		}
	}
	return c.buf, len(c.buf) > 0
}

// decode reads the character at byte i of the text, a dash rewritten as
// rule 1 says.
func (c *chunker) decode(i int) (rune, int) {
	r, n := utf8.DecodeRuneInString(c.s[i:])
	switch {
	case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xfe58, r == 0xfe63, r == 0xff0d:
		r = '-'
	case r == 0xff0f:
		r = '/'
	}
	return r, n
}

// appendChunk applies rules 2 to 5 to one chunk.
func appendChunk(toks []Token, chunk string) []Token {
	chunk = strings.Trim(chunk, "/-.&")
	if chunk == "" {
		return toks
	}
	hasDigit := strings.ContainsAny(chunk, "0123456789")
	hasJoiner := strings.ContainsAny(chunk, "/-.&")
	if !hasDigit || !hasJoiner {
		for _, w := range splitRunes(chunk, isJoiner) {
			toks = appendWord(toks, w, Word)
		}
		return toks
	}
	key := idKey(chunk)
	if key == "" || runeLen(key) > maxTokenRunes {
		return toks
	}
	toks = append(toks, Token{Key: key, Exact: lowerExact(chunk), Kind: ID})
	parts := splitRunes(chunk, func(r rune) bool { return r == '/' || r == '-' || r == '&' })
	if len(parts) >= 2 {
		for _, p := range parts {
			toks = appendWord(toks, p, Part)
		}
	}
	return toks
}

// appendWord applies rule 5.
func appendWord(toks []Token, w string, kind TokenKind) []Token {
	key := foldWord(w)
	if key == "" || runeLen(key) > maxTokenRunes {
		return toks
	}
	return append(toks, Token{Key: key, Exact: lowerExact(w), Kind: kind})
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

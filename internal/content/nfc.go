package content

import (
	"encoding/binary"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfcPlainLimit bounds the runes nfcPlain describes: Latin (Vietnamese
// included), Greek, Cyrillic, general punctuation and symbols.
const nfcPlainLimit = 0x3000

// nfcPlain is a bit set of the runes below nfcPlainLimit that are in NFC
// on their own and cannot combine with any rune before them
// (norm.Properties.BoundaryBefore). A text made only of such runes has a
// normalisation boundary before every rune, so it is its own NFC: each
// rune is normalised alone and is already normal. Precomposed Vietnamese
// letters are in the set; combining marks (U+0300–U+036F), Hangul vowels
// and singletons such as U+2126 OHM SIGN are not.
var nfcPlain = sync.OnceValue(func() *[nfcPlainLimit / 64]uint64 {
	var set [nfcPlainLimit / 64]uint64
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < nfcPlainLimit; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := buf[:utf8.EncodeRune(buf[:], r)]
		if norm.NFC.Properties(s).BoundaryBefore() && norm.NFC.IsNormal(s) {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})

// scanText reports whether data is valid UTF-8 and, if it is, whether
// it is made only of nfcPlain runes, in which case it is in NFC as it is
// (and stays so when runes are removed or a CR becomes an LF). One pass
// does what utf8.Valid and norm.NFC's quick check would do in two, and
// tells nothing about the NFC form of a text with other runes.
func scanText(data []byte) (valid, plain bool) {
	set := nfcPlain()
	for i := 0; i < len(data); {
		// Skip ASCII eight bytes at a time.
		for i+8 <= len(data) && binary.LittleEndian.Uint64(data[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i == len(data) {
			break
		}
		c := data[i]
		var r rune
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case c >= 0xc2 && c < 0xe0 && i+1 < len(data) && data[i+1]&0xc0 == 0x80:
			// Two bytes (Latin letters with diacritics).
			r = rune(c&0x1f)<<6 | rune(data[i+1]&0x3f)
			i += 2
		case c >= 0xe1 && c < 0xed && i+2 < len(data) && data[i+1]&0xc0 == 0x80 && data[i+2]&0xc0 == 0x80:
			// Three bytes, U+1000 to U+CFFF (Vietnamese U+1EA0 to U+1EF9,
			// punctuation).
			r = rune(c&0x0f)<<12 | rune(data[i+1]&0x3f)<<6 | rune(data[i+2]&0x3f)
			i += 3
		default:
			var size int
			r, size = utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				return false, false
			}
			i += size
		}
		if r >= nfcPlainLimit || set[r/64]&(1<<(r%64)) == 0 {
			return utf8.Valid(data[i:]), false
		}
	}
	return true, true
}

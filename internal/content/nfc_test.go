package content

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCPlainRunes checks nfcPlain's claim on random
// strings of its runes: such a text is its own NFC.
func TestNFCPlainRunes(t *testing.T) {
	set := nfcPlain()
	var plain []rune
	for r := rune(0); r < nfcPlainLimit; r++ {
		if set[r/64]&(1<<(r%64)) != 0 {
			plain = append(plain, r)
		}
	}
	if len(plain) < 10000 {
		t.Fatalf("only %d runes in nfcPlain", len(plain))
	}
	for _, r := range "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐ–“”…" {
		if set[r/64]&(1<<(r%64)) == 0 {
			t.Errorf("%U (%c) not in nfcPlain", r, r)
		}
	}
	for _, r := range []rune{0x0300, 0x0301, 0x0323, 0x0345, 0x2126, 0x212B, 0x0340, 0x1161} {
		if r < nfcPlainLimit && set[r/64]&(1<<(r%64)) != 0 {
			t.Errorf("%U in nfcPlain", r)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 300000 {
		s := make([]rune, 1+r.IntN(6))
		for i := range s {
			s[i] = plain[r.IntN(len(plain))]
		}
		if b := []byte(string(s)); !norm.NFC.IsNormal(b) {
			t.Fatalf("%+q is not in NFC", string(s))
		}
	}
}

// TestNormalizeScanText compares the fast path of ParseFile's text
// preparation with utf8.Valid and norm.NFC on random texts mixing
// Vietnamese, combining marks, other scripts, CR, BOM and invalid bytes.
func TestNormalizeScanText(t *testing.T) {
	pieces := []string{
		"a", "Z", " ", "\n", "\r", "\r\n", "\ufeff", "\x00", "é", "e\u0301", "\u0301", "\u0323", "ệ",
		"ê\u0323", "Đ", "ư\u0300", "\u1100\u1161", "\u1161", "각", "\u2126", "Å", "A\u030a", "\u0340",
		"\u0f73", "\u0f71\u0f72", "ﬁ", "\u00a0", "–", "…", "\U0001F600", "\u3042\u3099", "\xff", "\xc3",
		"\xe1\xbb", "\xed\xa0\x80", "\uFFFD", "12345678", "Nông nghiệp và PTNT ",
	}
	r := rand.New(rand.NewPCG(7, 8))
	plainSeen, bomSeen := 0, 0
	for range 200000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		valid, plain := scanText(b)
		if valid != utf8.Valid(b) {
			t.Fatalf("scanText(%+q) valid = %v", b, valid)
		}
		if !valid {
			continue
		}
		if plain {
			plainSeen++
			if !norm.NFC.IsNormal(b) {
				t.Fatalf("scanText(%+q) plain, not NFC", b)
			}
		}
		trimmed := bytes.TrimPrefix(b, []byte("\ufeff"))
		if len(trimmed) < len(b) {
			bomSeen++
		}
		_, plain = scanText(trimmed)
		in := bytes.Clone(b)
		if got, want := normalize(b, plain), normalize(in, false); !bytes.Equal(got, want) {
			t.Fatalf("normalize(%+q) = %+q, want %+q", b, got, want)
		}
	}
	if plainSeen < 1000 || bomSeen < 1000 {
		t.Errorf("%d plain texts, %d with a BOM", plainSeen, bomSeen)
	}
}

// TestScanTextBytes compares scanText with utf8.Valid and norm.NFC on
// every two-byte sequence and on three-byte ones with a few last bytes.
func TestScanTextBytes(t *testing.T) {
	for b0 := range 256 {
		for b1 := range 256 {
			for _, b := range [][]byte{
				{byte(b0), byte(b1)}, {byte(b0), byte(b1), 0x80}, {byte(b0), byte(b1), 0xbf},
				{'a', byte(b0), byte(b1), 0xa5, 'b'}, {byte(b0), byte(b1), 'a'},
			} {
				valid, plain := scanText(b)
				if valid != utf8.Valid(b) || plain && !norm.NFC.IsNormal(b) || plain && !valid {
					t.Fatalf("scanText(%+q) = %v, %v", b, valid, plain)
				}
			}
		}
	}
}

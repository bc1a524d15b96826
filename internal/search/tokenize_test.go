package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"golang.org/x/text/unicode/norm"
)

// show renders tokens compactly: words as their key, identifiers as
// "#key", pieces as "+key".
func show(toks []Token) string {
	var parts []string
	for _, t := range toks {
		switch t.Kind {
		case ID:
			parts = append(parts, "#"+t.Key)
		case Part:
			parts = append(parts, "+"+t.Key)
		default:
			parts = append(parts, t.Key)
		}
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cấp chứng chỉ hành nghề thú y", "cap chung chi hanh nghe thu y"},
		{"thu tuc hanh chinh", "thu tuc hanh chinh"},
		// document numbers, every case and spelling
		{"3463/QĐ-UBND", "#3463/qdubnd +3463 +qd +ubnd"},
		{"3463/QD-UBND", "#3463/qdubnd +3463 +qd +ubnd"},
		{"3463/qđ-ubnd", "#3463/qdubnd +3463 +qd +ubnd"},
		{"3463/Qđ-Ubnd", "#3463/qdubnd +3463 +qd +ubnd"},
		{"3463/QÐ-UBND", "#3463/qdubnd +3463 +qd +ubnd"},
		{"3463 / QĐ - UBND", "#3463/qdubnd +3463 +qd +ubnd"},
		{"3463/QĐ–UBND", "#3463/qdubnd +3463 +qd +ubnd"},
		{"Số: 3463/QĐ-UBND ngày 06/10/2020", "so #3463/qdubnd +3463 +qd +ubnd ngay #6/10/2020 +6 +10 +2020"},
		{"Quyết định số 3463/QĐ-UBND.", "quyet dinh so #3463/qdubnd +3463 +qd +ubnd"},
		{"(3463/QĐ-UBND)", "#3463/qdubnd +3463 +qd +ubnd"},
		{"qd 3463", "qd 3463"},
		{"QĐ 3463", "qd 3463"},
		{"3463", "3463"},
		{"15/2020/NĐ-CP", "#15/2020/ndcp +15 +2020 +nd +cp"},
		{"57/ 2015/QĐ-UBND", "#57/2015/qdubnd +57 +2015 +qd +ubnd"},
		{"01/2018/TT-VPCP", "#1/2018/ttvpcp +1 +2018 +tt +vpcp"},
		{"14/2016/TT-BNN&PTNT", "#14/2016/ttbnnptnt +14 +2016 +tt +bnn +ptnt"},
		{"906/QĐTTg", "#906/qdttg +906 +qdttg"},
		{"Luật số 79/2015/QH13", "luat so #79/2015/qh13 +79 +2015 +qh13"},
		// TTHC codes and process codes
		{"1.004359", "#1.004359"},
		{"Mã TTHC: 1.004359.", "ma tthc #1.004359"},
		{"QT-TS-01", "#qt-ts-1 +qt +ts +1"},
		{"qt-ts-1", "#qt-ts-1 +qt +ts +1"},
		{"qt ts 01", "qt ts 1"},
		{"T-HNO-147208-TT-SĐ", "#t-hno-147208-tt-sd +t +hno +147208 +tt +sd"},
		// words that are not identifiers
		{"Kế hoạch-Tài chính", "ke hoach tai chinh"},
		{"Sở NN&PTNT", "so nn ptnt"},
		{"v.v.", "v v"},
		{"năm 2020.", "nam 2020"},
		{"05 ngày làm việc", "5 ngay lam viec"},
		{"000", "0"},
		{"", ""},
		{"  ,;!?  ", ""},
		{"https://example.invalid/" + strings.Repeat("x", 60), "https example invalid"},
		{"https://example.invalid/a1" + strings.Repeat("x", 60), "https"},
	}
	for _, tt := range tests {
		if got := show(Tokenize(tt.in)); got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeExact(t *testing.T) {
	toks := Tokenize("Đường ĐƯỜNG dương 3463/QĐ-UBND")
	want := []Token{
		{Key: "duong", Exact: "đường", Kind: Word},
		{Key: "duong", Exact: "đường", Kind: Word},
		{Key: "duong", Exact: "dương", Kind: Word},
		{Key: "3463/qdubnd", Exact: "3463/qđ-ubnd", Kind: ID},
		{Key: "3463", Exact: "3463", Kind: Part},
		{Key: "qd", Exact: "qđ", Kind: Part},
		{Key: "ubnd", Exact: "ubnd", Kind: Part},
	}
	if fmt.Sprint(toks) != fmt.Sprint(want) {
		t.Errorf("Tokenize = %v\nwant %v", toks, want)
	}
}

// TestTokenizeEveryParsedSpelling checks that every spelling of a number
// that qms.ParseNumber accepts gives the key of the canonical spelling.
func TestTokenizeEveryParsedSpelling(t *testing.T) {
	spellings := []string{
		"3463/QĐ-UBND", "Số: 3463/QĐ-UBND", "Số:3463/QĐ-UBND", "số 3463/QĐ-UBND",
		"So 3463/QĐ-UBND", "SỐ : 3463/QĐ-UBND", "Số3463/QĐ-UBND",
		"S" + "o\u0302\u0301" + ": 3463/QĐ-UBND", "3463/QĐ - UBND", "3463 /QĐ-UBND",
		"3463 / QĐ-UBND", "3463\u00a0/\u00a0QĐ\u00a0-\u00a0UBND", "3463/QĐ\u202f-\u202fUBND",
		"\ufeff3463/QĐ-\u200bUBND", "3463/QĐ–UBND", "3463/QĐ—UBND", "3463/QĐ\u2011UBND",
		"3463/QĐ\u2212UBND", "3463/QĐ – UBND", "3463/qđ-ubnd", "3463/QD-UBND", "3463/QÐ-UBND",
		"57/ 2015/QĐ-UBND", "57 / 2015 / QĐ - UBND", "14/2016/TT-BNN&PTNT", "19/2014/qđ-ttg",
		"01/2018/TT-VPCP", "906/QĐTTg", "005/SNN-VP", "12a/QĐ-UBND", "79/2015/QH13",
	}
	for _, s := range spellings {
		n, err := qms.ParseNumber(s)
		if err != nil {
			t.Errorf("qms.ParseNumber(%q): %v", s, err)
			continue
		}
		want := idKey(n.String())
		found := false
		for _, tok := range Tokenize(s) {
			if tok.Kind == ID {
				if tok.Key != want {
					t.Errorf("Tokenize(%q): identifier %q, want %q (the key of %s)", s, tok.Key, want, n)
				}
				found = true
			}
		}
		if !found {
			t.Errorf("Tokenize(%q) = %s: no identifier", s, show(Tokenize(s)))
		}
	}
}

func TestChain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"thủ tục hành chính", "thu tuc hanh chinh"},
		{"QT-TS-01 cấp phép", "qt ts 1 cap phep"},
		{"mã 1.004359 cấp", "ma 1.004359 cap"},
	}
	for _, tt := range tests {
		if got := strings.Join(chain(Tokenize(tt.in)), " "); got != tt.want {
			t.Errorf("chain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCompareUTF16(t *testing.T) {
	// U+FF21 (fullwidth A) is one unit 0xFF21; U+1F600 starts with 0xD83D.
	ordered := []string{"", "a", "ab", "b", "đ", "\U0001F600", "\uFF21"}
	for i := range ordered {
		for j := range ordered {
			got := compareUTF16(ordered[i], ordered[j])
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got != want {
				t.Errorf("compareUTF16(%q, %q) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
}

// TestCompareUTF16Bytes: without characters in U+E000–U+FFFF, which
// hasHighBMP finds, compareUTF16 orders as strings.Compare does.
func TestCompareUTF16Bytes(t *testing.T) {
	chars := []string{"a", "z", "đ", "ữ", "\u0800", "\ud7ff", "\U00010000", "\U0001F600", "\U0010FFFF", "\ue000", "\uff21", "\uffff"}
	rng := rand.New(rand.NewPCG(7, 8))
	word := func() string {
		var b strings.Builder
		for k := rng.IntN(4); k > 0; k-- {
			b.WriteString(chars[rng.IntN(len(chars))])
		}
		return b.String()
	}
	for range 20000 {
		a, b := word(), word()
		high := strings.ContainsAny(a+b, "\ue000\uff21\uffff")
		if got := hasHighBMP(a) || hasHighBMP(b); got != high {
			t.Fatalf("hasHighBMP of %q, %q = %v, want %v", a, b, got, high)
		}
		if high {
			continue
		}
		if got, want := compareUTF16(a, b), strings.Compare(a, b); got != want {
			t.Fatalf("compareUTF16(%q, %q) = %d, strings.Compare %d", a, b, got, want)
		}
	}
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

// Tokenize splits s into tokens by the rules of tokenize.go, as the index
// does.
func Tokenize(s string) []Token {
	var toks []Token
	c := chunker{s: norm.NFC.String(validUTF8String(s))}
	for {
		chunk, ok := c.next()
		if !ok {
			return toks
		}
		toks = appendChunk(toks, string(chunk))
	}
}

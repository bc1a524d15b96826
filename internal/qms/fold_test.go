package qms

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Combining marks, as NFD writes Vietnamese letters.
const (
	markBreve = '\u0306'
	markCirc  = '\u0302'
	markHorn  = '\u031B'
)

// toneMarks are the combining tone marks in the table's column order; the
// first column has none.
var toneMarks = [vnTones]rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

// vowelRows is the test's own copy of the vowel table, typed separately
// from the package's: the base letter, the vowel mark that makes the row's
// vowel from it (0 for none) and the six toned letters.
var vowelRows = []struct {
	base    rune
	mark    rune
	letters string
}{
	{'a', 0, "aàáảãạ"},
	{'a', markBreve, "ăằắẳẵặ"},
	{'a', markCirc, "âầấẩẫậ"},
	{'e', 0, "eèéẻẽẹ"},
	{'e', markCirc, "êềếểễệ"},
	{'i', 0, "iìíỉĩị"},
	{'o', 0, "oòóỏõọ"},
	{'o', markCirc, "ôồốổỗộ"},
	{'o', markHorn, "ơờớởỡợ"},
	{'u', 0, "uùúủũụ"},
	{'u', markHorn, "ưừứửữự"},
	{'y', 0, "yỳýỷỹỵ"},
}

// TestFoldEveryVowelEveryTone folds every Vietnamese vowel with every tone,
// in both cases, precomposed (NFC) and decomposed (NFD, with the marks in
// either order), and composes the decomposed forms back.
func TestFoldEveryVowelEveryTone(t *testing.T) {
	n := 0
	for _, row := range vowelRows {
		letters := []rune(row.letters)
		if len(letters) != vnTones {
			t.Fatalf("row %q has %d letters, want %d", row.letters, len(letters), vnTones)
		}
		for tone, lower := range letters {
			upper := unicode.ToUpper(lower)
			if upper == lower || unicode.ToLower(upper) != lower {
				t.Errorf("%q has no upper-case pair (got %q)", lower, upper)
			}
			want := string(row.base)
			for _, c := range []struct {
				letter rune
				base   rune
			}{{lower, row.base}, {upper, unicode.ToUpper(row.base)}} {
				n++
				if got := Fold(string(c.letter)); got != want {
					t.Errorf("Fold(%q) = %q, want %q", c.letter, got, want)
				}
				for _, nfd := range decompositions(c.base, row.mark, toneMarks[tone]) {
					if got := Fold(nfd); got != want {
						t.Errorf("Fold(%+q) = %q, want %q", nfd, got, want)
					}
					if got := composeVN(nfd); got != string(c.letter) {
						t.Errorf("composeVN(%+q) = %+q, want %q", nfd, got, c.letter)
					}
				}
				if tone > 0 { // a precomposed vowel followed by its tone mark
					partial := string(untoned(t, c.letter, 0)) + string(toneMarks[tone])
					if got := composeVN(partial); got != string(c.letter) {
						t.Errorf("composeVN(%+q) = %+q, want %q", partial, got, c.letter)
					}
				}
			}
		}
	}
	if n != 144 {
		t.Errorf("checked %d letters, want 12 vowels × 6 tones × 2 cases = 144", n)
	}
}

// decompositions spells base+mark+tone with the marks in every order.
func decompositions(base, mark, tone rune) []string {
	var marks []rune
	for _, m := range []rune{mark, tone} {
		if m != 0 {
			marks = append(marks, m)
		}
	}
	out := []string{string(base) + string(marks)}
	if len(marks) == 2 {
		out = append(out, string(base)+string(marks[1])+string(marks[0]))
	}
	return out
}

// untoned is the letter of r's row at the given tone.
func untoned(t *testing.T, r rune, tone int) rune {
	t.Helper()
	row, _, upper, ok := vnFind(r)
	if !ok {
		t.Fatalf("vnFind(%q): not in the table", r)
	}
	return vnAt(row, tone, upper)
}

// TestVowelTableMatches checks that the package's table, its switch in
// foldRune and the test's table hold exactly the same letters.
func TestVowelTableMatches(t *testing.T) {
	var lower, upper strings.Builder
	for _, row := range vowelRows {
		lower.WriteString(row.letters)
		upper.WriteString(strings.ToUpper(row.letters))
	}
	if vnLower != lower.String() {
		t.Errorf("vnLower = %q, want %q", vnLower, lower.String())
	}
	if vnUpper != upper.String() {
		t.Errorf("vnUpper = %q, want %q", vnUpper, upper.String())
	}
	want := map[rune]bool{'đ': true, 'Đ': true, 'ð': true, 'Ð': true}
	for _, r := range vnLower + vnUpper {
		if r >= 0x80 {
			want[r] = true
		}
	}
	if len(want) != 4+144-12 { // the 12 untoned a, e, i, o, u, y are ASCII
		t.Errorf("table has %d non-ASCII letters with đ and eth, want 136", len(want))
	}
	// foldRune departs from unicode.ToLower exactly on those letters.
	for r := rune(0x80); r < 0x3000; r++ {
		special := foldRune(r) != unicode.ToLower(r)
		if special != want[r] {
			t.Errorf("foldRune(%q) = %q: special = %v, want %v", r, foldRune(r), special, want[r])
		}
	}
}

// TestVowelTableUnicode checks the hand-written table against the Unicode
// normalisation data of golang.org/x/text (test files may import it; the
// package itself uses only the standard library): every letter is NFC, and
// composeVN and Fold agree with its canonical decomposition.
func TestVowelTableUnicode(t *testing.T) {
	for _, r := range vnLower + vnUpper {
		nfd := norm.NFD.String(string(r))
		if norm.NFC.String(string(r)) != string(r) {
			t.Errorf("%q is not NFC", r)
		}
		if got := composeVN(nfd); got != string(r) {
			t.Errorf("composeVN(%+q) = %+q, want %q", nfd, got, r)
		}
		base := strings.ToLower(nfd[:1])
		if Fold(string(r)) != base || Fold(nfd) != base {
			t.Errorf("Fold(%q) = %q, Fold(%+q) = %q, want %q", r, Fold(string(r)), nfd, Fold(nfd), base)
		}
	}
	s := "Căn cứ Quyết định số 3465/QĐ-UBND của UBND tỉnh Nghệ An: NGƯỜI ƯỠN ẸO, Ỷ, Ữ, Ặc"
	if got := composeVN(norm.NFD.String(s)); got != s {
		t.Errorf("composeVN(NFD(%q)) = %q", s, got)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc XYZ 123/-", "abc xyz 123/-"},
		{"Quyết định số 3463/QĐ-UBND", "quyet dinh so 3463/qd-ubnd"},
		{"Sở Nông nghiệp và PTNT Nghệ An", "so nong nghiep va ptnt nghe an"},
		{"THỦY SẢN, THÚ Y, TRỒNG TRỌT", "thuy san, thu y, trong trot"},
		{"Đăng ký đủ điều kiện", "dang ky du dieu kien"},
		{"Chi cục Chăn nuôi và Thú y", "chi cuc chan nuoi va thu y"},
		{"Ngư nghiệp Ương giống", "ngu nghiep uong giong"},
		{"Quy\u0301 tri\u0300nh nô\u0323i bô\u0323", "quy trinh noi bo"},             // NFD, marks in canonical order
		{"Quy\u0301 tri\u0300nh no\u0302\u0323i bo\u0323\u0302", "quy trinh noi bo"}, // marks in another order
		{"QÐ-UBND", "qd-ubnd"},                   // eth
		{"na\u0308ive cafe\u0301", "naive cafe"}, // any combining mark is dropped
		{"NAÏVE", "naïve"},                       // other precomposed letters are only lower-cased
		{"e\u0308", "e"},
		{"Ωmega", "ωmega"},
		{"3463\u00a0/QĐ", "3463\u00a0/qd"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestComposeVN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Quyết định", "Quyết định"},
		{"Quye\u0302\u0301t đi\u0323nh", "Quyết định"},
		{"Ngu\u031Bo\u031B\u0300i", "Người"},
		{"ơ\u0300", "ờ"},
		{"Ô\u0323", "Ộ"},
		// Not Vietnamese letters: left as they are.
		{"q\u0301", "q\u0301"},
		{"â\u0302", "â\u0302"},
		{"a\u0301\u0300", "a\u0301\u0300"},
		{"i\u0302", "i\u0302"},
		{"e\u0306", "e\u0306"},
		{"\u0301a", "\u0301a"},
		{"Đ\u0301", "Đ\u0301"},
	}
	for _, tt := range tests {
		if got := composeVN(tt.in); got != tt.want {
			t.Errorf("composeVN(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	in := "a\u2010b\u2011c\u2012d\u2013e\u2014f\u2212g\uFE63h\uFF0Di" +
		" 1\u20442\u22153\uFF0F4 x\u00a0y\u202fz\tw\u200bv\ufeffu ð Ð"
	want := "a-b-c-d-e-f-g-h-i 1/2/3/4 x y z w v u đ Đ"
	if got := cleanText(in); got != want {
		t.Errorf("cleanText(%+q) = %q, want %q", in, got, want)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"3463/QĐ-UBND", "3463-qd-ubnd"},
		{"19/2014/QĐ-TTg", "19-2014-qd-ttg"},
		{"QT-TS-03", "qt-ts-03"},
		{"QT 02/CX-HCTP", "qt-02-cx-hctp"},
		{"  Quy trình   Thủy sản ", "quy-trinh-thuy-san"},
		{"a//b--c - d", "a-b-c-d"},
		{"--x--", "x"},
		{"a\u00a0b\tc\\d", "a-b-c-d"},
		{"QT.01", "qt.01"},
		{"1.004359", "1.004359"},
		{"Đ", "d"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Slug(Slug(tt.in)); got != tt.want {
			t.Errorf("Slug(Slug(%q)) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodeSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.004359", "1.004359"},   // national TTHC code: as it is
		{" 2.001515 ", "2.001515"}, // trimmed
		{"NA-TS-01", "na-ts-01"},   // local procedure code
		{"T-HCM-055621-TT", "t-hcm-055621-tt"},
		{"T-HNO-147208-TT-SĐ", "t-hno-147208-tt-sd"},
		{"TS 01/2020", "ts-01-2020"},
		{"QT-01", "qt-01"}, // process codes
		{"QT-TS-03", "qt-ts-03"},
		{"QT 02/CX-HCTP", "qt-02-cx-hctp"},
		{"QT-ĐG-01", "qt-dg-01"},
	}
	for _, tt := range tests {
		if got := CodeSlug(tt.in); got != tt.want {
			t.Errorf("CodeSlug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const benchText = "Căn cứ Quyết định số 3465/QĐ-UBND ngày 4/9/2019 của UBND tỉnh Nghệ An thì từ " +
	"ngày 4/9/2019 đến ngày 5/10/2020, số lượng TTHC toàn ngành là 109 TTHC trong đó có 45 " +
	"TTHC được tiếp nhận hồ sơ và trả kết quả qua bộ phận tiếp nhận và trả kết quả của Cơ quan Sở."

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		_ = Fold(benchText)
	}
}

func BenchmarkFoldASCII(b *testing.B) {
	s := Fold(benchText)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = Fold(s)
	}
}

func BenchmarkSlug(b *testing.B) {
	for b.Loop() {
		_ = Slug("20/2013/TTLT-BYT-BCT-BNNPTNT")
	}
}

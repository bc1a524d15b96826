package search

import (
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"golang.org/x/text/unicode/norm"
)

// vowelRows are the twelve Vietnamese vowels, each with its six tones (none,
// huyền, sắc, hỏi, ngã, nặng), and the base letter each folds to.
var vowelRows = []struct{ lower, upper, base string }{
	{"aàáảãạ", "AÀÁẢÃẠ", "a"},
	{"ăằắẳẵặ", "ĂẰẮẲẴẶ", "a"},
	{"âầấẩẫậ", "ÂẦẤẨẪẬ", "a"},
	{"eèéẻẽẹ", "EÈÉẺẼẸ", "e"},
	{"êềếểễệ", "ÊỀẾỂỄỆ", "e"},
	{"iìíỉĩị", "IÌÍỈĨỊ", "i"},
	{"oòóỏõọ", "OÒÓỎÕỌ", "o"},
	{"ôồốổỗộ", "ÔỒỐỔỖỘ", "o"},
	{"ơờớởỡợ", "ƠỜỚỞỠỢ", "o"},
	{"uùúủũụ", "UÙÚỦŨỤ", "u"},
	{"ưừứửữự", "ƯỪỨỬỮỰ", "u"},
	{"yỳýỷỹỵ", "YỲÝỶỸỴ", "y"},
}

func TestFoldEveryVowelEveryTone(t *testing.T) {
	for _, row := range vowelRows {
		for _, s := range []string{row.lower, row.upper} {
			if n := len([]rune(s)); n != 6 {
				t.Fatalf("row %q has %d letters, want 6", s, n)
			}
			for _, r := range s {
				for _, form := range []string{string(r), norm.NFD.String(string(r))} {
					if got := Fold(form); got != row.base {
						t.Errorf("Fold(%q) = %q, want %q", form, got, row.base)
					}
				}
			}
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"đ", "d"},
		{"Đ", "d"},
		{"Ð", "d"}, // U+00D0, put for Đ by legacy encodings
		{"ĐƯỜNG", "duong"},
		{"Đường", "duong"},
		{"dương", "duong"},
		{"được cấp", "duoc cap"},
		{"Chứng chỉ hành nghề thú y", "chung chi hanh nghe thu y"},
		{"THỦ TỤC HÀNH CHÍNH", "thu tuc hanh chinh"},
		{"Sở Nông nghiệp và PTNT Nghệ An", "so nong nghiep va ptnt nghe an"},
		{"3463/QĐ-UBND", "3463/qd-ubnd"},
		{"hoà", "hoa"}, // old-style tone placement
		{"hòa", "hoa"},
		{"Thủy sản, thuỷ sản", "thuy san, thuy san"},
		{"kh\u00f4\u0309ng", "khong"}, // ô + combining hook, a mixed form
		{"", ""},
		{"abc 123", "abc 123"},
		{"naïve café", "naive cafe"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Fold(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Fold(NFD %q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldAgreesWithQMS checks that search folds Vietnamese as the rest of
// the tool does (qms.Fold, used for slugs and number keys).
func TestFoldAgreesWithQMS(t *testing.T) {
	var all strings.Builder
	for _, row := range vowelRows {
		all.WriteString(row.lower + row.upper)
	}
	all.WriteString("đĐ bcdghklmnpqrstvx BCDGHKLMNPQRSTVX 0123456789 /-.")
	for _, r := range all.String() {
		if a, b := Fold(string(r)), qms.Fold(string(r)); a != b {
			t.Errorf("Fold(%q) = %q, qms.Fold = %q", r, a, b)
		}
	}
	for _, s := range []string{"Cấp chứng chỉ hành nghề thú y", "Quyết định 3463/QĐ-UBND"} {
		if a, b := Fold(s), qms.Fold(s); a != b {
			t.Errorf("Fold(%q) = %q, qms.Fold = %q", s, a, b)
		}
	}
}

func TestLowerExact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đường", "đường"},
		{norm.NFD.String("ĐƯỜNG"), "đường"},
		{"QĐ", "qđ"},
	}
	for _, tt := range tests {
		if got := lowerExact(tt.in); got != tt.want {
			t.Errorf("lowerExact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

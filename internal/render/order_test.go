package render

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// TestCollatorKeysOrderAsCompare: comparing remembered collation keys
// orders strings as collating them each time (CompareString) does, for
// Vietnamese names and titles and for codes and numbers with numeric runs.
func TestCollatorKeysOrderAsCompare(t *testing.T) {
	pieces := []string{"", "a", "A", "á", "à", "ả", "ã", "ạ", "ă", "ắ", "â", "ấ", "đ", "Đ", "d", "D", "e", "ê", "ế", "o", "ô", "ơ", "ớ", "u", "ư", "ừ", "y", "ỹ",
		"Quy trình", "Thủ tục", "Chi cục", " ", "-", ".", "/", "QĐ", "UBND", "QT-", "0", "1", "2", "9", "10", "011", "1.004", "123", "a\u0301", "\u00a0", "Z", "z"}
	r := rand.New(rand.NewPCG(5, 6))
	str := func() string {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	text := collate.New(language.Vietnamese)
	code := collate.New(language.Vietnamese, collate.Numeric)
	c := newCollator()
	for range 50000 {
		a, b := str(), str()
		wantText := text.CompareString(a, b) < 0 || text.CompareString(a, b) == 0 && a < b
		wantCode := code.CompareString(a, b) < 0 || code.CompareString(a, b) == 0 && a < b
		if got := c.less(a, b); got != wantText {
			t.Fatalf("less(%q, %q) = %v, CompareString says %v", a, b, got, wantText)
		}
		if got := c.lessCode(a, b); got != wantCode {
			t.Fatalf("lessCode(%q, %q) = %v, CompareString says %v", a, b, got, wantCode)
		}
	}
}

// lessCode orders codes with numeric runs compared as numbers.
func (c *collator) lessCode(a, b string) bool {
	return compareCollated(collated{c.codeKey(a), a}, collated{c.codeKey(b), b}) < 0
}

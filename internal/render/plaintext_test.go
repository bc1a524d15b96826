package render

import (
	"math/rand"
	"strings"
	"testing"
)

// TestSpaceCollapser: writing pieces of text, with block breaks between
// some of them, gives what strings.Fields and Join give on the whole text,
// for every kind of white space, Vietnamese letters and invalid UTF-8.
func TestSpaceCollapser(t *testing.T) {
	alphabet := []string{"a", "đ", "Ướ", " ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\xff", "x", "  "}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		var c spaceCollapser
		var whole strings.Builder
		for j := rng.Intn(12); j > 0; j-- {
			var piece strings.Builder
			for k := rng.Intn(6); k > 0; k-- {
				piece.WriteString(alphabet[rng.Intn(len(alphabet))])
			}
			c.write([]byte(piece.String()))
			whole.WriteString(piece.String())
			if rng.Intn(3) == 0 {
				c.space()
				whole.WriteByte(' ')
			}
		}
		want := strings.Join(strings.Fields(whole.String()), " ")
		if got := c.b.String(); got != want {
			t.Fatalf("text %q: got %q, want %q", whole.String(), got, want)
		}
	}
}

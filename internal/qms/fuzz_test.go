package qms

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The seed corpora are in testdata/fuzz/<FuzzName>/ and run as ordinary
// tests. Run a target for a minute with
//
//	go test ./internal/qms -run '^$' -fuzz '^FuzzParseNumber$' -fuzztime 60s -fuzzminimizetime 5s
//
// (with the default minimize time of 60s, minimizing one new input can
// stall the count of executions for most of the minute).

// FuzzParseNumber checks that ParseNumber, ParseRef, Fold and Slug never
// panic and that a parsed number's canonical spelling is a fixed point:
// String() parses back to the same Number, hence the same Key.
func FuzzParseNumber(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			if !n.IsZero() || err.Error() == "" {
				t.Fatalf("ParseNumber(%q) = %#v, %v: want the zero Number and a message", s, n, err)
			}
		} else {
			checkNumber(t, s, n)
		}

		r, err := ParseRef(s)
		if err == nil {
			again, err := ParseRef(r.String())
			if err != nil || again != r {
				t.Fatalf("ParseRef(%q) = %+v; ParseRef(%q) = %+v, %v", s, r, r.String(), again, err)
			}
		}

		if utf8.ValidString(s) {
			checkFold(t, s)
		}
	})
}

func checkNumber(t *testing.T, in string, n Number) {
	t.Helper()
	if n.IsZero() || n.Seq[0] < '0' || n.Seq[0] > '9' || n.Symbol == "" {
		t.Fatalf("ParseNumber(%q) = %#v: want a seq that starts with a digit and a symbol", in, n)
	}
	str := n.String()
	again, err := ParseNumber(str)
	if err != nil {
		t.Fatalf("ParseNumber(%q) = %#v, but its String %q does not parse: %v", in, n, str, err)
	}
	if again != n || again.Key() != n.Key() || again.FoldedKey() != n.FoldedKey() {
		t.Fatalf("ParseNumber(%q) = %#v; ParseNumber(%q) = %#v, want the same", in, n, str, again)
	}
	if n.Key() == "" || Fold(n.Key()) != strings.ToLower(Fold(n.Key())) {
		t.Fatalf("ParseNumber(%q): Key %q", in, n.Key())
	}
	slug := n.Slug()
	for i := 0; i < len(slug); i++ {
		c := slug[i]
		if c >= utf8.RuneSelf || c == '/' || c == ' ' || ('A' <= c && c <= 'Z') {
			t.Fatalf("ParseNumber(%q).Slug() = %q: want lower-case ASCII without / or spaces", in, slug)
		}
	}
	if slug == "" || Slug(slug) != slug {
		t.Fatalf("ParseNumber(%q).Slug() = %q, Slug of it %q", in, slug, Slug(slug))
	}
}

func checkFold(t *testing.T, s string) {
	t.Helper()
	f := Fold(s)
	if Fold(f) != f {
		t.Fatalf("Fold(%q) = %q, Fold of that = %q: want a fixed point", s, f, Fold(f))
	}
	if Fold(composeVN(s)) != f {
		t.Fatalf("Fold(%q) = %q but Fold(composeVN) = %q", s, f, Fold(composeVN(s)))
	}
	for _, r := range f {
		if isCombining(r) {
			t.Fatalf("Fold(%q) = %q keeps the combining mark %U", s, f, r)
		}
	}
	if sl := Slug(s); Slug(sl) != sl || strings.Contains(sl, "--") || strings.ContainsAny(sl, "/ ") {
		t.Fatalf("Slug(%q) = %q, Slug of that = %q", s, sl, Slug(sl))
	}
}

// FuzzParseDuration checks that ParseDuration never panics and that a
// parsed duration is positive, bounded and survives String().
func FuzzParseDuration(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			if d != (Duration{}) || err.Error() == "" {
				t.Fatalf("ParseDuration(%q) = %#v, %v: want the zero Duration and a message", s, d, err)
			}
			return
		}
		if d.Value < 1 || d.Value > maxDurationValue || d.Unit < WorkHours || d.Unit > CalendarDays {
			t.Fatalf("ParseDuration(%q) = %#v: out of range", s, d)
		}
		again, err := ParseDuration(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDuration(%q) = %#v; ParseDuration(%q) = %#v, %v", s, d, d.String(), again, err)
		}
		if h, ok := d.WorkingHours(); ok != (d.Unit == WorkHours || d.Unit == WorkDays) || (ok && h < d.Value) {
			t.Fatalf("ParseDuration(%q) = %#v: WorkingHours = %d, %v", s, d, h, ok)
		}
	})
}

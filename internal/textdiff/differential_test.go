package textdiff

import (
	"math/rand"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestDiffMatchesReference: Diff gives exactly the reference's edits (the
// same shortest script among the many), on random inputs of all sizes and
// bounds.
func TestDiffMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		n, m := rng.Intn(40), rng.Intn(40)
		if rng.Intn(10) == 0 {
			n, m = rng.Intn(400), rng.Intn(400)
		}
		alpha := 1 + rng.Intn(8)
		a := randBytes(rng, n, alpha)
		b := randBytes(rng, m, alpha)
		if rng.Intn(3) == 0 && n > 0 {
			// A copy of a with a few changes, as texts are.
			b = append([]byte(nil), a...)
			for range 1 + rng.Intn(4) {
				j := rng.Intn(len(b) + 1)
				switch rng.Intn(3) {
				case 0:
					b = append(b[:j], append(randBytes(rng, rng.Intn(5), alpha), b[j:]...)...)
				case 1:
					b = append(b[:j], b[min(len(b), j+rng.Intn(5)):]...)
				default:
					if j < len(b) {
						b[j] = 'z'
					}
				}
			}
		}
		maxD := []int{0, 1, 3, 10, 1000}[rng.Intn(5)]
		got, want := Diff(a, b, maxD), refDiff(a, b, maxD)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Diff(%q, %q, %d)\n got %v\nwant %v", a, b, maxD, got, want)
		}
	}
}

// checkText fails when Text differs from the reference on old and new.
func checkText(t *testing.T, old, new string, opt Options) {
	t.Helper()
	got, want := Text(old, new, opt), refText(old, new, opt)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Text(%q, %q, %+v)\n got %+v\nwant %+v", old, new, opt, got, want)
	}
}

// randText builds a text from pieces that exercise every token class:
// Vietnamese words, digits, white space, newlines, punctuation, combining
// marks, invalid UTF-8 and e-mail addresses.
func randText(rng *rand.Rand, n int) string {
	pieces := []string{"a", "b", "ngày", "Sở", "05", " ", "  ", "\t", "\n", "\n\n", ".", ",", "(", "-", "e\u0301", "\u00a0", "\xff", "\xe1\xbb", "x@y.vn", "<&>", "đ"}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

// TestTextMatchesReference: Text gives exactly the reference's result on
// random texts and on edited copies of them, with default and tight
// options.
func TestTextMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 20000; i++ {
		old := randText(rng, rng.Intn(60))
		var new string
		switch rng.Intn(3) {
		case 0:
			new = randText(rng, rng.Intn(60))
		default:
			// A few pieces of old replaced, as an edit does.
			new = old
			for range 1 + rng.Intn(3) {
				j, k := rng.Intn(len(new)+1), rng.Intn(len(new)+1)
				j, k = min(j, k), max(j, k)
				new = new[:j] + randText(rng, rng.Intn(6)) + new[k:]
			}
		}
		opt := Options{}
		if rng.Intn(2) == 0 {
			opt = Options{
				Context:       rng.Intn(5) - 1,
				MaxLineEdits:  rng.Intn(6),
				MaxWordTokens: rng.Intn(80),
				MaxWordEdits:  rng.Intn(30),
				MaxBytes:      rng.Intn(200),
			}
		}
		checkText(t, old, new, opt)
	}
}

// TestTextMatchesReferenceRealistic: Text gives exactly the reference's
// result on consecutive versions from a generated history, with the
// options of the revision pages and with tight ones.
func TestTextMatchesReferenceRealistic(t *testing.T) {
	for i, p := range realisticPairs(t, 300, 600) {
		checkText(t, p.old, p.new, Options{Context: 3})
		checkText(t, p.new, p.old, Options{})
		if i%4 == 0 {
			checkText(t, p.old, p.new, Options{Context: -1, MaxWordTokens: 150, MaxWordEdits: 40, MaxBytes: 700})
		}
	}
}

// TestClass: the fast paths of class agree with the Unicode tables on
// every rune.
func TestClass(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF+1; r++ {
		if got, want := class(r), refClass(r); got != want {
			t.Fatalf("class(%U) = %d, want %d", r, got, want)
		}
	}
}

// ids turns bytes into symbols.
func ids(bs []byte) []int32 {
	out := make([]int32, len(bs))
	for i, c := range bs {
		out[i] = int32(c)
	}
	return out
}

// TestLCSLength compares the bit-parallel LCS with dynamic programming,
// on lengths around the 64-bit word boundaries.
func TestLCSLength(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	var mem lcsMem
	for i := 0; i < 3000; i++ {
		alpha := 1 + rng.Intn(6)
		a := randBytes(rng, rng.Intn(200), alpha)
		b := randBytes(rng, rng.Intn(200), alpha)
		got, ok := mem.lcsLength(ids(a), ids(b), 256)
		if want := (len(a) + len(b) - lcsCost(a, b)) / 2; !ok || got != want {
			t.Fatalf("lcsLength(%q, %q) = %d, %v; want %d", a, b, got, ok, want)
		}
	}
	// 9000 distinct symbols take 9000 rows of 141 words.
	distinct := make([]int32, 9000)
	for i := range distinct {
		distinct[i] = int32(i)
	}
	if _, ok := mem.lcsLength(distinct, []int32{0}, len(distinct)); ok {
		t.Error("lcsLength takes a table beyond maxLCSWords")
	}
}

// TestDiffWithDistance: the search bounded by the distance gives the
// reference's edits, also when the distance is too large (the cone is
// only wider) or too small (the search starts again without it), and gives
// up at once beyond maxD.
func TestDiffWithDistance(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	var mem lcsMem
	var trace []int32
	for i := 0; i < 5000; i++ {
		n, m := rng.Intn(150), rng.Intn(150)
		alpha := 2 + rng.Intn(10)
		a, b := randBytes(rng, n, alpha), randBytes(rng, m, alpha)
		skew := []int{0, 0, 2, -2}[rng.Intn(4)]
		dist := func(x, y []int32) (int, bool) {
			l, ok := mem.lcsLength(x, y, 256)
			return len(x) + len(y) - 2*l + skew, ok
		}
		maxD := []int{20, 60, 1000}[rng.Intn(3)]
		if skew > 0 && maxD < 1000 {
			maxD = 1000 // an overestimate may give up too early
		}
		got := appendDiff(nil, ids(a), ids(b), maxD, &trace, dist)
		if want := refDiff(ids(a), ids(b), maxD); !reflect.DeepEqual(got, want) {
			t.Fatalf("appendDiff(%q, %q, %d) with distance skewed %d\n got %v\nwant %v", a, b, maxD, skew, got, want)
		}
	}
}

// TestInterner: equal strings get one id, different strings different
// ids, in order of first sight, through the table's growth and reset.
func TestInterner(t *testing.T) {
	in := newInterner()
	for round := 0; round < 2; round++ {
		for i := 0; i < 3000; i++ {
			s := strconv.Itoa(i)
			if id := in.id(s); id != int32(i) {
				t.Fatalf("round %d: id(%q) = %d, want %d", round, s, id, i)
			}
			if id := in.id(strconv.Itoa(i / 2)); id != int32(i/2) {
				t.Fatalf("round %d: id of a known string %q = %d", round, strconv.Itoa(i/2), id)
			}
		}
		in.reset()
	}
}

// TestTextAfterHugeInput: a call with more distinct lines than a pooled
// interner keeps leaves the next calls right.
func TestTextAfterHugeInput(t *testing.T) {
	var old, new strings.Builder
	for i := 0; i < 3*maxKeptInterner/4; i++ {
		old.WriteString(strconv.Itoa(i) + "\n")
		new.WriteString(strconv.Itoa(i+1) + "\n")
	}
	checkText(t, old.String(), new.String(), Options{})
	for i := 0; i < 50; i++ {
		checkText(t, "Thời hạn 05 ngày làm việc.\n", "Thời hạn 03 ngày làm việc.\n", Options{})
	}
}

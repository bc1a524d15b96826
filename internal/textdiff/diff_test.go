package textdiff

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// apply rebuilds both sequences from the edits and checks that they are
// contiguous.
func apply[T comparable](t *testing.T, a, b []T, edits []Edit) {
	t.Helper()
	var gotA, gotB []T
	ai, bi := 0, 0
	for _, e := range edits {
		if e.A0 != ai || e.B0 != bi {
			t.Fatalf("edit %+v does not continue at a=%d b=%d", e, ai, bi)
		}
		switch e.Op {
		case Eq:
			if e.A1-e.A0 != e.B1-e.B0 {
				t.Fatalf("Eq of unequal lengths: %+v", e)
			}
			for i := 0; i < e.A1-e.A0; i++ {
				if a[e.A0+i] != b[e.B0+i] {
					t.Fatalf("Eq %+v covers different elements", e)
				}
			}
			gotA = append(gotA, a[e.A0:e.A1]...)
			gotB = append(gotB, b[e.B0:e.B1]...)
		case Del:
			if e.B0 != e.B1 {
				t.Fatalf("Del moves b: %+v", e)
			}
			gotA = append(gotA, a[e.A0:e.A1]...)
		case Ins:
			if e.A0 != e.A1 {
				t.Fatalf("Ins moves a: %+v", e)
			}
			gotB = append(gotB, b[e.B0:e.B1]...)
		}
		ai, bi = e.A1, e.B1
	}
	if ai != len(a) || bi != len(b) {
		t.Fatalf("edits end at a=%d b=%d, want %d %d", ai, bi, len(a), len(b))
	}
	if len(a) > 0 && !reflect.DeepEqual(gotA, a) || len(b) > 0 && !reflect.DeepEqual(gotB, b) {
		t.Fatalf("rebuilt %v %v, want %v %v", gotA, gotB, a, b)
	}
}

func cost(edits []Edit) int {
	n := 0
	for _, e := range edits {
		n += (e.A1 - e.A0) * b2i(e.Op == Del)
		n += (e.B1 - e.B0) * b2i(e.Op == Ins)
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lcsCost is the minimal number of deletions plus insertions, by dynamic
// programming.
func lcsCost(a, b []byte) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return len(a) + len(b) - 2*dp[0][0]
}

func TestDiffExamples(t *testing.T) {
	tests := []struct {
		a, b string
		want []Edit
	}{
		{"", "", nil},
		{"abc", "abc", []Edit{{Eq, 0, 3, 0, 3}}},
		{"", "ab", []Edit{{Ins, 0, 0, 0, 2}}},
		{"ab", "", []Edit{{Del, 0, 2, 0, 0}}},
		{"abcd", "abxd", []Edit{{Eq, 0, 2, 0, 2}, {Del, 2, 3, 2, 2}, {Ins, 3, 3, 2, 3}, {Eq, 3, 4, 3, 4}}},
		{"xabc", "abc", []Edit{{Del, 0, 1, 0, 0}, {Eq, 1, 4, 0, 3}}},
	}
	for _, tt := range tests {
		got := Diff([]byte(tt.a), []byte(tt.b), 100)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Diff(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestDiffRandom compares Diff with the dynamic-programming edit distance
// on random short strings over small alphabets.
func TestDiffRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		a := randBytes(rng, rng.Intn(14), 1+rng.Intn(4))
		b := randBytes(rng, rng.Intn(14), 1+rng.Intn(4))
		e := Diff(a, b, 1000)
		apply(t, a, b, e)
		if got, want := cost(e), lcsCost(a, b); got != want {
			t.Fatalf("Diff(%q, %q) costs %d, shortest is %d: %v", a, b, got, want, e)
		}
	}
}

// TestDiffBound: beyond maxD the result is still a correct script, with the
// changed middle as one deletion and one insertion.
func TestDiffBound(t *testing.T) {
	a := []byte("head-abcdefghij-tail")
	b := []byte("head-ABCDEFGHIJ-tail")
	e := Diff(a, b, 5)
	apply(t, a, b, e)
	want := []Edit{{Eq, 0, 5, 0, 5}, {Del, 5, 15, 5, 5}, {Ins, 15, 15, 5, 15}, {Eq, 15, 20, 15, 20}}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("bounded Diff = %v, want %v", e, want)
	}
	if e := Diff(a, b, 20); cost(e) != 20 {
		t.Errorf("unbounded cost %d", cost(e))
	}
}

func randBytes(rng *rand.Rand, n, alpha int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + rng.Intn(alpha))
	}
	return b
}

// TestDiffLarge: two large unrelated inputs finish within the bound.
func TestDiffLarge(t *testing.T) {
	a := make([]int32, 200000)
	b := make([]int32, 200000)
	for i := range a {
		a[i] = int32(i)
		b[i] = int32(-i - 1)
	}
	e := Diff(a, b, 100)
	apply(t, a, b, e)
	if len(e) != 2 {
		t.Errorf("%d edits, want 2", len(e))
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("Lần ban hành: 02  (3463/QĐ-UBND)\nhết")
	want := []string{"Lần", " ", "ban", " ", "hành", ":", " ", "02", "  ", "(", "3463", "/", "QĐ", "-", "UBND", ")", "\n", "hết"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q", got)
	}
}

// show renders segments as [-del-]{+ins+} and (…N…) for gaps.
func show(r *Result) string {
	var b strings.Builder
	for _, s := range r.Segments {
		switch s.Op {
		case Eq:
			b.WriteString(s.Text)
		case Del:
			b.WriteString("[-" + s.Text + "-]")
		case Ins:
			b.WriteString("{+" + s.Text + "+}")
		case Gap:
			b.WriteString("(…" + strings.Repeat("|", s.Lines) + "…)")
		}
	}
	if r.Truncated {
		b.WriteString("(cut)")
	}
	return b.String()
}

func TestText(t *testing.T) {
	tests := []struct {
		name, old, new, want string
		opt                  Options
	}{
		{"word", "Thời hạn 05 ngày làm việc.\n", "Thời hạn 03 ngày làm việc.\n", "Thời hạn [-05-]{+03+} ngày làm việc.\n", Options{}},
		{"phrase", "Do Chi cục trưởng ký.\n", "Do Giám đốc Sở ký.\n", "Do [-Chi cục trưởng-]{+Giám đốc Sở+} ký.\n", Options{}},
		{"added line", "a\nb\n", "a\nx y\nb\n", "a\n{+x y\n+}b\n", Options{}},
		{"deleted line", "a\nb\nc\n", "a\nc\n", "a\n[-b\n-]c\n", Options{}},
		{"no newline at end", "a", "a b", "a{+ b+}", Options{}},
		{"equal", "a\nb\nc\n", "a\nb\nc\n", "(…|||…)", Options{}},
		{"gaps", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nV\n6\n7\n8\n9\n", "(…||…)3\n4\n[-5-]{+V+}\n6\n7\n(…||…)", Options{}},
		{"no context", "1\n2\n3\n", "1\nX\n3\n", "(…|…)[-2-]{+X+}\n(…|…)", Options{Context: -1}},
		{"whole lines when large", "a b c\n", "d e f\n", "[-a b c\n-]{+d e f\n+}", Options{MaxWordTokens: 4}},
		{"truncated", "x\n", "x\nabcdefghij\n", "x\n{+abc+}(cut)", Options{MaxBytes: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(Text(tt.old, tt.new, tt.opt)); got != tt.want {
				t.Errorf("Text(%q, %q)\n got %q\nwant %q", tt.old, tt.new, got, tt.want)
			}
		})
	}
	r := Text("một hai ba\n", "một bốn ba năm\n", Options{})
	if r.Deleted != 1 || r.Inserted != 2 {
		t.Errorf("counts: deleted %d inserted %d, want 1 2", r.Deleted, r.Inserted)
	}
	if Text("a\n", "a\n", Options{}).Equal() != true || Text("a\n", "b\n", Options{}).Equal() {
		t.Error("Equal is wrong")
	}
}

// FuzzText: any two texts give a diff whose kept and deleted parts rebuild
// the old text and whose kept and inserted parts rebuild the new one, with
// default and with tight bounds.
func FuzzText(f *testing.F) {
	f.Add("a b c\nd\n", "a x c\n\nd e")
	f.Add("", "xyz")
	f.Add("Lần ban hành: 1\n", "Lần ban hành: 2\n")
	f.Add("Do Chi cục trưởng ký.\n\nx\xff\n", "Do Giám đốc Sở ký.\n\nx\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		checkRebuild(t, old, new, Options{Context: 1 << 30})
		checkRebuild(t, old, new, Options{Context: 1 << 30, MaxWordEdits: 50, MaxLineEdits: 20, MaxWordTokens: 30})
	})
}

// checkRebuild fails unless Text(old, new, opt), opt keeping every
// unchanged line, rebuilds both texts, says whether they are equal, and
// counts no more changed words than the texts have.
func checkRebuild(t *testing.T, old, new string, opt Options) {
	t.Helper()
	r := Text(old, new, opt)
	if old == new {
		if !r.Equal() || len(r.Segments) > 1 {
			t.Fatalf("equal texts give %v", r.Segments)
		}
		return
	}
	var o, n strings.Builder
	for _, s := range r.Segments {
		switch s.Op {
		case Eq:
			o.WriteString(s.Text)
			n.WriteString(s.Text)
		case Del:
			o.WriteString(s.Text)
		case Ins:
			n.WriteString(s.Text)
		case Gap:
			t.Fatalf("gap with unbounded context")
		}
	}
	if !r.Truncated && (o.String() != old || n.String() != new) {
		t.Fatalf("rebuilt %q / %q from %q / %q", o.String(), n.String(), old, new)
	}
	if r.Equal() {
		t.Fatalf("different texts %q / %q compare equal", old, new)
	}
	if r.Deleted > len(Tokens(old)) || r.Inserted > len(Tokens(new)) {
		t.Fatalf("counts %d deleted, %d inserted of %d and %d tokens", r.Deleted, r.Inserted, len(Tokens(old)), len(Tokens(new)))
	}
}

// BenchmarkText compares two versions of a long document that differ in a
// few places.
func BenchmarkText(b *testing.B) {
	var old strings.Builder
	for i := 0; i < 400; i++ {
		old.WriteString("Bước tiếp nhận hồ sơ của tổ chức, cá nhân tại Trung tâm Phục vụ hành chính công tỉnh.\n")
	}
	o := old.String()
	n := strings.Replace(o, "tổ chức", "doanh nghiệp", 3)
	n = strings.Replace(n, "tỉnh.\n", "tỉnh Nghệ An.\n", 2)
	b.ReportAllocs()
	for b.Loop() {
		Text(o, n, Options{})
	}
}

// Tokens splits s into words (runs of letters, marks and digits), runs of
// white space other than newlines, newlines, and single other characters.
// Joined, the tokens give s back.
func Tokens(s string) []string {
	toks, _ := split(s, tokenSize)
	return toks
}

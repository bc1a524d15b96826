package history

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

func TestCommonPrefixSuffix(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	slow := func(a, b []byte) (p, s int) {
		for p < len(a) && p < len(b) && a[p] == b[p] {
			p++
		}
		for s < len(a) && s < len(b) && a[len(a)-1-s] == b[len(b)-1-s] {
			s++
		}
		return p, s
	}
	for k := 0; k < 20000; k++ {
		a := make([]byte, rng.IntN(1200))
		for i := range a {
			a[i] = byte(rng.IntN(3))
		}
		b := bytes.Clone(a)
		switch rng.IntN(4) {
		case 0:
			if len(b) > 0 {
				b[rng.IntN(len(b))] ^= 1 + byte(rng.IntN(2))
			}
		case 1:
			b = b[rng.IntN(len(b)+1):]
		case 2:
			b = b[:rng.IntN(len(b)+1)]
		case 3:
			i := rng.IntN(len(b) + 1)
			b = append(b[:i:i], append([]byte{9, 9}, b[i:]...)...)
		}
		wp, ws := slow(a, b)
		if p := commonPrefix(a, b); p != wp {
			t.Fatalf("commonPrefix(%x, %x) = %d, want %d", a, b, p, wp)
		}
		if s := commonSuffix(a, b); s != ws {
			t.Fatalf("commonSuffix(%x, %x) = %d, want %d", a, b, s, ws)
		}
	}
}

// rawTreeOf makes a tree object's content from names (a trailing '/'
// makes a directory) and one-byte hash seeds, in the order given.
func rawTreeOf(ents ...string) []byte {
	var b []byte
	for _, e := range ents {
		name, seed, _ := strings.Cut(e, "=")
		mode := "100644"
		if n, ok := strings.CutSuffix(name, "/"); ok {
			name, mode = n, "40000"
		}
		b = append(b, mode+" "+name+"\x00"...)
		b = append(b, bytes.Repeat([]byte(seed[:1]), 20)...)
	}
	return b
}

// oldDiffTree is the differ's merge-join on parsed trees, as it was before
// it read raw trees; the test oracle.
func oldDiffTree(ta, tb *tree, emit func(name string, a, b plumbing.Hash)) {
	var na, nb int
	if ta != nil {
		na = len(ta.ents)
	}
	if tb != nil {
		nb = len(tb.ents)
	}
	for i, j := 0, 0; i < na || j < nb; {
		var c int
		switch {
		case i == na:
			c = 1
		case j == nb:
			c = -1
		default:
			c = compareEntries(ta, i, tb, j)
		}
		switch {
		case c == 0:
			if ta.ents[i].mode != tb.ents[j].mode || !bytes.Equal(ta.hashBytes(i), tb.hashBytes(j)) {
				emit(string(ta.name(i)), ta.hash(i), tb.hash(j))
			}
			i++
			j++
		case c < 0:
			emit(string(ta.name(i)), ta.hash(i), plumbing.ZeroHash)
			i++
		default:
			emit(string(tb.name(j)), plumbing.ZeroHash, tb.hash(j))
			j++
		}
	}
}

// TestRawDiffMatchesParsed runs the raw merge-join with its prefix and
// suffix skipping (one level: the trees' entries are all files) against
// the parsed merge-join on random pairs of sorted trees.
func TestRawDiffMatchesParsed(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for k := 0; k < 20000; k++ {
		var a, b []string
		n := rng.IntN(40)
		for i := 0; i < n; i++ {
			name := fmt.Sprintf("f%03d.md", i)
			if rng.IntN(7) == 0 {
				name = fmt.Sprintf("f%03d", i) // sorts before f%03d.md, as a directory after it
			}
			seed := string(rune('a' + rng.IntN(3)))
			if rng.IntN(4) != 0 {
				a = append(a, name+"="+seed)
			}
			switch rng.IntN(6) {
			case 0:
			case 1:
				b = append(b, name+"="+string(rune('a'+rng.IntN(3))))
			default:
				b = append(b, name+"="+seed)
			}
		}
		ra, rb := rawTreeOf(a...), rawTreeOf(b...)
		pa, err := parseTree(ra)
		if err != nil {
			t.Fatal(err)
		}
		pb, err := parseTree(rb)
		if err != nil {
			t.Fatal(err)
		}
		var want, got []string
		oldDiffTree(pa, pb, func(name string, x, y plumbing.Hash) {
			want = append(want, fmt.Sprintf("%s %x %x", name, x[:1], y[:1]))
		})
		o := newODB(nil, "")
		d := &differ{odb: o, ids: map[string]int32{}}
		ha, hb := plumbing.ComputeHash(plumbing.TreeObject, ra), plumbing.ComputeHash(plumbing.TreeObject, rb)
		o.cache.put(ckey{pack: -1, h: ha}, &cobj{typ: plumbing.TreeObject, raw: ra})
		o.cache.put(ckey{pack: -1, h: hb}, &cobj{typ: plumbing.TreeObject, raw: rb})
		o.packsOpened = true
		d.emit = func(p []byte, x, y version) {
			got = append(got, fmt.Sprintf("%s %x %x", strings.TrimPrefix(string(p), "/"), x.hash[:1], y.hash[:1]))
		}
		if ha == hb {
			continue
		}
		if err := d.diffTree(ha, hb); err != nil {
			t.Fatal(err)
		}
		// The differ reports *.md files only, and descends into
		// directories (none here: every entry is a file).
		var wantMD []string
		for _, w := range want {
			if strings.Contains(w, ".md ") {
				wantMD = append(wantMD, w)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(wantMD) {
			t.Fatalf("trees\n%q\n%q\nraw diff %q\nparsed diff %q", a, b, got, wantMD)
		}
	}
}

func BenchmarkCommonSuffix(b *testing.B) {
	x := bytes.Repeat([]byte("100644 decision-00001.md\x00abcdefghijklmnopqrst"), 330)
	y := bytes.Clone(x)
	y[100] ^= 1
	for b.Loop() {
		commonSuffix(x, y)
	}
}

// compareEntries orders entry i of a against entry j of b the way git
// sorts tree entries (the parsed trees' order, for the tests).
func compareEntries(a *tree, i int, b *tree, j int) int {
	return compareNames(a.name(i), a.isDir(i), b.name(j), b.isDir(j))
}

package history

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/memory"
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

// parsedDiffTree is a plain merge-join of two trees decoded by go-git;
// the test oracle.
func parsedDiffTree(ta, tb *object.Tree, emit func(name string, a, b plumbing.Hash)) {
	na, nb := len(ta.Entries), len(tb.Entries)
	for i, j := 0, 0; i < na || j < nb; {
		var c int
		switch {
		case i == na:
			c = 1
		case j == nb:
			c = -1
		default:
			ea, eb := ta.Entries[i], tb.Entries[j]
			c = compareNames([]byte(ea.Name), ea.Mode == filemode.Dir, []byte(eb.Name), eb.Mode == filemode.Dir)
		}
		switch {
		case c == 0:
			if ta.Entries[i].Mode != tb.Entries[j].Mode || ta.Entries[i].Hash != tb.Entries[j].Hash {
				emit(ta.Entries[i].Name, ta.Entries[i].Hash, tb.Entries[j].Hash)
			}
			i++
			j++
		case c < 0:
			emit(ta.Entries[i].Name, ta.Entries[i].Hash, plumbing.ZeroHash)
			i++
		default:
			emit(tb.Entries[j].Name, plumbing.ZeroHash, tb.Entries[j].Hash)
			j++
		}
	}
}

// storeTree stores raw as a tree object in st and returns it decoded.
func storeTree(t *testing.T, st *memory.Storage, raw []byte) (plumbing.Hash, *object.Tree) {
	obj := st.NewEncodedObject()
	obj.SetType(plumbing.TreeObject)
	w, _ := obj.Writer()
	w.Write(raw)
	w.Close()
	h, err := st.SetEncodedObject(obj)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := object.GetTree(st, h)
	if err != nil {
		t.Fatal(err)
	}
	return h, tr
}

// TestRawDiffMatchesParsed runs the raw merge-join with its prefix and
// suffix skipping (one level: the trees' entries are all files) against
// a merge-join of the trees go-git decodes, on random pairs of sorted trees.
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
		st := memory.NewStorage()
		ha, pa := storeTree(t, st, rawTreeOf(a...))
		hb, pb := storeTree(t, st, rawTreeOf(b...))
		var want, got []string
		parsedDiffTree(pa, pb, func(name string, x, y plumbing.Hash) {
			want = append(want, fmt.Sprintf("%s %x %x", name, x[:1], y[:1]))
		})
		d := &differ{st: st, ids: map[string]int32{}}
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

package history

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// checkDelta compares patchDelta with go-git's PatchDelta on one input:
// both fail, or both give the same bytes.
func checkDelta(t *testing.T, base, delta []byte) {
	t.Helper()
	want, wantErr := packfile.PatchDelta(base, delta)
	got, err := patchDelta(base, delta)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("patchDelta(%x, %x): error %v, go-git %v", base, delta, err, wantErr)
	}
	if err == nil && !bytes.Equal(got, want) {
		t.Fatalf("patchDelta(%x, %x) = %x, go-git %x", base, delta, got, want)
	}
}

// appendSize appends a delta header size.
func appendSize(b []byte, n int) []byte {
	for n >= 0x80 {
		b = append(b, byte(n)|0x80)
		n >>= 7
	}
	return append(b, byte(n))
}

// randomDelta makes a delta from base: mostly valid (copies and inserts that
// add up to the size it names), sometimes broken in one of the ways a
// corrupt pack is.
func randomDelta(rng *rand.Rand, base []byte) []byte {
	var body []byte
	size := 0
	for k := rng.IntN(6); k >= 0; k-- {
		if rng.IntN(2) == 0 && len(base) > 0 {
			off := rng.IntN(len(base))
			sz := 1 + rng.IntN(len(base)-off)
			cmd := byte(0x80)
			var args []byte
			for i := 0; i < 4; i++ {
				if v := byte(off >> (8 * i)); v != 0 || rng.IntN(4) == 0 {
					cmd |= 1 << i
					args = append(args, v)
				}
			}
			for i := 0; i < 3; i++ {
				if v := byte(sz >> (8 * i)); v != 0 {
					cmd |= 0x10 << i
					args = append(args, v)
				}
			}
			body = append(append(body, cmd), args...)
			size += sz
		} else {
			n := 1 + rng.IntN(127)
			body = append(body, byte(n))
			for i := 0; i < n; i++ {
				body = append(body, byte(rng.IntN(256)))
			}
			size += n
		}
	}
	src := len(base)
	switch rng.IntN(12) {
	case 0:
		size += rng.IntN(5) - 2 // target size off
	case 1:
		src += rng.IntN(3) - 1 // base size off
	case 2:
		if len(body) > 0 {
			body = body[:rng.IntN(len(body))] // truncated
		}
	case 3:
		body = append(body, byte(rng.IntN(256))) // trailing byte
	case 4:
		if len(body) > 0 {
			body[rng.IntN(len(body))] = byte(rng.IntN(256)) // flipped byte
		}
	case 5:
		body = append(body, 0) // the reserved command
	}
	d := appendSize(nil, max(0, src))
	d = appendSize(d, max(0, size))
	return append(d, body...)
}

func TestPatchDeltaMatchesGoGit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		base := make([]byte, rng.IntN(300))
		for j := range base {
			base[j] = byte(rng.IntN(256))
		}
		checkDelta(t, base, randomDelta(rng, base))
	}
	// Fixed cases: empty base, short delta, a 0x10000 copy (size bytes all
	// absent), a target of zero bytes, sizes that overflow.
	big := bytes.Repeat([]byte("x"), 0x10000)
	checkDelta(t, nil, []byte{0, 0})
	checkDelta(t, []byte("a"), []byte{1})
	checkDelta(t, big, append(appendSize(appendSize(nil, len(big)), len(big)), 0x80))
	checkDelta(t, []byte("a"), []byte{1, 0})
	checkDelta(t, []byte("a"), []byte{1, 0, 0x91, 0, 1})
	checkDelta(t, []byte("a"), append([]byte{1}, bytes.Repeat([]byte{0xff}, 12)...))
	checkDelta(t, []byte("a"), []byte{1, 0xff, 0xff, 0xff, 0x7f, 0x91, 0, 1})
}

func FuzzPatchDelta(f *testing.F) {
	f.Add([]byte("abcdef"), []byte{6, 9, 0x91, 1, 3, 3, 'x', 'y', 'z', 0x90, 3})
	f.Add([]byte("a"), []byte{1, 0})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		checkDelta(t, base, delta)
	})
}

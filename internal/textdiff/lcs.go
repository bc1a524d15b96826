package textdiff

import "math/bits"

// maxLCSWords bounds the match table of lcsLength, in 64-bit words (8 MiB).
const maxLCSWords = 1 << 20

// lcsMem is the memory of lcsLength, kept between calls.
type lcsMem struct {
	rowOf []int32  // per symbol: its row of peq, or -1
	peq   []uint64 // per symbol of a: the bit set of its positions in a
	v     []uint64
}

// lcsLength returns the length of a longest common subsequence of a and b,
// whose elements are symbols in [0, symbols), by the bit-parallel
// algorithm of Crochemore, Iliopoulos, Pinzon and Reid (2001): one bit
// vector over a, updated with a word-wide addition for each element of b,
// in O(len(b)·len(a)/64) steps. It reports false, having done nothing,
// when its table would exceed maxLCSWords.
func (mem *lcsMem) lcsLength(a, b []int32, symbols int) (int, bool) {
	w := (len(a) + 63) / 64
	if w == 0 || len(b) == 0 {
		return 0, true
	}
	if w > maxLCSWords {
		return 0, false
	}
	rowOf := mem.rowOf[:0]
	for range symbols {
		rowOf = append(rowOf, -1)
	}
	mem.rowOf = rowOf
	// peq[row*w:(row+1)*w] has bit i set where a[i] is the row's symbol.
	peq := mem.peq[:0]
	rows := 0
	for i, s := range a {
		r := rowOf[s]
		if r < 0 {
			if (rows+1)*w > maxLCSWords {
				return 0, false
			}
			r = int32(rows)
			rowOf[s] = r
			rows++
			for range w {
				peq = append(peq, 0)
			}
		}
		peq[int(r)*w+i/64] |= 1 << (i % 64)
	}
	mem.peq = peq
	// A zero bit i of v marks a[i] as the last element of a common
	// subsequence found so far; the bits past len(a) stay ones.
	v := mem.v[:0]
	for range w {
		v = append(v, ^uint64(0))
	}
	mem.v = v
	for _, s := range b {
		r := rowOf[s]
		if r < 0 {
			continue // no match: v is unchanged
		}
		match := peq[int(r)*w : int(r)*w+w]
		var carry uint64
		for j, x := range v {
			u := x & match[j]
			var sum uint64
			sum, carry = bits.Add64(x, u, carry)
			v[j] = sum | (x &^ match[j])
		}
	}
	zeros := 0
	for _, x := range v {
		zeros += 64 - bits.OnesCount64(x)
	}
	return zeros, true
}

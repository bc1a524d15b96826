package checks

import (
	"sort"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// maxSuggestions is the number of equally near candidates a "did you mean"
// names at most; beyond it the suggestion would not help.
const maxSuggestions = 3

// nearest returns the candidates closest to s by edit distance (optimal
// string alignment: insertions, deletions, substitutions and transpositions
// of adjacent characters) between their folded forms (qms.Fold), when that
// distance is small: at most 1 + len/8 runes of s, and never more than 3.
// Ties are all returned, sorted, unless there are more than maxSuggestions.
// Candidates equal to s are ignored.
func nearest(s string, cands []string) []string {
	out := near(s, cands)
	if len(out) > maxSuggestions {
		return nil
	}
	return out
}

// near is nearest without the limit on ties.
func near(s string, cands []string) []string {
	fs := []rune(qms.Fold(s))
	limit := min(1+len(fs)/8, 3)
	best := limit
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		if c == s || seen[c] {
			continue
		}
		seen[c] = true
		d := editDistance(fs, []rune(qms.Fold(c)), best)
		switch {
		case d > best:
		case d < best:
			best, out = d, []string{c}
		case d == best:
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// didYouMean formats "; có phải “A” hoặc “B”?" for the nearest candidates,
// or "" when none is near.
func didYouMean(s string, cands []string) string {
	near := nearest(s, cands)
	if len(near) == 0 {
		return ""
	}
	q := make([]string, len(near))
	for i, n := range near {
		q[i] = quoted(n)
	}
	return "; có phải " + strings.Join(q, " hoặc ") + "?"
}

// editDistance is the optimal-string-alignment distance between a and b.
// It returns a value > bound as soon as the distance is known to exceed
// bound.
func editDistance(a, b []rune, bound int) int {
	if d := len(a) - len(b); d > bound || -d > bound {
		return bound + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > bound {
			return bound + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

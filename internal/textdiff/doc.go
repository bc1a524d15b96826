// Package textdiff compares two texts for people to read: what was deleted
// and what was inserted, word by word.
//
// Diff is Myers' O(ND) shortest edit script over any comparable elements,
// with a bound on the edit distance it searches: beyond the bound the
// changed middle of the inputs is reported as one deletion and one
// insertion, so that huge or unrelated inputs cost bounded time and memory.
//
// Text compares two texts in two passes: lines first, then, inside each run
// of changed lines, words (runs of letters and digits), runs of white space
// and single other characters. Unchanged lines far from any change are
// folded into a Gap; white space caught between two changes is counted as
// changed, so that a rewritten phrase reads as one deletion and one
// insertion rather than a word-by-word interleaving. Options bound the work
// and the length of the result.
package textdiff

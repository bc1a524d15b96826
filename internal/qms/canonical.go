package qms

import (
	"strconv"
	"strings"
)

// dGroups are the symbol groups that carry a "Đ" and are often typed with
// a plain "D": the type abbreviations of NĐ 30/2020 whose ASCII spelling
// is not itself a type ("QD" is nothing, while "HD" is Hướng dẫn and
// stays), and the People's Councils (HĐND).
var dGroups = []string{"QĐ", "NĐ", "QyĐ", "CĐ", "HĐND"}

// Canonical returns the official spelling of n when n writes the "Đ" of
// one of its symbol groups as "D" ("79/QD-UBND" → "79/QĐ-UBND",
// "61/2018/ND-CP" → "61/2018/NĐ-CP"), with the Type that spelling has,
// and ok false when n needs no such correction. ParseNumber never adds
// diacritics (a number such as "79/QD-UBND" parses as a công văn); the
// checks use Canonical to name the spelling to copy and `qms new` to
// write it.
func (n Number) Canonical() (c Number, ok bool) {
	if n.IsZero() {
		return n, false
	}
	groups := strings.Split(n.Symbol, "-")
	changed := false
	for i, g := range groups {
		if strings.ContainsAny(g, "Đđ") {
			continue
		}
		for _, t := range dGroups {
			if strings.EqualFold(g, Fold(t)) {
				groups[i], changed = t, true
				break
			}
		}
	}
	if !changed {
		return n, false
	}
	s := n.Seq + "/"
	if n.Year != 0 {
		s += strconv.Itoa(n.Year) + "/"
	}
	c, err := ParseNumber(s + strings.Join(groups, "-"))
	if err != nil {
		return n, false
	}
	return c, true
}

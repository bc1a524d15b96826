package qms

// Number is a parsed "số và ký hiệu" (grammar: ParseNumber).
type Number struct {
	// Seq is the sequence number as written, leading zeros kept ("03").
	Seq string
	// Year is the year of a normative document (19/2014/QĐ-TTg), else 0.
	Year int
	// Symbol is the canonical ký hiệu: groups joined by "-" with canonical
	// case and diacritics ("QĐ-UBND", "TTr-SNN-VP", "SNN-VP", "NĐ-CP").
	Symbol string
	// Type is the type abbreviation when the first group is one ("QĐ",
	// "NĐ", "TT", "KH", "TTr", "QH" for laws ...); "" for a công văn.
	Type string
}

// IsZero reports whether n is unset.
func (n Number) IsZero() bool { return n.Seq == "" }

// Ref is a citation of a document: a number and, optionally, the date the
// citation gives ("3463/QĐ-UBND ngày 06/10/2020").
type Ref struct {
	Number Number
	Date   Date
}

// String is the reference in canonical form, with " ngày dd/mm/yyyy" when
// dated.
func (r Ref) String() string {
	if r.Date.IsZero() {
		return r.Number.String()
	}
	return r.Number.String() + " ngày " + r.Date.VN()
}

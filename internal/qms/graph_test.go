package qms

import (
	"testing"
)

// TestStatusOf derives the status of decisions as of several dates from
// their supersedes, amends, repealed, expires and effective fields.
func TestStatusOf(t *testing.T) {
	mk := func(path, num string, issued Date, f func(*Decision)) *Decision {
		n, err := ParseNumber(num)
		if err != nil {
			t.Fatal(err)
		}
		d := &Decision{Doc: Doc{Path: path}, Number: n, Issued: issued}
		if f != nil {
			f(d)
		}
		return d
	}
	cite := func(s string) Citation {
		r, err := ParseRef(s)
		if err != nil {
			t.Fatal(err)
		}
		return Citation{Text: s, Ref: r}
	}
	day := func(y, m, d int) Date { return Date{y, m, d} }
	old := mk("decisions/a.md", "3465/QĐ-UBND", day(2019, 9, 4), nil)
	mid := mk("decisions/b.md", "3463/QĐ-UBND", day(2020, 10, 6), func(d *Decision) {
		d.Supersedes = []Citation{cite("3465/QĐ-UBND")}
	})
	last := mk("decisions/c.md", "100/QĐ-UBND", day(2024, 1, 2), func(d *Decision) {
		d.Effective = day(2024, 3, 1)
		d.Supersedes = []Citation{cite("3463/QĐ-UBND")}
	})
	base := mk("decisions/d.md", "61/2018/NĐ-CP", day(2018, 4, 23), nil)
	amend := mk("decisions/e.md", "107/2021/NĐ-CP", day(2021, 12, 6), func(d *Decision) {
		d.Amends = []Citation{cite("61/2018/NĐ-CP")}
	})
	gone := mk("decisions/f.md", "1/2015/TT-BNV", day(2015, 1, 1), func(d *Decision) { d.Repealed = day(2020, 1, 1) })
	temp := mk("decisions/g.md", "5/KH-SNN-VP", day(2020, 1, 16), func(d *Decision) { d.Expires = day(2020, 12, 31) })
	self := mk("decisions/h.md", "7/QĐ-UBND", day(2020, 1, 1), func(d *Decision) { d.Supersedes = []Citation{cite("7/QĐ-UBND")} })
	c := &Corpus{Decisions: []*Decision{old, mid, last, base, amend, gone, temp, self}}
	c.Index()

	tests := []struct {
		d     *Decision
		asOf  Date
		kind  StatusKind
		by    *Decision
		since Date
	}{
		{old, day(2020, 10, 5), InForce, nil, Date{}},
		{old, day(2020, 10, 6), Superseded, mid, day(2020, 10, 6)},
		{old, day(2026, 1, 1), Superseded, mid, day(2020, 10, 6)},
		{mid, day(2024, 2, 29), InForce, nil, Date{}},
		{mid, day(2024, 3, 1), Superseded, last, day(2024, 3, 1)}, // from its successor's effective date, not its issue date
		{last, day(2024, 2, 1), NotYetEffective, nil, day(2024, 3, 1)},
		{base, day(2021, 12, 5), InForce, nil, Date{}},
		{base, day(2021, 12, 6), Amended, nil, Date{}},
		{gone, day(2019, 12, 31), InForce, nil, Date{}},
		{gone, day(2020, 1, 1), Repealed, nil, day(2020, 1, 1)},
		{temp, day(2021, 1, 1), Expired, nil, day(2020, 12, 31)},
		{self, day(2021, 1, 1), InForce, nil, Date{}}, // a self-citation is GR002's, not a supersession
	}
	for _, tt := range tests {
		st := c.StatusOf(tt.d, tt.asOf)
		if st.Kind != tt.kind || st.By != tt.by || st.Since != tt.since {
			t.Errorf("%s as of %s: got %s by %v since %s; want %s by %v since %s",
				tt.d.Number, tt.asOf, st.Kind, st.By, st.Since, tt.kind, tt.by, tt.since)
		}
		if st.Kind == Amended && (len(st.AmendedBy) != 1 || st.AmendedBy[0] != amend) {
			t.Errorf("%s: AmendedBy = %v", tt.d.Number, st.AmendedBy)
		}
		if r := c.Relations().StatusOf(tt.d, tt.asOf); r.Kind != st.Kind || r.By != st.By {
			t.Errorf("Relations view differs from the corpus")
		}
	}
	if got := c.SupersededBy(mid); len(got) != 1 || got[0] != last {
		t.Errorf("SupersededBy(3463) = %v", got)
	}
	if got := c.AmendedBy(base); len(got) != 1 || got[0] != amend {
		t.Errorf("AmendedBy(61/2018) = %v", got)
	}
}

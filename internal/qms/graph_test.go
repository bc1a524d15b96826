package qms

import (
	"fmt"
	"reflect"
	"testing"
)

// TestRelationsStatusOf holds Relations.StatusOf to Corpus.StatusOf on a
// corpus with supersession chains, ties, amendments, repeals, expiries,
// shared numbers and a self-citation, at many dates.
func TestRelationsStatusOf(t *testing.T) {
	c := &Corpus{}
	num := func(s string) Number {
		n, err := ParseNumber(s)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	cite := func(s string) Citation {
		r, err := ParseRef(s)
		if err != nil {
			t.Fatal(err)
		}
		return Citation{Text: s, Ref: r}
	}
	date := func(y, m, d int) Date { return Date{y, m, d} }
	for i := 1; i <= 40; i++ {
		d := &Decision{
			Doc:    Doc{Path: fmt.Sprintf("decisions/%02d.md", i)},
			Number: num(fmt.Sprintf("%d/QĐ-UBND", i)),
			Issued: date(2010+i/4, 1+i%12, 1+i%27),
		}
		switch {
		case i%5 == 0:
			d.Effective = d.Issued.AddDays(30)
		case i%7 == 0:
			d.Repealed = date(2016, 3, 1)
		case i%11 == 0:
			d.Expires = date(2015, 12, 31)
		}
		if i > 1 && i%2 == 0 {
			d.Supersedes = append(d.Supersedes, cite(fmt.Sprintf("%d/QĐ-UBND", i-1)))
		}
		if i > 3 && i%3 == 0 {
			d.Supersedes = append(d.Supersedes, cite(fmt.Sprintf("%d/QĐ-UBND", i-3)))
			d.Amends = append(d.Amends, cite(fmt.Sprintf("%d/QĐ-UBND", i-2)))
		}
		if i == 13 {
			d.Supersedes = append(d.Supersedes, cite("13/QĐ-UBND"), Citation{Text: "?"})
		}
		c.Decisions = append(c.Decisions, d)
	}
	shared := &Decision{Doc: Doc{Path: "decisions/02-2019.md"}, Number: num("2/QĐ-UBND"), Issued: date(2019, 5, 5),
		Supersedes: []Citation{cite("3/QĐ-UBND"), cite("2/QĐ-UBND ngày " + c.Decisions[1].Issued.VN())}}
	c.Decisions = append(c.Decisions, shared)
	c.Index()
	r := c.Relations()
	kinds := map[StatusKind]bool{}
	for y := 2010; y <= 2022; y++ {
		for _, m := range []int{1, 4, 7, 10} {
			asOf := date(y, m, 15)
			for _, d := range c.Decisions {
				want, got := c.StatusOf(d, asOf), r.StatusOf(d, asOf)
				kinds[want.Kind] = true
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s as of %s: Relations.StatusOf = %+v, Corpus.StatusOf = %+v", d.Path, asOf, got, want)
				}
			}
		}
	}
	if len(kinds) != 6 {
		t.Errorf("the corpus shows only the statuses %v; want all six", kinds)
	}
	for _, d := range c.Decisions {
		if !reflect.DeepEqual(r.SupersededBy(d), c.SupersededBy(d)) || !reflect.DeepEqual(r.AmendedBy(d), c.AmendedBy(d)) {
			t.Errorf("%s: relations differ from the corpus scan", d.Path)
		}
	}
}

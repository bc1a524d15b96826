package search

import (
	"slices"
	"strings"
	"testing"
)

// rankCase is a query and what a reader expects of it.
type rankCase struct {
	q     string
	first string
	// order lists URLs that must all be hits, in this order (others may come
	// between them).
	order []string
	// partial is true when no document has every word.
	partial bool
}

var rankCases = []rankCase{
	{q: "chung chi hanh nghe thu y", first: "procedures/1.004359/",
		order: []string{"procedures/1.004359/", "processes/qt-ty-01/", "procedures/na-ty-02/"}},
	{q: "Cấp chứng chỉ hành nghề thú y", first: "procedures/1.004359/"},
	{q: "CHỨNG CHỈ HÀNH NGHỀ", first: "procedures/1.004359/"},
	{q: "duoc cap", first: "procedures/na-ty-02/"},
	{q: "được cấp", first: "procedures/na-ty-02/"},
	// document numbers in any spelling
	{q: "qd 3463", first: "decisions/2020/3463-qd-ubnd/"},
	{q: "QĐ 3463", first: "decisions/2020/3463-qd-ubnd/"},
	{q: "3463", first: "decisions/2020/3463-qd-ubnd/",
		order: []string{"decisions/2020/3463-qd-ubnd/", "processes/qt-ty-01/"}},
	{q: "3463/QĐ-UBND", first: "decisions/2020/3463-qd-ubnd/",
		order: []string{"decisions/2020/3463-qd-ubnd/", "processes/qt-ty-01/"}},
	{q: "3463/qđ-ubnd", order: []string{"decisions/2020/3463-qd-ubnd/", "decisions/2020/3464-qd-ubnd/"}},
	{q: "3463/QD-UBND", first: "decisions/2020/3463-qd-ubnd/"},
	{q: "Số: 3463 / QĐ - UBND", first: "decisions/2020/3463-qd-ubnd/"},
	{q: "61/2018/ND-CP", first: "decisions/2018/61-2018-nd-cp/"},
	{q: "nghị định 61", first: "decisions/2018/61-2018-nd-cp/"},
	// a number with a wrong issuer falls back to its pieces
	{q: "3463/QĐ-XYZ", first: "decisions/2020/3463-qd-ubnd/", partial: true},
	// TTHC and process codes
	{q: "1.004359", first: "procedures/1.004359/"},
	{q: "2.001515", first: "procedures/2.001515/"},
	{q: "QT-TS-01", first: "processes/qt-ts-01/",
		order: []string{"processes/qt-ts-01/", "processes/qt-ts-02/"}},
	{q: "qt ts 01", first: "processes/qt-ts-01/"},
	{q: "qt-ts-1", first: "processes/qt-ts-01/"},
	// diacritics typed rank exact matches first, both ways
	{q: "đường", first: "processes/qt-tl-01/",
		order: []string{"processes/qt-tl-01/", "procedures/na-ty-05/"}},
	{q: "dương", first: "procedures/na-ty-05/",
		order: []string{"procedures/na-ty-05/", "processes/qt-tl-01/"}},
	{q: "duong", order: []string{"procedures/na-ty-05/", "processes/qt-tl-01/"}},
	// a phrase beats the same words apart; title beats body
	{q: "thu tuc hanh chinh", order: []string{"decisions/2018/61-2018-nd-cp/", "processes/qt-01/"}},
	{q: "tàu cá", order: []string{"processes/qt-ts-01/", "processes/qt-ts-02/", "processes/qt-ts-09/"}},
	// obsolete after current, even when it scores higher
	{q: "cong tac van thu", first: "decisions/2020/30-2020-nd-cp/",
		order: []string{"decisions/2020/30-2020-nd-cp/", "decisions/2004/110-2004-nd-cp/"}},
	{q: "đóng mới tàu cá", first: "processes/qt-ts-09/"},
	// AND, and the closest partial matches when nothing has every word
	{q: "tàu cá khủng long", first: "processes/qt-ts-01/", partial: true},
}

func TestRanking(t *testing.T) {
	ix, _ := fixtureIndex(t, fixture())
	for _, tc := range rankCases {
		res, err := ix.Search(tc.q, 50)
		if err != nil {
			t.Fatalf("Search(%q): %v", tc.q, err)
		}
		urls := hitURLs(res)
		if len(urls) == 0 {
			t.Errorf("Search(%q): no hits", tc.q)
			continue
		}
		if tc.first != "" && urls[0] != tc.first {
			t.Errorf("Search(%q): first %s, want %s\nhits: %s", tc.q, urls[0], tc.first, strings.Join(urls, " "))
		}
		last := -1
		for _, u := range tc.order {
			i := slices.Index(urls, u)
			if i < 0 {
				t.Errorf("Search(%q): %s missing\nhits: %s", tc.q, u, strings.Join(urls, " "))
				break
			}
			if i < last {
				t.Errorf("Search(%q): %s ranks before %s\nhits: %s", tc.q, u, tc.order[slices.Index(tc.order, u)-1], strings.Join(urls, " "))
			}
			last = i
		}
		if res.Complete == tc.partial {
			t.Errorf("Search(%q): Complete = %v, want %v", tc.q, res.Complete, !tc.partial)
		}
	}
}

func hitURLs(res Result) []string {
	var urls []string
	for _, h := range res.Hits {
		if h.Entry != nil {
			urls = append(urls, h.Entry.URL)
		}
	}
	return urls
}

func TestSearchAND(t *testing.T) {
	ix, _ := fixtureIndex(t, fixture())
	res, err := ix.Search("giấy chứng nhận tàu cá", 50)
	if err != nil {
		t.Fatal(err)
	}
	got := hitURLs(res)
	want := []string{"processes/qt-ts-01/", "processes/qt-ts-02/"}
	if !res.Complete || !slices.Equal(got, want) {
		t.Errorf("hits %v (complete %v), want exactly %v", got, res.Complete, want)
	}
}

func TestSearchPartialReportsMissing(t *testing.T) {
	ix, _ := fixtureIndex(t, fixture())
	res, err := ix.Search("tàu cá khủng long", 50)
	if err != nil {
		t.Fatal(err)
	}
	if res.Complete || len(res.Hits) == 0 {
		t.Fatalf("Complete = %v with %d hits, want partial hits", res.Complete, len(res.Hits))
	}
	if got := strings.Join(res.Hits[0].Missing, " "); got != "khủng long" {
		t.Errorf("first hit misses %q, want %q", got, "khủng long")
	}
	// the obsolete QT-TS-09 has tàu cá too, but comes after the current ones
	urls := hitURLs(res)
	if i, j := slices.Index(urls, "processes/qt-ts-09/"), slices.Index(urls, "processes/qt-ts-02/"); i < j {
		t.Errorf("obsolete QT-TS-09 at %d before QT-TS-02 at %d: %v", i, j, urls)
	}
}

func TestSearchNothing(t *testing.T) {
	ix, _ := fixtureIndex(t, fixture())
	for _, q := range []string{"", "   ", "!!!", "zzzzqqq"} {
		res, err := ix.Search(q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(res.Hits) != 0 {
			t.Errorf("Search(%q) = %d hits, want none", q, len(res.Hits))
		}
	}
}

func TestSearchHitsCarryObsolete(t *testing.T) {
	ix, _ := fixtureIndex(t, fixture())
	res, err := ix.Search("van thu", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.Obsolete != h.Entry.Obsolete {
			t.Errorf("hit %s: Obsolete %v, entry says %v", h.Entry.URL, h.Obsolete, h.Entry.Obsolete)
		}
	}
}

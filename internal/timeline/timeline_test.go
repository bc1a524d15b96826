package timeline

import (
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Illustrative decisions: 7/QĐ-UBND is superseded by 8/QĐ-UBND before it
// is repealed, so its repeal changes nothing.
var decisions = map[string]string{
	"decisions/2019/7-qd-ubnd.md": "---\nnumber: \"7/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2019-01-02\nrepealed: 2021-03-01\ntitle: Quyết định bị thay thế trước khi bị bãi bỏ\n---\nMinh họa.\n",
	"decisions/2021/8-qd-ubnd.md": "---\nnumber: \"8/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2021-01-15\neffective: 2021-02-01\ntitle: Thay thế Quyết định 7/QĐ-UBND\nsupersedes:\n  - \"7/QĐ-UBND\"\n---\nMinh họa.\n",
}

func load(t *testing.T) *qms.Corpus {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range decisions {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	c, diags := content.Load(fsys)
	if len(diags) > 0 {
		t.Fatalf("%v", diags)
	}
	return c
}

func date(t *testing.T, y, m, d int) qms.Date {
	t.Helper()
	v, err := qms.NewDate(y, m, d)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDecisionChanges: a decision's changes are those its status makes
// from one day to the next, and its data names the dated relations.
func TestDecisionChanges(t *testing.T) {
	c := load(t)
	var d7 *qms.Decision
	for _, d := range c.Decisions {
		if d.ID() == "7/QĐ-UBND" {
			d7 = d
		}
	}
	if d7 == nil {
		t.Fatal("7/QĐ-UBND not loaded")
	}
	b := New(c, func(doc qms.Document) Ref { return Ref{ID: doc.ID(), URL: "/" + doc.ID()} })
	changes := b.Decision(d7)
	type got struct {
		Date string
		Text string
		By   []string
	}
	var gs []got
	for _, ch := range changes {
		g := got{Date: ch.Date.String(), Text: ch.Text}
		for _, o := range ch.By {
			g.By = append(g.By, o.ID())
		}
		if ch.Kind != qms.KindDecision || ch.Doc != qms.Document(d7) {
			t.Errorf("change %+v is not of decision 7/QĐ-UBND", ch)
		}
		gs = append(gs, g)
	}
	want := []got{
		{Date: "2019-01-02", Text: "Có hiệu lực"},
		{Date: "2021-02-01", Text: "Bị thay thế bởi", By: []string{"8/QĐ-UBND"}},
	}
	if !reflect.DeepEqual(gs, want) {
		t.Errorf("changes = %+v, want %+v", gs, want)
	}
	if n := len(changes); n == 2 && changes[1].Decision.Kind != qms.Superseded {
		t.Errorf("status after the supersession: %v", changes[1].Decision.Kind)
	}
	dj := b.Data.Decisions
	if len(dj) != 1 || dj[0].ID != "7/QĐ-UBND" || dj[0].Repealed != "2021-03-01" ||
		!reflect.DeepEqual(dj[0].SupersededBy, []Dated{{Date: "2021-02-01", Ref: Ref{ID: "8/QĐ-UBND", URL: "/8/QĐ-UBND"}}}) {
		t.Errorf("data = %+v", dj)
	}
}

// TestByMonth: newest first, the items of one day in the order given,
// grouped by year and month.
func TestByMonth(t *testing.T) {
	type item struct {
		d    qms.Date
		name string
	}
	items := []item{
		{date(t, 2024, 3, 5), "a"}, {date(t, 2025, 1, 9), "b"}, {date(t, 2024, 3, 20), "c"},
		{date(t, 2024, 3, 5), "d"}, {date(t, 2024, 11, 1), "e"},
	}
	years := ByMonth(items, func(i item) qms.Date { return i.d })
	var got []string
	for _, y := range years {
		for _, m := range y.Months {
			if m.Year != y.Year {
				t.Errorf("month %d/%d in year %d", m.Month, m.Year, y.Year)
			}
			s := ""
			for _, it := range m.Items {
				s += it.name
			}
			got = append(got, qms.Date{Year: m.Year, Month: m.Month, Day: 1}.String()+":"+s)
		}
	}
	want := []string{"2025-01-01:b", "2024-11-01:e", "2024-03-01:cad"}
	if !reflect.DeepEqual(got, want) || len(years) != 2 {
		t.Errorf("ByMonth = %v in %d years, want %v in 2", got, len(years), want)
	}
}

// TestSortDates: zero dates and repeats go, the rest ascend.
func TestSortDates(t *testing.T) {
	a, b := date(t, 2021, 2, 1), date(t, 2019, 1, 2)
	if got := sortDates([]qms.Date{a, {}, b, a}); !reflect.DeepEqual(got, []qms.Date{b, a}) {
		t.Errorf("sortDates = %v", got)
	}
}

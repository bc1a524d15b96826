package qms

import "testing"

func TestRecordAndIssueOn(t *testing.T) {
	d := func(y, m, dd int) Date { return Date{y, m, dd} }
	approve := &Citation{Text: "1067/QĐ-SNN-VP"}
	written := &Process{Doc: Doc{Path: "processes/qt-01.md"}, Revision: 3, Effective: d(2022, 5, 1), Revisions: []Amendment{
		{Revision: 1, Effective: d(2018, 1, 15), Change: FirstIssue},
		{Revision: 2, Effective: d(2020, 11, 1), Change: "Sửa bước 2"},
		{Revision: 3, Effective: d(2022, 5, 1), ApprovedBy: approve, Change: "Sửa thời hạn"},
	}}
	first := &Process{Doc: Doc{Path: "processes/qt-02.md", Keys: map[string]Pos{"revision": {Path: "processes/qt-02.md", Line: 6, Col: 11}}},
		Revision: 1, Effective: d(2020, 1, 1), ApprovedBy: approve}
	later := &Process{Doc: Doc{Path: "processes/qt-03.md"}, Revision: 4, Effective: d(2024, 2, 1)}

	if got := first.Record(); len(got) != 1 || got[0].Revision != 1 || got[0].Effective != d(2020, 1, 1) ||
		got[0].ApprovedBy != approve || got[0].Change != FirstIssue || got[0].Pos.Line != 6 {
		t.Errorf("implied record %+v", got)
	}
	if got := later.Record(); len(got) != 1 || got[0].Revision != 4 || got[0].Change != "" {
		t.Errorf("implied record of revision 4 %+v", got)
	}
	if got := written.Record(); len(got) != 3 || &got[0] != &written.Revisions[0] {
		t.Errorf("written record %+v", got)
	}

	tests := []struct {
		p    *Process
		on   Date
		rev  int
		isOK bool
	}{
		{written, d(2017, 12, 31), 0, false},
		{written, d(2018, 1, 15), 1, true},
		{written, d(2020, 10, 31), 1, true},
		{written, d(2020, 11, 1), 2, true},
		{written, d(2030, 1, 1), 3, true},
		{first, d(2019, 12, 31), 0, false},
		{first, d(2020, 1, 1), 1, true},
		{later, d(2025, 1, 1), 4, true},
	}
	for _, tt := range tests {
		a, ok := tt.p.IssueOn(tt.on)
		if ok != tt.isOK || a.Revision != tt.rev {
			t.Errorf("%s.IssueOn(%v) = %d, %v; want %d, %v", tt.p.Path, tt.on, a.Revision, ok, tt.rev, tt.isOK)
		}
	}
}

func TestOrganization(t *testing.T) {
	d := func(y, m, dd int) Date { return Date{y, m, dd} }
	o := Organization{
		Name: "Sở Nông nghiệp và Môi trường Nghệ An",
		History: []FormerName{
			{Name: "Sở Nông nghiệp và PTNT Nghệ An", Until: d(2025, 2, 28)},
			{Name: "Sở Nông nghiệp Nghệ An", Until: d(1995, 12, 31)},
		},
		Units: []Unit{
			{Name: "Chi cục Chăn nuôi và Thú y", History: []FormerName{{Name: "Chi cục Thú y", Until: d(2017, 8, 1)}, {Name: "Chi cục Chăn nuôi", Until: d(2017, 8, 1)}}},
			{Name: "Văn phòng Sở"},
		},
	}
	for _, tt := range []struct {
		on   Date
		want string
	}{
		{d(1990, 5, 1), "Sở Nông nghiệp Nghệ An"},
		{d(1995, 12, 31), "Sở Nông nghiệp Nghệ An"},
		{d(1996, 1, 1), "Sở Nông nghiệp và PTNT Nghệ An"},
		{d(2025, 2, 28), "Sở Nông nghiệp và PTNT Nghệ An"},
		{d(2025, 3, 1), "Sở Nông nghiệp và Môi trường Nghệ An"},
		{d(2030, 1, 1), "Sở Nông nghiệp và Môi trường Nghệ An"},
	} {
		if got := o.NameOn(tt.on); got != tt.want {
			t.Errorf("NameOn(%v) = %q, want %q", tt.on, got, tt.want)
		}
	}
	for _, tt := range []struct {
		name, want string
		ok         bool
	}{
		{"Chi cục Thú y", "Chi cục Chăn nuôi và Thú y", true},
		{" Chi cục  Chăn nuôi ", "Chi cục Chăn nuôi và Thú y", true},
		{"Chi cục Chăn nuôi và Thú y", "Chi cục Chăn nuôi và Thú y", true},
		{"Văn phòng Sở", "Văn phòng Sở", true},
		{"Chi cục Thủy sản", "Chi cục Thủy sản", false},
	} {
		if got, ok := o.CanonicalUnit(tt.name); got != tt.want || ok != tt.ok {
			t.Errorf("CanonicalUnit(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
	def := DefaultOrganization()
	if !def.Default || def.NameOn(d(2020, 1, 1)) != DefaultOrgName || def.Site.Title != DefaultSiteTitle {
		t.Errorf("default %+v", def)
	}
}

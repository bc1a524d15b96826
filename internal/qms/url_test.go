package qms

import "testing"

func TestPagePath(t *testing.T) {
	for _, tt := range []struct {
		kind Kind
		stem string
		want string
	}{
		{KindProcess, "qt-01", "processes/qt-01/"},
		{KindProcedure, "1.004359", "procedures/1.004359/"},
		{KindDecision, "3463-qd-ubnd", "decisions/3463-qd-ubnd/"},
		{KindProcess, "by-status", "processes/doc-by-status/"},
		{KindProcess, "Quy trình Đặc biệt", "processes/doc-quy-trinh-dac-biet/"},
		{KindProcess, "..", "processes/doc-/"},
		{KindDecision, "", "decisions/doc-/"},
	} {
		if got := PagePath(tt.kind, tt.stem); got != tt.want {
			t.Errorf("PagePath(%v, %q) = %q, want %q", tt.kind, tt.stem, got, tt.want)
		}
	}
}

func TestPagePaths(t *testing.T) {
	a := &Process{Doc: Doc{Kind: KindProcess, Path: "processes/a/qt-01.md", Stem: "qt-01"}, Code: "QT-01", Status: StatusActive}
	b := &Process{Doc: Doc{Kind: KindProcess, Path: "processes/b/qt-01.md", Stem: "qt-01"}, Code: "QT-01B", Status: StatusActive}
	d := &Process{Doc: Doc{Kind: KindProcess, Path: "processes/qt-02.md", Stem: "qt-02"}, Code: "QT-02", Status: StatusDraft}
	c := &Corpus{Processes: []*Process{b, d, a}}
	c.Index()
	got := c.PagePaths(false)
	if got[a] != "processes/qt-01/" || got[b] != "processes/qt-01-2/" {
		t.Errorf("shared stem: %q, %q; want processes/qt-01/ then processes/qt-01-2/ in path order", got[a], got[b])
	}
	if _, ok := got[d]; ok {
		t.Errorf("a draft has a page without drafts: %q", got[d])
	}
	if got := c.PagePaths(true)[d]; got != "processes/qt-02/" {
		t.Errorf("draft with drafts: %q, want processes/qt-02/", got)
	}
}

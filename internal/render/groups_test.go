package render

import (
	"strings"
	"testing"
)

// TestGroupURLsStable: a unit's and a field's page URLs come from their
// folded names, not from the order files are read or names are sorted:
// a spelling that differs in case, diacritics or punctuation in one file
// joins the unit's page instead of moving it to "-2", whichever file has
// it.
func TestGroupURLsStable(t *testing.T) {
	proc := func(code, unit string) string {
		return "---\ncode: " + code + "\ntitle: Quy trình " + code + "\nkind: task\nunit: " + unit + "\nrevision: 1\neffective: 2021-01-01\nstatus: active\n---\nx\n"
	}
	for _, typo := range []string{"processes/qt-01.md", "processes/qt-02.md", "processes/qt-03.md"} {
		files := map[string]string{}
		for _, p := range []string{"processes/qt-01.md", "processes/qt-02.md", "processes/qt-03.md"} {
			unit := "Chi cục Thủy sản"
			if p == typo {
				unit = "Chi cục thuỷ sản."
			}
			files[p] = proc(strings.ToUpper(p[10:15]), unit)
		}
		files["procedures/tt-01.md"] = procedureFile("1.001", "Cấp phép", "Thủy sản")
		files["procedures/tt-02.md"] = procedureFile("1.002", "Gia hạn", "thủy sản")
		files["procedures/tt-03.md"] = procedureFile("1.003", "Cấp lại", "Thủy sản")
		files["decisions/61.md"] = decisionHead
		s := newTestSite(t, files, nil)
		list := fileList(s)
		for _, p := range []string{"units/chi-cuc-thuy-san-2/index.html", "fields/thuy-san-2/index.html"} {
			if list[p] {
				t.Errorf("typo in %s: %s exists", typo, p)
			}
		}
		unit := mainOf(renderFile(t, s, "units/chi-cuc-thuy-san/index.html"))
		if !strings.Contains(unit, "<h1>Chi cục Thủy sản</h1>") || strings.Count(unit, `<a href="/processes/qt-0`) != 3 {
			t.Errorf("typo in %s: the unit page is not the unit's with its three processes:\n%s", typo, unit)
		}
		field := mainOf(renderFile(t, s, "fields/thuy-san/index.html"))
		if !strings.Contains(field, "<h1>Thủy sản</h1>") || strings.Count(field, `<a href="/procedures/tt-0`) != 3 {
			t.Errorf("the field page is not the field's with its three procedures:\n%s", field)
		}
		if p := renderFile(t, s, typo[:len(typo)-3]+"/index.html"); !strings.Contains(p, `<a href="/units/chi-cuc-thuy-san/">Chi cục thuỷ sản.</a>`) {
			t.Errorf("%s does not link its unit's page", typo)
		}
	}
}

package change

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestRecordRoundEdges covers what the report script does not: an
// abolition counted by its effective date alone, a process amended and
// abolished in the same round (abolished only, as CompareRound counts
// it), a process amended in the round and abolished later (amended), and
// citations that resolve to nothing (not counted).
func TestRecordRoundEdges(t *testing.T) {
	const dec = "---\nnumber: %s\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: %s\n%stitle: Văn bản\n---\n"
	proc := func(code, extra string) string {
		return "---\ncode: \"" + code + "\"\ntitle: Thủ tục\nfield: Thủy sản\nlevel: tinh\nagency: Chi cục Thủy sản\nreceiving: Trung tâm\ntime_limit: 07 ngày làm việc\n" + extra + "---\n"
	}
	process := func(code, extra string) string {
		return "---\ncode: \"" + code + "\"\ntitle: Quy trình\nkind: task\nunit: Chi cục Thủy sản\nstatus: active\n" + extra + "---\n"
	}
	files := map[string]string{
		"decisions/1.md": fmt.Sprintf(dec, "1/QĐ-UBND", "2019-01-10", ""),
		"decisions/2.md": fmt.Sprintf(dec, "2/QĐ-UBND", "2020-09-20", "effective: 2020-10-05\n"),
		"decisions/3.md": fmt.Sprintf(dec, "3/QĐ-UBND", "2020-11-01", ""),
		"decisions/4.md": fmt.Sprintf(dec, "4/QĐ-UBND", "2022-01-01", ""),
		// abolished by a decision issued before the round, effective in it
		"procedures/a.md": proc("NA-A", "announced_by: [\"1/QĐ-UBND\"]\nabolished_by: \"2/QĐ-UBND\"\n"),
		// announced by a decision not in the manual
		"procedures/b.md": proc("NA-B", "announced_by: [\"9/QĐ-UBND\"]\n"),
		// amended, then abolished, both in the round
		"processes/p1.md": process("QT-1", "revision: 2\neffective: 2020-11-01\napproved_by: \"3/QĐ-UBND\"\nabolished_by: \"3/QĐ-UBND\"\n"+
			"revisions:\n  - {revision: 1, effective: 2019-01-10, approved_by: \"1/QĐ-UBND\"}\n  - {revision: 2, effective: 2020-11-01, approved_by: \"3/QĐ-UBND\"}\n"),
		// amended in the round, abolished after it
		"processes/p2.md": process("QT-2", "revision: 2\neffective: 2020-11-01\napproved_by: \"3/QĐ-UBND\"\nabolished_by: \"4/QĐ-UBND\"\n"+
			"revisions:\n  - {revision: 1, effective: 2019-01-10, approved_by: \"1/QĐ-UBND\"}\n  - {revision: 2, effective: 2020-11-01, approved_by: \"3/QĐ-UBND\"}\n"),
		// abolished by a decision not in the manual
		"processes/p3.md": process("QT-3", "revision: 1\neffective: 2019-01-10\nabolished_by: \"9/QĐ-UBND\"\n"),
	}
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	c, _ := content.Load(fsys)
	r := RecordRound(c, qms.Date{Year: 2020, Month: 10, Day: 1}, qms.Date{Year: 2020, Month: 12, Day: 31})
	ids := func(items []RoundItem) string {
		s := ""
		for _, it := range items {
			s += it.ID + " "
		}
		return s
	}
	for name, got := range map[string]string{
		"ProcessesNew":        ids(r.ProcessesNew),
		"ProcessesAmended":    ids(r.ProcessesAmended),
		"ProcessesAbolished":  ids(r.ProcessesAbolished),
		"ProceduresAdded":     ids(r.ProceduresAdded),
		"ProceduresAbolished": ids(r.ProceduresAbolished),
		"DecisionsAdded":      ids(r.DecisionsAdded),
	} {
		want := map[string]string{
			"ProcessesAmended":    "QT-2 ",
			"ProcessesAbolished":  "QT-1 ",
			"ProceduresAbolished": "NA-A ",
			"DecisionsAdded":      "3/QĐ-UBND ",
		}[name]
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if len(r.ProcessesAmended) == 1 {
		if it := r.ProcessesAmended[0]; it.FromRevision != 1 || it.Revision != 2 {
			t.Errorf("QT-2: revision %d → %d, want 1 → 2", it.FromRevision, it.Revision)
		}
	}
}

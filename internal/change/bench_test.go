package change

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// synthetic returns a manual of n processes, n procedures and n decisions
// (3n documents): each process implements one procedure and cites two
// decisions; each procedure is announced by one decision.
func synthetic(n int) fstest.MapFS {
	m := fstest.MapFS{}
	for i := 0; i < n; i++ {
		m[fmt.Sprintf("decisions/d%05d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\nnumber: %d/QĐ-UBND\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2020-01-01\ntitle: Văn bản %d\n---\nNội dung.\n", i+1, i))}
		m[fmt.Sprintf("procedures/na-%05d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ncode: \"NA-%05d\"\ntitle: Thủ tục %d\nfield: Thủy sản\nlevel: tinh\nagency: Chi cục Thủy sản\nreceiving: Trung tâm\ntime_limit: 07 ngày làm việc\nannounced_by:\n  - \"%d/QĐ-UBND\"\n---\n", i, i, i+1))}
		m[fmt.Sprintf("processes/qt-%05d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\ncode: \"QT-%05d\"\ntitle: Quy trình %d\nkind: task\nunit: Chi cục Thủy sản\nrevision: 1\neffective: 2020-06-01\napproved_by: \"%d/QĐ-UBND\"\nstatus: active\nprocedures:\n  - \"NA-%05d\"\nlegal_basis:\n  - \"%d/QĐ-UBND\"\n---\n## 1. Mục đích\n\nQuy trình số %d.\n",
			i, i, (i+7)%n+1, i, (i+13)%n+1, i))}
	}
	return m
}

// BenchmarkCompare10k measures Compare on a 10,002-document change: the
// base manual of 3×3,334 documents and a head where 1% of the processes
// were edited without a revision, one file was deleted and one decision
// superseded.
func BenchmarkCompare10k(b *testing.B) {
	const n = 3334
	base := synthetic(n)
	head := synthetic(n)
	for i := 0; i < n; i += 100 {
		p := fmt.Sprintf("processes/qt-%05d.md", i)
		head[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(head[p].Data), "Quy trình số", "Quy trình sửa số", 1))}
	}
	delete(head, "processes/qt-00001.md")
	head["decisions/new.md"] = &fstest.MapFile{Data: []byte("---\nnumber: 99999/QĐ-UBND\ntype: quyet-dinh\nissuer: UBND\nissued: 2021-01-01\ntitle: Thay thế\nsupersedes:\n  - \"14/QĐ-UBND\"\n---\n")}
	bt, _ := LoadTree(base)
	ht, _ := LoadTree(head)
	opt := Options{Today: qms.Date{Year: 2026, Month: 1, Day: 1}}
	var diags []qms.Diagnostic
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		diags = Compare(bt, ht, opt)
	}
	b.StopTimer()
	cc := map[string]int{}
	for _, d := range diags {
		cc[d.Check]++
	}
	if cc["CC001"] != 34 || cc["CC003"] != 1 || cc["CC005"] == 0 {
		b.Fatalf("unexpected result: %v", cc)
	}
}

// BenchmarkCompareRound10k measures CompareRound on the same corpora.
func BenchmarkCompareRound10k(b *testing.B) {
	bt, _ := LoadTree(synthetic(3334))
	ht, _ := LoadTree(synthetic(3334))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		CompareRound(bt.Corpus, ht.Corpus)
	}
}

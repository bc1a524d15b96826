package checks

import (
	"fmt"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// synthetic builds a corpus of n documents (half decisions, a fifth
// procedures, the rest processes) with supersession chains, links and
// steps, without the loader, so that the benchmark measures the checks.
func synthetic(tb testing.TB, n int) *qms.Corpus {
	tb.Helper()
	cite := func(s string, path string, line int) qms.Citation {
		r, err := qms.ParseRef(s)
		if err != nil {
			tb.Fatal(err)
		}
		return qms.Citation{Text: s, Ref: r, Pos: qms.Pos{Path: path, Line: line, Col: 5}}
	}
	c := &qms.Corpus{}
	nd, np := n/2, n/5
	for i := range nd {
		num := fmt.Sprintf("%d/QĐ-UBND", i+1)
		path := fmt.Sprintf("decisions/%d-qd-ubnd.md", i+1)
		nb, _ := qms.ParseNumber(num)
		d := &qms.Decision{
			Doc:    qms.Doc{Kind: qms.KindDecision, Path: path, Stem: nb.Slug(), Keys: map[string]qms.Pos{}},
			Number: nb, NumberText: num, Type: "quyet-dinh", Issuer: "UBND tỉnh Nghệ An",
			Issued: qms.Date{Year: 2015 + i%10, Month: 1 + i%12, Day: 1 + i%28}, Title: "Văn bản " + num,
		}
		if i%3 == 1 {
			d.Supersedes = []qms.Citation{cite(fmt.Sprintf("%d/QĐ-UBND", i), path, 8)}
		}
		if i%7 == 2 {
			d.Amends = []qms.Citation{cite(fmt.Sprintf("%d/QĐ-UBND", i-1), path, 9)}
		}
		c.Decisions = append(c.Decisions, d)
	}
	for i := range np {
		code := fmt.Sprintf("SNN-%05d", i)
		path := "procedures/" + qms.CodeSlug(code) + ".md"
		c.Procedures = append(c.Procedures, &qms.Procedure{
			Doc:  qms.Doc{Kind: qms.KindProcedure, Path: path, Stem: qms.CodeSlug(code), Keys: map[string]qms.Pos{}},
			Code: code, Title: "Thủ tục " + code, Field: "Thủy sản", Level: "tinh", Agency: "Chi cục Thủy sản",
			TimeLimit:   qms.Duration{Value: 10, Unit: qms.WorkDays},
			AnnouncedBy: []qms.Citation{cite(fmt.Sprintf("%d/QĐ-UBND", 1+i%nd), path, 10)},
		})
	}
	for i := range n - nd - np {
		code := fmt.Sprintf("QT-%05d", i)
		path := "processes/" + qms.CodeSlug(code) + ".md"
		p := &qms.Process{
			Doc: qms.Doc{Kind: qms.KindProcess, Path: path, Stem: qms.CodeSlug(code), Keys: map[string]qms.Pos{},
				Links: []qms.Link{{Dest: fmt.Sprintf("qt-%05d.md", (i+1)%(n-nd-np)), Pos: qms.Pos{Path: path, Line: 30, Col: 3}}}},
			Code: code, Title: "Quy trình " + code, ProcKind: qms.KindTask, Unit: "Chi cục Thủy sản", Revision: 1,
			Effective: qms.Date{Year: 2022, Month: 1, Day: 1}, Status: qms.StatusActive,
			ReviewBy: qms.Date{Year: 2026, Month: 1, Day: 1},
		}
		ab := cite(fmt.Sprintf("%d/QĐ-UBND", 1+(i*7)%nd), path, 8)
		p.ApprovedBy = &ab
		for k := range 3 {
			p.LegalBasis = append(p.LegalBasis, cite(fmt.Sprintf("%d/QĐ-UBND", 1+(i*3+k)%nd), path, 12+k))
		}
		for k := range 2 {
			p.Procedures = append(p.Procedures, qms.CodeRef{Code: fmt.Sprintf("SNN-%05d", (i*2+k)%np), Pos: qms.Pos{Path: path, Line: 10 + k, Col: 5}})
		}
		for k := range 4 {
			p.Steps = append(p.Steps, qms.Step{Actor: "Chuyên viên", Action: "Xử lý", Time: qms.Duration{Value: 2, Unit: qms.WorkDays}, Pos: qms.Pos{Path: path, Line: 20 + k, Col: 5}})
		}
		c.Processes = append(c.Processes, p)
	}
	c.Index()
	return c
}

// BenchmarkAll runs every check over a synthetic corpus of 10,000
// documents.
func BenchmarkAll(b *testing.B) {
	c := synthetic(b, 10000)
	today := qms.Date{Year: 2025, Month: 1, Day: 15}
	var ds []qms.Diagnostic
	for b.Loop() {
		var err error
		ds, err = check.Run(c, All, today)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(ds)), "diags")
}

// BenchmarkEach runs each check alone over the same corpus.
func BenchmarkEach(b *testing.B) {
	c := synthetic(b, 10000)
	today := qms.Date{Year: 2025, Month: 1, Day: 15}
	for _, ch := range All {
		if ch.Run == nil {
			continue
		}
		b.Run(ch.ID, func(b *testing.B) {
			for b.Loop() {
				if _, err := check.Run(c, []*check.Check{ch}, today); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package checks

import (
	"bytes"
	"fmt"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestOneFindingPerMistake breaks, one at a time, every reference, every
// procedure code and every link of a clean manual (testdata/clean), the
// way an editor's typo would, and runs the loader and all the checks: each
// mistake must give exactly one diagnostic, an error on the line that was
// changed. This holds the rules to "one finding per problem": no rule may
// repeat what another reports.
func TestOneFindingPerMistake(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/clean/manual.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	run := func(fsys fstest.MapFS) []qms.Diagnostic {
		c, diags := content.Load(fsys)
		more, err := check.Run(c, All, testToday)
		if err != nil {
			t.Fatal(err)
		}
		return append(diags, more...)
	}
	c, _ := content.Load(fsys)
	if ds := run(fsys); len(ds) != 0 {
		t.Fatalf("the clean manual has findings: %v", ds)
	}

	type mistake struct {
		pos      qms.Pos
		old, new string
		sev      qms.Severity
	}
	var mistakes []mistake
	// wantLine is the line of a mistake's finding when it is not the line
	// changed; -1 when a change must give no finding at all.
	wantLine := map[int]int{}
	for _, r := range newResolver(c).refs() {
		n, pos := r.cit.Ref.Number, r.cit.Pos
		mistakes = append(mistakes,
			mistake{pos, n.Seq + "/", n.Seq + "1/", qms.Error},                 // unresolved
			mistake{pos, "Đ", "D", qms.Error},                                  // diacritics
			mistake{pos, n.Symbol, strings.ToLower(n.Symbol) + "X", qms.Error}) // symbol typo
		if date := r.cit.Ref.Date; !date.IsZero() {
			shared := len(c.DecisionsByNumber(n)) > 1
			sev := qms.Warning // a wrong date for a number only one document has
			if shared {
				sev = qms.Error
				mistakes = append(mistakes, mistake{pos, " ngày " + date.VN(), "", qms.Error}) // ambiguous
			}
			mistakes = append(mistakes, mistake{pos, date.VN(), date.AddDays(1).VN(), sev})
		}
	}
	for _, p := range c.Processes {
		for _, cr := range p.Procedures {
			mistakes = append(mistakes, mistake{cr.Pos, cr.Code, cr.Code + "0", qms.Error})
		}
	}
	for _, d := range c.Documents() {
		for _, l := range d.Base().Links {
			mistakes = append(mistakes, mistake{l.Pos, ".md", "s.md", qms.Error})
		}
	}
	for _, d := range c.Decisions {
		mistakes = append(mistakes,
			mistake{d.At("number"), d.Number.Seq + "/", d.Number.Seq + "1/", qms.Error},
			mistake{d.At("number"), "Đ", "D", qms.Error}) // ID003
	}
	for _, p := range c.Procedures {
		mistakes = append(mistakes, mistake{p.At("code"), p.Code, p.Code + "0", qms.Error})
	}
	for _, p := range c.Processes {
		mistakes = append(mistakes, mistake{p.At("code"), p.Code, p.Code + "0", qms.Error})
	}
	// The common mistakes of issue 12, planted one at a time on the first
	// line of the file that contains old; the finding is on that line, or
	// on the first line that contains at when it is set.
	type planted struct {
		path, old, new string
		sev            qms.Severity
		at             string
	}
	for _, pl := range []planted{
		{"processes/qt-ts-01.md", "unit: Chi cục Thủy sản", "unit: Chi cục Thuỷ sản", qms.Error, ""},              // ID004
		{"processes/qt-ts-01.md", "unit: Chi cục Thủy sản", "unit: Chi cuc Thuy san", qms.Error, ""},              // ID004
		{"processes/qt-ts-02.md", "unit: Chi cục Thủy sản", "unit: chi cục thủy sản", qms.Error, ""},              // ID004
		{"processes/qt-ts-02.md", "unit: Chi cục Thủy sản", "unit: Chi cục Thủy lợi", qms.Error, ""},              // ID005
		{"processes/qt-01.md", "unit: Văn phòng Sở", "unit: Văn phòng", qms.Error, ""},                            // ID005
		{"processes/qt-ts-02.md", "unit: Chi cục Thủy sản", "unit: Chi cục Nuôi trồng thủy sản", qms.Warning, ""}, // ID006
		{"processes/qt-ts-01.md", "unit: Chi cục Thủy sản", "unit: Chi cuc nuoi trong thuy san", qms.Warning, ""}, // ID006
		{"processes/qt-01.md", "(qt-ts-01.md)", "(qt-ts-01)", qms.Error, ""},                                      // LK001, no .md
		{"processes/qt-01.md", "(qt-ts-01.md)", "(&#106;avascript:alert(1))", qms.Error, ""},                      // LK001
		{"processes/qt-01.md", "(qt-ts-01.md)", "(java%73cript:alert(1))", qms.Error, ""},                         // LK001
		{"processes/qt-01.md", "(qt-ts-01.md)", "(%6Aavascript:alert(1))", qms.Error, ""},                         // LK001
		{"processes/qt-01.md", "#dieu-1-pham-vi-dieu-chinh", "#khong-co", qms.Error, ""},                          // LK002
		{"processes/qt-ts-01.md", `forms: ["BM-TS-01-02"]`, `forms: ["BM-TS-01-03"]`, qms.Error, ""},              // PR005
		{"processes/qt-ts-01.md", "## 6. Biểu mẫu", "## 6. Phụ lục", qms.Warning, "status:"},                      // PR006
		{"processes/qt-01.md", "## 1. Mục đích", "Mục đích", qms.Warning, "status:"},                              // PR006
		{"processes/qt-01.md", "## 7. Hồ sơ cần lưu", "## VII. HỒ SƠ LƯU", qms.Warning, "-"},
		{"decisions/2020/3463-qd-ubnd-2020.md", "issuer: UBND tỉnh Nghệ An", "issuer: Sở Nông nghiệp và PTNT Nghệ An", qms.Error, "  - 3463/QĐ-UBND"}, // GR003
		{"decisions/2018/107-2021-nd-cp.md", "issuer: Chính phủ", "issuer: UBND tỉnh Nghệ An", qms.Error, "  - 61/2018"},                              // GR003
		{"decisions/2020/3463-qd-ubnd-2020.md", "issuer: UBND tỉnh Nghệ An", "issuer: UBND huyện Diễn Châu", qms.Warning, "  - 3463/QĐ-UBND"},         // GR003         // no finding
	} {
		line, at := lineOf(fsys[pl.path].Data, pl.old), lineOf(fsys[pl.path].Data, pl.at)
		if line == 0 || pl.at != "" && at == 0 {
			t.Errorf("%s has no line with %q or %q", pl.path, pl.old, pl.at)
			continue
		}
		mistakes = append(mistakes, mistake{qms.Pos{Path: pl.path, Line: line}, pl.old, pl.new, pl.sev})
		if pl.at != "" {
			wantLine[len(mistakes)-1] = at
		}
		if pl.at == "-" {
			wantLine[len(mistakes)-1] = -1
		}
	}
	tried := 0
	for i, m := range mistakes {
		src := fsys[m.pos.Path].Data
		lines := bytes.Split(src, []byte("\n"))
		line := lines[m.pos.Line-1]
		if !bytes.Contains(line, []byte(m.old)) {
			continue
		}
		tried++
		lines[m.pos.Line-1] = bytes.Replace(line, []byte(m.old), []byte(m.new), 1)
		broken := maps.Clone(fsys)
		broken[m.pos.Path] = &fstest.MapFile{Data: bytes.Join(lines, []byte("\n"))}
		ds := run(broken)
		what := fmt.Sprintf("%s:%d: %q → %q", m.pos.Path, m.pos.Line, m.old, m.new)
		if wantLine[i] == -1 {
			if len(ds) != 0 {
				t.Errorf("%s: %d diagnostics, want none:\n%s", what, len(ds), diagLines(ds))
			}
			continue
		}
		if l, ok := wantLine[i]; ok {
			m.pos.Line = l
		}
		if len(ds) != 1 {
			t.Errorf("%s: %d diagnostics, want 1:\n%s", what, len(ds), diagLines(ds))
			continue
		}
		if d := ds[0]; d.Pos.Path != m.pos.Path || d.Pos.Line != m.pos.Line || d.Severity != m.sev {
			t.Errorf("%s: want a finding of severity %s on that line, got %s %s", what, m.sev, d.Severity, d)
		}
	}
	t.Logf("%d mistakes tried", tried)
	if tried < 40 {
		t.Errorf("only %d mistakes tried; the manual lost its references?", tried)
	}
}

// lineOf returns the number of the first line of src that contains s, or 0.
func lineOf(src []byte, s string) int {
	if s == "" {
		return 0
	}
	for i, l := range bytes.Split(src, []byte("\n")) {
		if bytes.Contains(l, []byte(s)) {
			return i + 1
		}
	}
	return 0
}

func diagLines(ds []qms.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\t%s\n", d)
	}
	return b.String()
}

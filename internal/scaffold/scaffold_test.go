package scaffold

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/check/checks"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var base = map[string]string{
	"decisions/2018/61-2018-nd-cp.md":  "---\nnumber: 61/2018/NĐ-CP\ntype: nghi-dinh\nissuer: Chính phủ\nissued: 2018-04-23\ntitle: Về thực hiện cơ chế một cửa\n---\n",
	"decisions/2019/1067-qd-snn-vp.md": "---\nnumber: 1067/QĐ-SNN-VP\ntype: quyet-dinh\nissuer: Sở Nông nghiệp và PTNT Nghệ An\nissued: 2019-12-16\ntitle: Phê duyệt\n---\n",
	"decisions/2020/3464-qd-ubnd.md":   "---\nnumber: 3464/QĐ-UBND\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2020-10-06\ntitle: Công bố\n---\n",
	"procedures/na-ts-01.md": `---
code: "NA-TS-01"
title: Cấp văn bản chấp thuận
field: Thủy sản
level: tinh
agency: Chi cục Thủy sản
receiving: Trung tâm Phục vụ hành chính công tỉnh
time_limit: 07 ngày làm việc
announced_by:
  - "3464/QĐ-UBND"
---
`,
	"processes/qt-01.md":    process("QT-01", "framework", "Văn phòng Sở"),
	"processes/qt-ts-01.md": process("QT-TS-01", "task", "Chi cục Thủy sản"),
	"processes/qt-ts-07.md": process("QT-TS-07", "task", "Chi cục Thủy sản"),
}

func process(code, kind, unit string) string {
	return "---\ncode: \"" + code + "\"\ntitle: T\nkind: " + kind + "\nunit: " + unit +
		"\nrevision: 1\neffective: 2020-01-01\napproved_by: 1067/QĐ-SNN-VP\nstatus: active\n---\n"
}

func corpus(t *testing.T, files map[string]string) *qms.Corpus {
	t.Helper()
	m := fstest.MapFS{}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	c, _ := content.Load(m)
	return c
}

// runAll loads files and runs every check, returning the errors.
func runAll(t *testing.T, files map[string]string) []qms.Diagnostic {
	t.Helper()
	m := fstest.MapFS{}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	c, diags := content.Load(m)
	found, err := check.Run(c, append(append([]*check.Check{}, checks.All...), Checks...), qms.Date{Year: 2026, Month: 1, Day: 1})
	if err != nil {
		t.Fatal(err)
	}
	var errs []qms.Diagnostic
	for _, d := range append(diags, found...) {
		if d.Severity == qms.Error {
			errs = append(errs, d)
		}
	}
	return errs
}

var placeholderRE = regexp.MustCompile(`<điền[^>\n]*>?`)

// fill replaces every placeholder with a plausible value chosen from what
// the placeholder asks for.
func fill(s string) string {
	return placeholderRE.ReplaceAllStringFunc(s, func(ph string) string {
		switch {
		case strings.Contains(ph, "YYYY-MM-DD"):
			return "2021-02-01"
		case strings.Contains(ph, "thời gian, ví dụ"):
			return "04 giờ làm việc"
		case strings.Contains(ph, "thời hạn giải quyết, ví dụ"):
			return "07 ngày làm việc"
		case strings.Contains(ph, "số quyết định công bố"):
			return "3464/QĐ-UBND"
		case strings.Contains(ph, "số văn bản làm căn cứ"):
			return "61/2018/NĐ-CP"
		case strings.Contains(ph, "mã thủ tục"):
			return "NA-TS-01"
		}
		return "Nội dung đã điền"
	})
}

func with(files map[string]string, f *File, data string) map[string]string {
	out := map[string]string{}
	for p, s := range files {
		out[p] = s
	}
	out[f.Path] = data
	return out
}

func TestNewThenCheck(t *testing.T) {
	c := corpus(t, base)
	for _, tc := range []struct {
		name     string
		make     func() (*File, error)
		wantPath string
		// others: the new document rightly makes other files fail
		// (a shared number needs dated citations and file names).
		others bool
	}{
		{"task process", func() (*File, error) {
			return Process(c, ProcessParams{Unit: "Chi cục Thủy sản", Title: "Quy trình thử"})
		}, "processes/qt-ts-08.md", false},
		{"task process with procedure", func() (*File, error) {
			return Process(c, ProcessParams{Unit: "Chi cục Chăn nuôi và Thú y", Procedures: []string{"NA-TS-01"}, LegalBasis: []string{"61/2018/NĐ-CP"}, Effective: "2021-03-01"})
		}, "processes/qt-cnty-01.md", false},
		{"framework process", func() (*File, error) {
			return Process(c, ProcessParams{Kind: "framework", Unit: "Văn phòng Sở", Title: "Quy trình đánh giá nội bộ"})
		}, "processes/qt-02.md", false},
		{"procedure", func() (*File, error) {
			return Procedure(c, ProcedureParams{Field: "Thủy sản", Title: "Cấp giấy phép"})
		}, "procedures/na-ts-02.md", false},
		{"national procedure", func() (*File, error) {
			return Procedure(c, ProcedureParams{Code: "1.004359", Field: "Thú y", TimeLimit: "10 ngày làm việc", AnnouncedBy: []string{"3464/QĐ-UBND"}})
		}, "procedures/1.004359.md", false},
		{"decision", func() (*File, error) {
			return Decision(c, DecisionParams{Number: "Số: 120 / QĐ – SNN-VP", Issued: "2021-01-20", Supersedes: []string{"61/2018/NĐ-CP"}})
		}, "decisions/2021/120-qd-snn-vp.md", false},
		{"decision sharing a number", func() (*File, error) {
			return Decision(c, DecisionParams{Number: "3464/QĐ-UBND", Issued: "2021-01-20", Title: "Công bố năm 2021"})
		}, "decisions/2021/3464-qd-ubnd-2021.md", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := tc.make()
			if err != nil {
				t.Fatal(err)
			}
			if f.Path != tc.wantPath {
				t.Errorf("path = %s, want %s", f.Path, tc.wantPath)
			}
			raw := string(f.Data)
			errs := runAll(t, with(base, f, raw))
			var ph int
			for _, d := range errs {
				if d.Check == "PH001" {
					ph++
					if d.Pos.Path != f.Path || d.Pos.Line < 1 || !strings.HasPrefix(strings.TrimPrefix(d.Message, "chưa điền chỗ trống “"), "<điền") {
						t.Errorf("bad PH001 diagnostic: %s", d)
					}
				} else if d.Pos.Path != f.Path && !tc.others {
					t.Errorf("unfilled template breaks another file: %s", d)
				}
			}
			if want := strings.Count(raw, Marker); ph != want || want == 0 {
				t.Errorf("PH001 reported %d placeholders, file has %d", ph, want)
			}
			filled := fill(raw)
			if strings.Contains(filled, Marker) {
				t.Fatal("fill left a placeholder")
			}
			for _, d := range runAll(t, with(base, f, filled)) {
				if d.Pos.Path == f.Path || !tc.others {
					t.Errorf("filled template: %s\n%s", d, filled)
				}
			}
			if tc.others && len(f.Notes) == 0 {
				t.Error("no note about the other files to fix")
			}
		})
	}
}

func TestNewRefusals(t *testing.T) {
	c := corpus(t, base)
	if _, err := Process(c, ProcessParams{Code: "QT-TS-01"}); err == nil || !strings.Contains(err.Error(), "đã có") {
		t.Errorf("existing process code: err = %v", err)
	}
	if _, err := Process(c, ProcessParams{Title: "x"}); err == nil {
		t.Error("process without unit: no error")
	}
	if _, err := Process(c, ProcessParams{Unit: "X", Kind: "other"}); err == nil {
		t.Error("bad kind: no error")
	}
	if _, err := Process(c, ProcessParams{Unit: "X", Effective: "2020-13-45"}); err == nil {
		t.Error("bad date: no error")
	}
	if _, err := Procedure(c, ProcedureParams{Code: "NA-TS-01"}); err == nil {
		t.Error("existing procedure code: no error")
	}
	if _, err := Procedure(c, ProcedureParams{Field: "Thủy sản", TimeLimit: "mười ngày"}); err == nil {
		t.Error("bad time limit: no error")
	}
	if _, err := Decision(c, DecisionParams{}); err == nil || !strings.Contains(err.Error(), "--number") {
		t.Errorf("decision without number: err = %v", err)
	}
	if _, err := Decision(c, DecisionParams{Number: "3464/QĐ-UBND", Issued: "2020-10-06"}); err == nil {
		t.Error("existing decision: no error")
	}
	if _, err := Decision(c, DecisionParams{Number: "không phải số"}); err == nil {
		t.Error("bad number: no error")
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	root := t.TempDir()
	f := &File{Path: "processes/qt-09.md", Data: []byte("một")}
	if err := Write(root, f); err != nil {
		t.Fatal(err)
	}
	f2 := &File{Path: f.Path, Data: []byte("hai")}
	if err := Write(root, f2); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second Write: err = %v, want ErrExist", err)
	}
	b, _ := os.ReadFile(filepath.Join(root, "processes", "qt-09.md"))
	if string(b) != "một" {
		t.Errorf("file overwritten: %q", b)
	}
}

func TestCodes(t *testing.T) {
	c := corpus(t, base)
	for _, tc := range []struct{ got, want string }{
		{UnitPrefix(c, "Chi cục Thủy sản"), "TS"},
		{UnitPrefix(c, "Chi cục Chăn nuôi và Thú y"), "CNTY"},
		{UnitPrefix(c, "Văn phòng Sở"), "VP"},
		{UnitPrefix(c, "Phòng Kế hoạch - Tài chính"), "KHTC"},
		{UnitPrefix(c, "Chi cục Trồng trọt và Bảo vệ thực vật"), "TTBVTV"},
		{NextProcessCode(c, "TS"), "QT-TS-08"},
		{NextProcessCode(c, "KL"), "QT-KL-01"},
		{NextProcessCode(c, ""), "QT-02"},
		{NextProcedureCode(c, "Thủy sản"), "NA-TS-02"},
		{NextProcedureCode(c, "Đất đai"), "NA-DD-01"},
		{nextCode("QT-", []string{"QT-009", "qt-010", "QT-TS-99"}), "QT-011"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	got := Find([]byte("a: <điền x>\nxyz\nđ <điền y> và <điền z\n"))
	want := []Found{
		{qms.Pos{Line: 1, Col: 4}, "<điền x>"},
		{qms.Pos{Line: 3, Col: 3}, "<điền y>"},
		{qms.Pos{Line: 3, Col: 15}, "<điền z"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestYAMLValue(t *testing.T) {
	for _, s := range []string{"Chi cục Thủy sản", "1.004359", "2020-01-01", "a: b", "# x", "- y", "yes", "<điền x>", "a\nb"} {
		v := yamlValue(s)
		m := fstest.MapFS{"decisions/x.md": {Data: []byte("---\nnumber: 1/QĐ-UBND\ntype: khac\nissuer: " + v + "\nissued: 2020-01-01\ntitle: t\n---\n")}}
		c, diags := content.Load(m)
		if len(diags) != 0 || len(c.Decisions) != 1 || c.Decisions[0].Issuer != s {
			t.Errorf("yamlValue(%q) = %s: read back %v, %d decisions", s, v, diags, len(c.Decisions))
		}
	}
}

// TestNewDecisionCanonicalNumber: a number typed with "D" for "Đ" is
// written with its official spelling, and its type comes from that
// spelling (77/QD-UBND is a quyết định, not a công văn).
func TestNewDecisionCanonicalNumber(t *testing.T) {
	c := corpus(t, base)
	for in, want := range map[string]struct{ number, typ, path string }{
		"77/QD-UBND":    {"77/QĐ-UBND", "quyet-dinh", "decisions/2021/77-qd-ubnd.md"},
		"15/2021/ND-CP": {"15/2021/NĐ-CP", "nghi-dinh", "decisions/2021/15-2021-nd-cp.md"},
		"448/SNN-VP":    {"448/SNN-VP", "cong-van", "decisions/2021/448-snn-vp.md"},
	} {
		f, err := Decision(c, DecisionParams{Number: in, Issued: "2021-03-01"})
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		raw := string(f.Data)
		if f.Path != want.path || !strings.Contains(raw, "\nnumber: \""+want.number+"\"\n") || !strings.Contains(raw, "\ntype: "+want.typ+"\n") {
			t.Errorf("%s: %s\n%s", in, f.Path, raw)
		}
		if corrected := want.number != in; corrected != (len(f.Notes) == 1) {
			t.Errorf("%s: notes %q", in, f.Notes)
		}
	}
}

package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestDates: a date written another way gets its fix, an implausible one
// is an error at its line, and an unfilled placeholder is left to PH001.
func TestDates(t *testing.T) {
	defer func(f func() qms.Date) { today = f }(today)
	today = func() qms.Date { return qms.Date{Year: 2026, Month: 12, Day: 7} }
	tests := []struct {
		value string
		want  string // "" for no diagnostic, else "col substring"
	}{
		{"2020-11-01", ""},
		{"20/11/2020", "12 viết là 2020-11-20"},
		{"1/12/2020", "12 viết là 2020-12-01"},
		{"01.12.2020", "12 viết là 2020-12-01"},
		{"2020/11/20", "12 viết là 2020-11-20"},
		{"2020-1-6", "12 viết là 2020-01-06"},
		{"31/02/2020", "12 không tồn tại"},
		{"2021-02-29", "12 không tồn tại"},
		{"năm 2020", "12 không đúng dạng"},
		{"2207-06-30", "12 nằm ngoài khoảng hợp lý (từ 01/01/1945 đến 07/12/2076)"},
		{"1944-12-31", "12 nằm ngoài khoảng hợp lý"},
		{"1945-01-01", ""},
		{"2076-12-07", ""},
		{"\"<điền ngày hiệu lực, dạng YYYY-MM-DD>\"", ""},
		{"<điền ngày>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			src := strings.Replace(goodProcess, "effective: 2020-11-01", "effective: "+tt.value, 1)
			doc, diags := ParseFile("processes/qt-01.md", []byte(src))
			got := diagStrings(diags)
			if tt.want == "" {
				if len(got) != 0 {
					t.Errorf("diagnostics %q, want none", got)
				}
				return
			}
			col, sub, _ := strings.Cut(tt.want, " ")
			if len(got) != 1 || !strings.HasPrefix(got[0], "processes/qt-01.md:7:"+col+" LD005 ") || !strings.Contains(got[0], sub) {
				t.Errorf("diagnostics %q, want one LD005 at 7:%s containing %q", got, col, sub)
			}
			if !doc.(*qms.Process).Effective.IsZero() {
				t.Errorf("Effective set to %v", doc.(*qms.Process).Effective)
			}
		})
	}
}

// TestNewFields decodes revisions, under_review and announces with their
// positions, and reports shapes that are wrong.
func TestNewFields(t *testing.T) {
	good := strings.Replace(goodProcess, "steps:\n", `revisions:
  - revision: 1
    effective: 2018-01-15
    approved_by: 12/QĐ-SNN-VP
    change: Ban hành lần đầu
  - revision: 2
    effective: 2020-11-01
    approved_by: 1067/QĐ-SNN-VP ngày 20/10/2020
    change: Cập nhật theo Quyết định 3463/QĐ-UBND
under_review:
  since: 2025-03-01
  reason: Căn cứ pháp lý được thay thế
steps:
`, 1)
	doc, diags := ParseFile("processes/qt-01.md", []byte(good))
	if len(diags) != 0 {
		t.Fatalf("diagnostics %q", diagStrings(diags))
	}
	p := doc.(*qms.Process)
	if len(p.Revisions) != 2 {
		t.Fatalf("revisions %+v", p.Revisions)
	}
	r := p.Revisions[1]
	if r.Revision != 2 || r.Effective.String() != "2020-11-01" || r.ApprovedBy == nil || r.ApprovedBy.Ref.Number.String() != "1067/QĐ-SNN-VP" ||
		r.ApprovedBy.Ref.Date.String() != "2020-10-20" || r.Change != "Cập nhật theo Quyết định 3463/QĐ-UBND" || r.Pos.Line != 19 || r.Pos.Col != 5 {
		t.Errorf("revisions[1] = %+v", r)
	}
	if u := p.UnderReview; u == nil || u.Since.String() != "2025-03-01" || u.Reason != "Căn cứ pháp lý được thay thế" || u.Pos.Line != 24 || u.Pos.Col != 3 {
		t.Errorf("under_review = %+v", p.UnderReview)
	}
	if got := p.At("revisions.1.change"); got.Line != 22 || got.Col != 13 {
		t.Errorf("revisions.1.change at %v", got)
	}
	if got := p.At("under_review.reason"); got.Line != 25 {
		t.Errorf("under_review.reason at %v", got)
	}

	dec, diags := ParseFile("decisions/a.md", []byte(strings.Replace(goodDecision, "title:", "announces: 12\ntitle:", 1)))
	if a := dec.(*qms.Decision).Announces; len(diags) != 0 || a == nil || *a != 12 {
		t.Errorf("announces = %v, %q", a, diagStrings(diags))
	}
	dec, _ = ParseFile("decisions/a.md", []byte(strings.Replace(goodDecision, "title:", "announces: 0\ntitle:", 1)))
	if a := dec.(*qms.Decision).Announces; a == nil || *a != 0 {
		t.Errorf("announces: 0 = %v", a)
	}
	if dec, _ = ParseFile("decisions/a.md", []byte(goodDecision)); dec.(*qms.Decision).Announces != nil {
		t.Error("announces set when absent")
	}

	bad := []struct {
		path, old, new, want string
	}{
		{"decisions/a.md", "title:", "announces: -1\ntitle:", `6:12 LD004 trường "announces" phải lớn hơn hoặc bằng 0`},
		{"decisions/a.md", "title:", "announces: mười\ntitle:", `6:12 LD004 trường "announces" phải là một số nguyên`},
		{"processes/qt-01.md", "steps:\n", "revisions: 2\nsteps:\n", `14:12 LD004 trường "revisions" phải là một danh sách`},
		{"processes/qt-01.md", "steps:\n", "revisions:\n  - revision: 1\n    chang: x\nsteps:\n", `15:5 LD003 thiếu trường bắt buộc "revisions.0.effective"`},
		{"processes/qt-01.md", "steps:\n", "revisions:\n  - revision: 0\n    effective: 2020-01-01\nsteps:\n", `15:15 LD004 trường "revisions.0.revision" phải lớn hơn hoặc bằng 1`},
		{"processes/qt-01.md", "steps:\n", "revisions:\n  - revision: 0\n    chang: x\nsteps:\n", `16:5 LD007 trường "chang" không có trong mẫu tài liệu; có phải là "change"?`},
		{"processes/qt-01.md", "steps:\n", "under_review: từ 2025\nsteps:\n", `14:15 LD004 trường "under_review" phải gồm các dòng`},
		{"processes/qt-01.md", "steps:\n", "under_review:\n  since: 2025-03-01\nsteps:\n", `15:3 LD003 thiếu trường bắt buộc "under_review.reason"`},
	}
	for _, b := range bad {
		_, diags := ParseFile(b.path, []byte(strings.Replace(map[bool]string{true: goodDecision, false: goodProcess}[b.path == "decisions/a.md"], b.old, b.new, 1)))
		found := false
		for _, g := range diagStrings(diags) {
			found = found || strings.HasPrefix(g, b.path+":"+b.want)
		}
		if !found {
			t.Errorf("%s: diagnostics %q, want %q", b.new, diagStrings(diags), b.want)
		}
	}
}

// TestOrgFile loads qms.yaml: its fields, its diagnostics at
// qms.yaml:line:col, and the defaults when it is absent.
func TestOrgFile(t *testing.T) {
	c, diags := Load(fstest.MapFS{})
	if len(diags) != 0 || !c.Org.Default || c.Org.Name != "Cơ quan" || c.Org.Site.Title != "Hệ thống quản lý chất lượng ISO 9001" {
		t.Errorf("default org %+v, %q", c.Org, diagStrings(diags))
	}
	good := `organization:
  name: Sở Nông nghiệp và Môi trường Nghệ An
  short_name: Sở NN&MT
  history:
    - name: Sở Nông nghiệp và PTNT Nghệ An
      until: 2025-03-01
      decision: 2612/QĐ-UBND
site:
  title: Sổ tay chất lượng
  base_url: https://example.invalid/
units:
  - name: Chi cục Chăn nuôi và Thú y
    history:
      - name: Chi cục Thú y
        until: 2017-08-01
`
	c, diags = Load(fstest.MapFS{OrgFile: {Data: []byte(good)}})
	o := c.Org
	if len(diags) != 0 || o.Default || o.Name != "Sở Nông nghiệp và Môi trường Nghệ An" || o.ShortName != "Sở NN&MT" ||
		o.Site.Title != "Sổ tay chất lượng" || o.Site.BaseURL != "https://example.invalid/" || o.Site.Language != "vi" {
		t.Fatalf("org %+v, %q", o, diagStrings(diags))
	}
	if len(o.History) != 1 || o.History[0].Until.String() != "2025-03-01" || o.History[0].Decision == nil ||
		o.History[0].Decision.Ref.Number.String() != "2612/QĐ-UBND" || o.History[0].Pos.String() != "qms.yaml:5:7" {
		t.Errorf("history %+v", o.History)
	}
	if len(o.Units) != 1 || o.Units[0].Pos.String() != "qms.yaml:12:5" || len(o.Units[0].History) != 1 || o.Units[0].History[0].Name != "Chi cục Thú y" {
		t.Errorf("units %+v", o.Units)
	}

	for _, tt := range []struct{ src, want string }{
		{"organisation:\n  name: X\n", `qms.yaml:1:1 LD007 trường "organisation" không có trong mẫu tệp qms.yaml; có phải là "organization"?`},
		{"organization:\n  name: X\n  web: y\n", `qms.yaml:3:3 LD007 trường "web" không có trong mẫu tệp qms.yaml`},
		{"organization:\n  short_name: X\n", `qms.yaml:2:3 LD003 thiếu trường bắt buộc "organization.name"`},
		{"organization: X\n", `qms.yaml:1:15 LD004 trường "organization" phải gồm các dòng`},
		{"organization:\n  name: X\n  history:\n    - name: Y\n      until: 01/03/2025\n", `qms.yaml:5:14 LD005 trường "organization.history.0.until": ngày phải ghi theo thứ tự năm-tháng-ngày, viết là 2025-03-01`},
		{"organization:\n\tname: X\n", `qms.yaml:2:1 LD002 lỗi cú pháp`},
		{"", `qms.yaml:1:1 LD003 thiếu trường bắt buộc "organization"`},
	} {
		c, diags := Load(fstest.MapFS{OrgFile: {Data: []byte(tt.src)}})
		found := false
		for _, g := range diagStrings(diags) {
			found = found || strings.HasPrefix(g, tt.want)
		}
		if !found || len(diags) > 2 {
			t.Errorf("%q: diagnostics %q, want %q", tt.src, diagStrings(diags), tt.want)
		}
		if c.Org.Name == "" || c.Org.Site.Title == "" {
			t.Errorf("%q: org without defaults %+v", tt.src, c.Org)
		}
	}
}

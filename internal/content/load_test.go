package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

const goodDecision = `---
number: 3463/QĐ-UBND
type: quyet-dinh
issuer: UBND tỉnh Nghệ An
issued: 2020-10-06
title: Công bố danh mục thủ tục hành chính
supersedes:
  - 3465/QĐ-UBND ngày 04/09/2019
---
Nội dung. Xem [quy trình](../../processes/qt-01.md).
`

const goodProcess = `---
code: QT-TY-01
title: Quy trình cấp chứng chỉ hành nghề thú y
kind: task
unit: Chi cục Chăn nuôi và Thú y
revision: 2
effective: 2020-11-01
approved_by: 1067/QĐ-SNN-VP
status: active
procedures:
  - "NA-TY-01"
legal_basis:
  - 3463/QĐ-UBND
steps:
  - actor: Trung tâm Phục vụ hành chính công tỉnh
    action: Tiếp nhận hồ sơ
    time: 04 giờ làm việc
  - actor: Chi cục
    action: Thẩm định
    time: 4 ngày làm việc
forms:
  - code: BM-01
    title: Đơn đề nghị
records:
  - name: Hồ sơ
    keeper: Chi cục
    retention: 05 năm
---
## 1. Mục đích
`

func TestLoadGood(t *testing.T) {
	c, diags := Load(fstest.MapFS{
		"decisions/2020/3463-qd-ubnd.md": {Data: []byte(goodDecision)},
		"processes/qt-ty-01.md":          {Data: []byte(goodProcess)},
		"processes/notes.txt":            {Data: []byte("not a document")},
	})
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if len(c.Decisions) != 1 || len(c.Processes) != 1 {
		t.Fatalf("got %d decisions, %d processes", len(c.Decisions), len(c.Processes))
	}
	d := c.Decisions[0]
	if d.Number.String() != "3463/QĐ-UBND" || d.Issued.String() != "2020-10-06" || d.Stem != "3463-qd-ubnd" {
		t.Errorf("decision = %+v", d)
	}
	if len(d.Supersedes) != 1 || d.Supersedes[0].Ref.Date.VN() != "04/09/2019" || d.Supersedes[0].Pos.Line != 8 || d.Supersedes[0].Pos.Col != 5 {
		t.Errorf("supersedes = %+v", d.Supersedes)
	}
	if len(d.Links) != 1 || d.Links[0].Dest != "../../processes/qt-01.md" || d.Links[0].Pos.Line != 10 || d.Links[0].Pos.Col != 15 {
		t.Errorf("links = %+v", d.Links)
	}
	p := c.Processes[0]
	if p.Revision != 2 || p.ApprovedBy == nil || p.ApprovedBy.Ref.Number.String() != "1067/QĐ-SNN-VP" {
		t.Errorf("process = %+v", p)
	}
	if h, ok := p.StepsTotal(); !ok || h != 36 {
		t.Errorf("StepsTotal = %d, %v; want 36", h, ok)
	}
	if got := p.At("steps.1.time"); got.Line != 20 || got.Col != 11 {
		t.Errorf("steps.1.time at %v", got)
	}
	if len(p.Procedures) != 1 || p.Procedures[0].Code != "NA-TY-01" {
		t.Errorf("procedures = %+v", p.Procedures)
	}
	if c.Process("QT-TY-01") != p {
		t.Error("index lookup failed")
	}
}

func TestBOMCRLFAndNFC(t *testing.T) {
	// Decomposed "Nghệ" (e + combining circumflex + combining dot below).
	nfd := strings.ReplaceAll(goodDecision, "Nghệ", "Nghe\u0302\u0323")
	src := "\ufeff" + strings.ReplaceAll(nfd, "\n", "\r\n")
	src = strings.Replace(src, "issued: 2020-10-06", "issued: 2020-13-45", 1)
	c, diags := Load(fstest.MapFS{"decisions/3463-qd-ubnd.md": {Data: []byte(src)}})
	if len(diags) != 1 || diags[0].Check != idDate || diags[0].Pos.Line != 5 || diags[0].Pos.Col != 9 {
		t.Fatalf("diags = %v; want one LD005 at 5:9", diags)
	}
	if got := c.Decisions[0].Issuer; got != "UBND tỉnh Nghệ An" {
		t.Errorf("issuer %q not NFC", got)
	}
}

func TestLoaderDiagnostics(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string // "line:col ID substring"
	}{
		{"no front matter", "decisions/a.md", "số 1\n", []string{"1:1 LD001 bắt đầu"}},
		{"unclosed", "decisions/a.md", "---\nnumber: 1/QĐ-UBND\n", []string{"1:1 LD001 thiếu dòng"}},
		{"bad yaml", "decisions/a.md", "---\nnumber: [1\ntitle: x\n---\n", []string{"LD002 cú pháp"}},
		{"missing fields", "decisions/a.md", "---\nnumber: 1/QĐ-UBND\ntype: quyet-dinh\n---\n",
			[]string{`1:1 LD003 "issuer"`, `1:1 LD003 "issued"`, `1:1 LD003 "title"`}},
		{"wrong type", "processes/qt-01.md", strings.Replace(goodProcess, "revision: 2", "revision: hai", 1),
			[]string{"6:11 LD004 số nguyên"}},
		{"list expected", "processes/qt-01.md", strings.Replace(goodProcess, "legal_basis:\n  - 3463/QĐ-UBND", "legal_basis: 3463/QĐ-UBND", 1),
			[]string{"12:14 LD004 danh sách"}},
		{"invalid date", "processes/qt-01.md", strings.Replace(goodProcess, "2020-11-01", "2021-02-29", 1),
			[]string{"7:12 LD005 không tồn tại"}},
		{"enum", "processes/qt-01.md", strings.Replace(goodProcess, "status: active", "status: actve", 1),
			[]string{`9:9 LD006 "active"`}},
		{"unknown key", "processes/qt-01.md", strings.Replace(goodProcess, "legal_basis:", "legal_bassis:", 1),
			[]string{`12:1 LD007 "legal_basis"`}},
		{"unquoted code", "procedures/1.004359.md", "---\ncode: 1.004359\ntitle: T\nfield: Thú y\nlevel: tinh\nagency: A\nreceiving: B\ntime_limit: 5d\nannounced_by:\n  - 3463/QĐ-UBND\n---\n",
			[]string{"2:7 LD004 dấu nháy"}},
		{"bad duration", "procedures/x.md", "---\ncode: \"X\"\ntitle: T\nfield: Thú y\nlevel: tinh\nagency: A\nreceiving: B\ntime_limit: năm ngày\nannounced_by:\n  - 3463/QĐ-UBND\n---\n",
			[]string{"8:13 LD009 thời hạn"}},
		{"bad number", "decisions/a.md", "---\nnumber: không số\ntype: quyet-dinh\nissuer: A\nissued: 2020-01-01\ntitle: T\n---\n",
			[]string{"2:9 LD008 số và ký hiệu"}},
		{"step item missing", "processes/qt-01.md", strings.Replace(goodProcess, "    time: 04 giờ làm việc\n", "", 1),
			[]string{`15:5 LD003 "steps.0.time"`}},
		{"active without approval", "processes/qt-01.md", strings.Replace(goodProcess, "approved_by: 1067/QĐ-SNN-VP\n", "", 1),
			[]string{`1:1 LD003 "approved_by"`}},
		{"not utf8", "decisions/a.md", "---\nnumber: \xff\n---\n", []string{"2:9 LD011 UTF-8"}},
		{"duplicate key", "decisions/a.md", strings.Replace(goodDecision, "type: quyet-dinh\n", "type: quyet-dinh\ntype: ke-hoach\n", 1),
			[]string{"4:1 LD002 hai lần"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseFile(tt.path, []byte(tt.src))
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%d:%d %s %s", d.Pos.Line, d.Pos.Col, d.Check, d.Message))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			qms.SortDiagnostics(diags)
			for i, w := range tt.want {
				parts := strings.SplitN(w, " ", 3)
				ok := false
				for _, g := range got {
					if matchDiag(g, parts) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("want[%d] %q not found in:\n%s", i, w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

func matchDiag(got string, want []string) bool {
	for _, w := range want {
		if !strings.Contains(got, w) {
			return false
		}
	}
	return true
}

func TestParseFileNeverPanics(t *testing.T) {
	for _, s := range []string{"", "---", "---\n---", "---\n- a\n---\n", "---\n: :\n---\n", "---\nsteps: [1]\n---", "---\n&a [*a]\n---\n"} {
		for _, p := range []string{"processes/a.md", "procedures/a.md", "decisions/a.md"} {
			ParseFile(p, []byte(s))
		}
	}
}

package change

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

const supersedes3463 = `---
number: 1/QĐ-UBND
type: quyet-dinh
issuer: UBND tỉnh Nghệ An
issued: 2024-01-05
title: Công bố lại
supersedes:
  - 3463/QĐ-UBND
---
Xem [quy trình QT-01](../../processes/qt-01.md).
`

func itemIDs(items []Item) string {
	var ids []string
	for _, it := range items {
		var rels []string
		for _, r := range it.Relations {
			rels = append(rels, r.Field+"/"+r.Via)
		}
		ids = append(ids, it.ID+"["+strings.Join(rels, ",")+"]="+it.Status)
	}
	return strings.Join(ids, " ")
}

func TestImpactOfDecision(t *testing.T) {
	c := load(t, edit(map[string]string{"decisions/2024/1-qd-ubnd.md": supersedes3463}), true).Corpus
	d, err := Lookup(c, "3463/QD-UBND") // without diacritics: still found
	if err != nil {
		t.Fatal(err)
	}
	im := ImpactOf(c, d, qms.Date{Year: 2023, Month: 6, Day: 1})
	if im.Target.ID != "3463/QĐ-UBND" || im.Target.Status != "in-force" {
		t.Errorf("target = %+v", im.Target)
	}
	for _, tc := range []struct{ name, got, want string }{
		{"chain", itemIDs(im.Chain), "1/QĐ-UBND[supersedes/]=not-yet-effective"},
		{"procedures", itemIDs(im.Procedures), "NA-TS-01[announced_by/]=in-force"},
		{"processes", itemIDs(im.Processes), "QT-01[legal_basis/]=active QT-TS-01[procedures/NA-TS-01]=active QT-TS-02[legal_basis/]=abolished"},
		{"links", itemIDs(im.Links), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, tc.got, tc.want)
		}
	}
	// As of today the decision is superseded.
	im = ImpactOf(c, d, today)
	if im.Target.Status != "superseded" || !strings.Contains(im.Target.StatusText, "bị thay thế bởi 1/QĐ-UBND từ ngày 05/01/2024") {
		t.Errorf("target today = %+v", im.Target)
	}
	var text, js bytes.Buffer
	if err := WriteImpactText(&text, im); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Văn bản 3463/QĐ-UBND: Công bố danh mục thủ tục hành chính\n",
		"Tình trạng ngày 29/11/2026: bị thay thế bởi 1/QĐ-UBND",
		"Quy trình dựa vào văn bản (trực tiếp hoặc qua thủ tục) (3)",
		"  QT-TS-01  Cấp giấy chứng nhận\n      thực hiện thủ tục NA-TS-01 (announced_by); đang áp dụng, lần ban hành 1 từ ngày 02/11/2020\n",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, text.String())
		}
	}
	if err := WriteImpactJSON(&js, im); err != nil {
		t.Fatal(err)
	}
	var v struct {
		AsOf      string `json:"as_of"`
		Target    Item   `json:"target"`
		Processes []Item `json:"processes"`
		Links     []Item `json:"links"`
	}
	if err := json.Unmarshal(js.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.AsOf != "2026-11-29" || v.Target.Status != "superseded" || len(v.Processes) != 3 || v.Links == nil {
		t.Errorf("JSON = %s", js.String())
	}
}

func TestImpactOfProcedureAndLinks(t *testing.T) {
	c := load(t, edit(map[string]string{"decisions/2024/1-qd-ubnd.md": supersedes3463}), true).Corpus
	p, err := Lookup(c, "na-ts-01")
	if err != nil {
		t.Fatal(err)
	}
	im := ImpactOf(c, p, today)
	if got := itemIDs(im.Processes); got != "QT-TS-01[procedures/]=active" {
		t.Errorf("procedure impact: %s", got)
	}
	q, err := Lookup(c, "QT-01")
	if err != nil {
		t.Fatal(err)
	}
	im = ImpactOf(c, q, today)
	if got := itemIDs(im.Links); got != "1/QĐ-UBND[body/]=in-force" {
		t.Errorf("links to QT-01: %s", got)
	}
	if _, err := Lookup(c, "QT-99"); err == nil {
		t.Error("Lookup(QT-99): no error")
	}
}

func TestLookupAmbiguous(t *testing.T) {
	c := load(t, edit(map[string]string{"decisions/2021/3463-qd-ubnd-2021.md": strings.Replace(fixture["decisions/2020/3463-qd-ubnd.md"], "2020-10-06", "2021-10-06", 1)}), false).Corpus
	if _, err := Lookup(c, "3463/QĐ-UBND"); err == nil || !strings.Contains(err.Error(), "ngày 06/10/2021") {
		t.Errorf("ambiguous: err = %v", err)
	}
	d, err := Lookup(c, "3463/QĐ-UBND ngày 06/10/2021")
	if err != nil || d.Base().Path != "decisions/2021/3463-qd-ubnd-2021.md" {
		t.Errorf("dated: %v, %v", d, err)
	}
}

func TestRound(t *testing.T) {
	to := edit(map[string]string{
		// amended
		"processes/qt-01.md": "s/revision: 1\\neffective: 2020-01-02\\napproved_by: 1067/revision: 2\\neffective: 2021-03-02\\napproved_by: 200/",
		// abolished
		"processes/qt-ts-01.md": "s|status: active|status: abolished\\nabolished_by: 200/QĐ-SNN-VP|",
		// new, in a sub-folder
		"processes/moi/qt-ts-03.md": strings.Replace(fixture["processes/qt-ts-01.md"], "QT-TS-01", "QT-TS-03", 1),
		// a draft is not counted
		"processes/qt-ts-04.md": strings.NewReplacer("QT-TS-01", "QT-TS-04", "status: active", "status: draft").Replace(fixture["processes/qt-ts-01.md"]),
		// procedure abolished, procedure added
		"procedures/na-ts-01.md": "s|announced_by:|abolished_by: 200/QĐ-SNN-VP\\nannounced_by:|",
		"procedures/na-ts-02.md": strings.Replace(fixture["procedures/na-ts-01.md"], "NA-TS-01", "NA-TS-02", 1),
		// decision added
		"decisions/2024/1-qd-ubnd.md": supersedes3463,
	})
	r := CompareRound(load(t, fixture, true).Corpus, load(t, to, true).Corpus)
	r.From, r.To = End{Ref: "v1", Commit: "abc1234", Date: qms.Date{Year: 2021, Month: 1, Day: 1}}, End{Ref: "HEAD"}
	got := map[string]int{
		"new": len(r.ProcessesNew), "amended": len(r.ProcessesAmended), "abolished": len(r.ProcessesAbolished),
		"procAdded": len(r.ProceduresAdded), "procAbolished": len(r.ProceduresAbolished), "decAdded": len(r.DecisionsAdded),
	}
	want := map[string]int{"new": 1, "amended": 1, "abolished": 1, "procAdded": 1, "procAbolished": 1, "decAdded": 1}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
	}
	if r.Summary() != "2 quy trình được ban hành: 1 xây dựng mới, 1 sửa đổi, bổ sung; 1 quy trình bãi bỏ." {
		t.Errorf("summary %q", r.Summary())
	}
	var md, js, text bytes.Buffer
	if err := WriteRoundMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Từ `v1` (abc1234, 01/01/2021) đến `HEAD`.",
		"| Quy trình được ban hành | 2 |\n| – xây dựng mới | 1 |\n| – sửa đổi, bổ sung | 1 |\n| Quy trình bãi bỏ | 1 |",
		"#### Quy trình sửa đổi, bổ sung (1)\n\n- `QT-01` Kiểm soát thông tin dạng văn bản (lần ban hành 1 → 2)\n",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
	if err := WriteRoundJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Processes struct{ New, Amended, Abolished, Promulgated int }
		Items     map[string][]RoundItem
	}
	if err := json.Unmarshal(js.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Processes.Promulgated != 2 || len(v.Items["decisions_added"]) != 1 || v.Items["processes_new"][0].Path != "processes/moi/qt-ts-03.md" {
		t.Errorf("JSON: %s", js.String())
	}
	if err := WriteRoundText(&text, r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text.String(), "Rà soát từ v1 (abc1234, 01/01/2021) đến HEAD\n2 quy trình") {
		t.Errorf("text:\n%s", text.String())
	}
}

func TestEndNames(t *testing.T) {
	for _, tc := range []struct {
		e    End
		want string
	}{
		{End{Ref: "v1", Commit: "abc1234", Date: qms.Date{Year: 2024, Month: 1, Day: 2}}, "v1 (abc1234, 02/01/2024)"},
		{End{Ref: "abc1234", Commit: "abc1234"}, "abc1234"},
		{End{Ref: "abc1234def", Commit: "abc1234"}, "abc1234def"},
		{End{Ref: "HEAD"}, "HEAD"},
	} {
		if got := tc.e.String(); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.e, got, tc.want)
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	if got := mdEscape("a|b <script> *x*"); got != `a\|b \<script\> \*x\*` {
		t.Errorf("mdEscape = %q", got)
	}
}

package checks

import (
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var coverage = &check.Check{
	ID: "PR002", Name: "coverage", Severity: qms.Warning,
	Doc: `Thủ tục chưa có quy trình đang áp dụng
Mỗi thủ tục hành chính còn hiệu lực (chưa bị bãi bỏ tính đến hôm nay) do
một đơn vị của Sở giải quyết nên được thực hiện bởi ít nhất một quy trình
có status active, để hệ thống quản lý chất lượng bao trùm mọi thủ tục của
Sở.

Thủ tục được coi là do đơn vị của Sở giải quyết khi có level là tinh (cấp
tỉnh) và cơ quan giải quyết (agency) không phải UBND hay Chủ tịch UBND:
Sở, các Chi cục, Trung tâm trực thuộc. Thủ tục cấp huyện, cấp xã, hoặc do
UBND tỉnh quyết định thì không bị cảnh báo. Nếu thủ tục chỉ có trong quy
trình dự thảo, thông báo nêu tên quy trình đó. Khi một quy trình đang áp
dụng ghi một mã thủ tục không có (lỗi XR001), các thủ tục có mã gần giống
mã đó không bị cảnh báo, vì có thể chính chúng là thủ tục được nhắc tới.`,
	Run: runCoverage,
}

func runCoverage(pass *check.Pass) error {
	c := pass.Corpus
	var codes []string
	for _, pr := range c.Procedures {
		if pr.Code != "" {
			codes = append(codes, pr.Code)
		}
	}
	// Procedures are keyed by their code's slug, as ID001 compares them, so
	// that a duplicate is neither covered twice nor reported twice.
	active := map[string]bool{}
	drafts := map[string][]string{}
	for _, p := range c.Processes {
		for _, cr := range p.Procedures {
			pr := c.Procedure(cr.Code)
			switch {
			case pr == nil && p.Status == qms.StatusActive:
				// A mistyped code (XR001) may mean any procedure near it.
				for _, code := range near(cr.Code, codes) {
					active[qms.CodeSlug(code)] = true
				}
			case pr == nil:
			case p.Status == qms.StatusActive:
				active[qms.CodeSlug(pr.Code)] = true
			case p.Status == qms.StatusDraft:
				k := qms.CodeSlug(pr.Code)
				drafts[k] = append(drafts[k], p.Code)
			}
		}
	}
	for _, d := range c.Partial { // a process with a syntax error still covers what it lists
		if p, ok := d.(*qms.Process); ok {
			for _, cr := range p.Procedures {
				if pr := c.Procedure(cr.Code); pr != nil {
					active[qms.CodeSlug(pr.Code)] = true
				}
			}
		}
	}
	reported := map[string]bool{}
	for _, pr := range c.Procedures {
		k := qms.CodeSlug(pr.Code)
		if pr.Code == "" || active[k] || reported[k] || !departmentUnit(pr) {
			continue
		}
		if ab, _ := c.ProcedureAbolished(pr, pass.Today); ab {
			continue
		}
		reported[k] = true
		msg := "thủ tục " + pr.Code + " (" + pr.Agency + ") chưa được quy trình đang áp dụng nào thực hiện"
		if d := drafts[k]; len(d) > 0 {
			msg += "; mới có trong dự thảo " + strings.Join(d, ", ")
		}
		pass.Reportf(pr.At("code"), "%s", msg)
	}
	return nil
}

// departmentUnit reports whether a procedure is resolved by a unit of the
// Department: at provincial level, by an agency that is not the provincial
// People's Committee or its chair.
func departmentUnit(p *qms.Procedure) bool {
	if p.Level != "tinh" {
		return false
	}
	a := strings.ToLower(p.Agency)
	for _, s := range []string{"ubnd", "ủy ban", "uỷ ban", "chủ tịch"} {
		if strings.Contains(a, s) {
			return false
		}
	}
	return true
}

package checks

import (
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var legalRank = &check.Check{
	ID: "GR003", Name: "legal-rank", Severity: qms.Error,
	Doc: `Văn bản thay thế hoặc sửa đổi văn bản cấp cao hơn
Một văn bản chỉ thay thế, bãi bỏ hoặc sửa đổi được văn bản cùng cấp hoặc
cấp thấp hơn. Thứ bậc, từ cao xuống thấp: Luật, nghị quyết của Quốc hội;
pháp lệnh của Ủy ban Thường vụ Quốc hội; nghị định, nghị quyết của Chính
phủ; văn bản của Thủ tướng Chính phủ, các Bộ và cơ quan ngang Bộ (quyết
định, thông tư); văn bản của HĐND, UBND tỉnh; văn bản của Sở và các đơn
vị trực thuộc Sở. Ví dụ: một quyết định của UBND tỉnh ghi supersedes là
một nghị định là lỗi, báo ở dòng supersedes (hoặc amends); thường do chép
nhầm số văn bản, hoặc type, issuer của một trong hai văn bản bị ghi sai.

Cấp của văn bản được xác định từ type (luat, nghi-dinh, thong-tu) và cơ
quan ban hành (issuer), và khi cần, từ ký hiệu trong số văn bản (NĐ-CP,
QĐ-TTg, QĐ-UBND, SNN). Khi type và issuer không đủ để xác định cấp của
một trong hai văn bản (ví dụ văn bản của UBND huyện, hoặc cơ quan ban hành
viết tắt lạ), một cảnh báo được báo ở cùng dòng để người biên tập tự kiểm
tra và ghi issuer rõ hơn.`,
	Run: runLegalRank,
}

// rank is a level of the legal hierarchy; a smaller rank is higher.
type rank int

const (
	rankUnknown rank = iota
	rankAssembly
	rankStanding
	rankGovernment
	rankNational
	rankProvince
	rankDepartment
)

func (r rank) label() string {
	switch r {
	case rankAssembly:
		return "Quốc hội"
	case rankStanding:
		return "Ủy ban Thường vụ Quốc hội"
	case rankGovernment:
		return "Chính phủ"
	case rankNational:
		return "Thủ tướng Chính phủ, Bộ"
	case rankProvince:
		return "tỉnh"
	case rankDepartment:
		return "Sở"
	}
	return "không xác định"
}

// rankOf places a decision in the legal hierarchy from its type and
// issuer, and from its number's symbol when the issuer says nothing.
func rankOf(d *qms.Decision) rank {
	is := " " + strings.Join(strings.Fields(qms.Fold(d.Issuer)), " ") + " "
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(is, " "+w+" ") {
				return true
			}
		}
		return false
	}
	local := has("ubnd", "uy ban nhan dan", "hdnd", "hoi dong nhan dan")
	switch {
	case d.Type == "luat":
		return rankAssembly
	case has("uy ban thuong vu quoc hoi", "ubtvqh"):
		return rankStanding
	case has("quoc hoi"):
		return rankAssembly
	case has("thu tuong", "thu tuong chinh phu"):
		return rankNational
	case strings.TrimSpace(is) == "chinh phu" || d.Type == "nghi-dinh" && !local:
		return rankGovernment
	case strings.HasPrefix(is, " bo ") || has("bo truong", "van phong chinh phu", "co quan ngang bo"):
		return rankNational
	case local && has("tinh"):
		return rankProvince
	case local && has("huyen", "xa", "thi xa", "quan", "phuong", "thi tran", "thanh pho"):
		return rankUnknown // a district or commune: another branch
	case strings.HasPrefix(is, " so ") || has("chi cuc", "giam doc so"):
		return rankDepartment
	case strings.TrimSpace(is) != "" && !local:
		return rankUnknown
	}
	// No usable issuer: the symbol's issuer groups.
	groups := strings.Split(d.Number.Symbol, "-")
	last := groups[len(groups)-1]
	switch {
	case d.Number.Type == "QH":
		return rankAssembly
	case last == "CP":
		return rankGovernment
	case last == "TTg" || d.Type == "thong-tu":
		return rankNational
	case last == "UBND" || last == "HĐND":
		return rankProvince
	}
	for _, g := range groups {
		if strings.HasPrefix(g, "SNN") {
			return rankDepartment
		}
	}
	return rankUnknown
}

func runLegalRank(pass *check.Pass) error {
	eachReplacement(pass.Corpus, func(d, t *qms.Decision, ct qms.Citation, field, verb string) {
		if t == nil || t == d {
			return
		}
		rd, rt := rankOf(d), rankOf(t)
		switch {
		case rd == rankUnknown || rt == rankUnknown:
			u := d
			if rd != rankUnknown {
				u = t
			}
			pass.ReportSeverityf(qms.Warning, ct.Pos,
				"không xác định được cấp của văn bản %s từ type %s và issuer %s, nên không kiểm tra được văn bản %s có được %s văn bản %s (%s) không; ghi issuer đầy đủ, ví dụ “UBND tỉnh Hà Tĩnh”",
				u.Number, quoted(u.Type), quoted(u.Issuer), d.Number, verb, t.Number, field)
		case rd > rt:
			pass.Reportf(ct.Pos,
				"văn bản %s (cấp %s) không thể %s văn bản %s (cấp %s, cao hơn) (%s): văn bản chỉ %s được văn bản cùng cấp hoặc cấp thấp hơn; kiểm tra lại số văn bản, type hoặc issuer",
				d.Number, rd.label(), verb, t.Number, rt.label(), field, verb)
		}
	})
	return nil
}

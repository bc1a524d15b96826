package checks

import (
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var undeclaredUnit = &check.Check{
	ID: "ID005", Name: "undeclared-unit", Severity: qms.Error,
	Doc: `Đơn vị chủ trì không có trong danh sách đơn vị
Khi qms.yaml khai báo danh sách đơn vị (units), đơn vị chủ trì (unit) của
mỗi quy trình phải là một đơn vị trong danh sách đó. Tên được so sánh sau
khi bỏ dấu, không kể chữ hoa/thường và khoảng trắng thừa (cách viết khác
của một đơn vị đã khai báo là lỗi ID004); tên trước đây của một đơn vị đã
khai báo là cảnh báo ID006. Tên không khớp đơn vị nào là lỗi ở dòng unit,
kèm tên đã khai báo gần nhất. Cách sửa: chép đúng tên đã khai báo, hoặc bổ
sung đơn vị mới vào danh sách units của qms.yaml. Sổ tay không khai báo
danh sách đơn vị thì không bị kiểm tra theo quy tắc này.`,
	Run: runUndeclaredUnit,
}

var formerUnitName = &check.Check{
	ID: "ID006", Name: "former-unit-name", Severity: qms.Warning,
	Doc: `Đơn vị chủ trì ghi theo tên cũ
Đơn vị chủ trì (unit) của quy trình là tên trước đây của một đơn vị khai báo
trong qms.yaml (mục history của đơn vị). Quy trình vẫn được xếp vào đơn vị
hiện nay, nhưng nên ghi tên hiện nay khi sửa đổi quy trình; thông báo nêu
tên mới, ngày thôi dùng tên cũ và văn bản đổi tên nếu có.`,
	Run: runFormerUnitName,
}

// formerUnitKeys maps the folded former names of the declared units
// (unitKey) to the current name, leaving out a former name that is also
// some unit's current name.
func formerUnitKeys(c *qms.Corpus) map[string]string {
	out := map[string]string{}
	current := map[string]bool{}
	for _, u := range c.Org.Units {
		current[unitKey(u.Name)] = true
	}
	for _, u := range c.Org.Units {
		for _, h := range u.History {
			if k := unitKey(h.Name); k != "" && !current[k] {
				out[k] = u.Name
			}
		}
	}
	return out
}

// formerName returns the declared unit and the history entry whose name
// folds to key.
func formerName(c *qms.Corpus, key string) (qms.Unit, qms.FormerName, bool) {
	for _, u := range c.Org.Units {
		for _, h := range u.History {
			if unitKey(h.Name) == key {
				return u, h, true
			}
		}
	}
	return qms.Unit{}, qms.FormerName{}, false
}

func runUndeclaredUnit(pass *check.Pass) error {
	c := pass.Corpus
	names := declaredUnits(c)
	if len(names) == 0 {
		return nil
	}
	known := map[string]bool{}
	for _, n := range names {
		known[unitKey(n)] = true
	}
	for k := range formerUnitKeys(c) {
		known[k] = true
	}
	for _, p := range c.Processes {
		u := strings.TrimSpace(p.Unit)
		if u == "" || known[unitKey(u)] {
			continue
		}
		hint := didYouMean(u, names)
		if hint == "" && len(names) <= maxListedUnits {
			hint = "; các đơn vị đã khai báo: " + quotedList(names)
		}
		pass.Reportf(p.At("unit"), "đơn vị %s không có trong danh sách đơn vị của %s%s", quoted(u), "qms.yaml", hint)
	}
	return nil
}

func runFormerUnitName(pass *check.Pass) error {
	c := pass.Corpus
	former := formerUnitKeys(c)
	for _, p := range c.Processes {
		u := strings.TrimSpace(p.Unit)
		k := unitKey(u)
		if former[k] == "" {
			continue
		}
		unit, h, _ := formerName(c, k)
		when := ""
		if !h.Until.IsZero() {
			when = " (tên " + quoted(h.Name) + " dùng đến ngày " + h.Until.VN()
			if h.Decision != nil && h.Decision.Text != "" {
				when += ", đổi theo " + h.Decision.Text
			}
			when += ")"
		}
		pass.Reportf(p.At("unit"), "đơn vị %s nay là %s%s; ghi tên hiện nay %s", quoted(u), quoted(unit.Name), when, quoted(unit.Name))
	}
	return nil
}

// maxListedUnits is the number of declared units a message lists when
// none is near the name written; a longer list would bury the message.
const maxListedUnits = 6

// quotedList joins names as “A”, “B”, “C”.
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoted(n)
	}
	return strings.Join(q, ", ")
}

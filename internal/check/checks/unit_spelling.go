package checks

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var unitSpelling = &check.Check{
	ID: "ID004", Name: "unit-spelling", Severity: qms.Error,
	Doc: `Một đơn vị viết theo hai cách
Tên đơn vị chủ trì (unit) của các quy trình được so sánh sau khi bỏ dấu,
không kể chữ hoa/thường và khoảng trắng thừa: "Chi cục Thuỷ sản", "Chi cục
thủy sản" và "Chi cuc Thuy san" là cùng một đơn vị. Nếu viết theo nhiều
cách, trang web sẽ tách thành nhiều đơn vị; vì vậy mỗi quy trình viết khác
cách chuẩn bị báo lỗi ở dòng unit, kèm cách viết chuẩn để chép lại.

Cách viết chuẩn được chọn theo thứ tự: có đủ dấu nhất; đặt dấu theo kiểu
thống nhất của sổ tay (hóa, thủy, xóa: dấu trên chữ cái thứ nhất của "oa",
"oe", "uy" khi không có phụ âm cuối); bắt đầu bằng chữ hoa; được nhiều
quy trình dùng nhất; đứng trước theo thứ tự chữ cái tiếng Việt (chữ
thường trước chữ hoa: "Chi cục" trước "Chi Cục"). Khi danh sách đơn vị được khai báo
trong qms.yaml, cách viết đã khai báo là cách viết chuẩn.`,
	Run: runUnitSpelling,
}

// declaredUnits returns the unit names declared in qms.yaml (their current
// names), which win over any spelling the processes use.
func declaredUnits(c *qms.Corpus) []string {
	out := make([]string, 0, len(c.Org.Units))
	for _, u := range c.Org.Units {
		if strings.TrimSpace(u.Name) != "" {
			out = append(out, u.Name)
		}
	}
	return out
}

// unitKey folds a unit name for comparison: diacritics, case and runs of
// spaces do not count.
func unitKey(s string) string { return strings.Join(strings.Fields(qms.Fold(s)), " ") }

func runUnitSpelling(pass *check.Pass) error {
	c := pass.Corpus
	type spelling struct {
		text  string
		procs []*qms.Process
	}
	groups := map[string][]*spelling{}
	find := func(key, text string) *spelling {
		for _, s := range groups[key] {
			if s.text == text {
				return s
			}
		}
		s := &spelling{text: text}
		groups[key] = append(groups[key], s)
		return s
	}
	for _, p := range c.Processes {
		if u := strings.TrimSpace(p.Unit); u != "" {
			s := find(unitKey(u), u)
			s.procs = append(s.procs, p)
		}
	}
	declared := map[string]string{}
	for _, u := range declaredUnits(c) {
		declared[unitKey(u)] = u
	}
	former := formerUnitKeys(c)
	col := collate.New(language.Vietnamese)
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		want, ok := declared[k]
		if !ok && (len(g) == 1 || former[k] != "") {
			// One spelling; or a former name of a declared unit, which
			// ID006 reports with the current name to write instead.
			continue
		}
		if !ok {
			sort.SliceStable(g, func(i, j int) bool {
				a, b := g[i], g[j]
				if x, y := marks(a.text), marks(b.text); x != y {
					return x > y
				}
				if x, y := newStyleTones(a.text), newStyleTones(b.text); x != y {
					return x < y
				}
				if x, y := capitalised(a.text), capitalised(b.text); x != y {
					return x
				}
				if len(a.procs) != len(b.procs) {
					return len(a.procs) > len(b.procs)
				}
				return col.CompareString(a.text, b.text) < 0
			})
			want = g[0].text
		}
		var users []string
		for _, s := range g {
			if s.text == want {
				for _, p := range s.procs {
					users = append(users, p.Code)
				}
			}
		}
		where := ""
		if len(users) > 0 {
			where = " (như ở " + strings.Join(users, ", ") + ")"
		}
		for _, s := range g {
			if s.text == want {
				continue
			}
			for _, p := range s.procs {
				pass.Reportf(p.At("unit"), "đơn vị %s là một cách viết khác của %s%s; viết thống nhất là %s",
					quoted(s.text), quoted(want), where, quoted(want))
			}
		}
	}
	return nil
}

// capitalised reports whether s begins with a capital letter, as a
// unit's name does.
func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// marks counts the letters of s that carry a Vietnamese mark (tone, vowel
// mark or the bar of đ).
func marks(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x80 && qms.Fold(string(r)) != strings.ToLower(string(r)) {
			n++
		}
	}
	return n
}

// newStyleTones counts the syllables of s whose tone mark sits on the
// second vowel of "oa", "oe", "uy" with no final consonant ("hoá",
// "thuỷ"), the style the manual does not use ("hóa", "thủy").
func newStyleTones(s string) int {
	n := 0
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.TrimRight(w, ".,;:()")
		for _, t := range newStyleEndings {
			if strings.HasSuffix(w, t) {
				n++
				break
			}
		}
	}
	return n
}

// newStyleEndings are the word endings of the new tone-mark style.
var newStyleEndings = []string{
	"oà", "oá", "oả", "oã", "oạ",
	"oè", "oé", "oẻ", "oẽ", "oẹ",
	"uỳ", "uý", "uỷ", "uỹ", "uỵ",
}

package scaffold

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// nationalCode matches a national TTHC code such as 1.004359.
var nationalCode = regexp.MustCompile(`^\d\.\d{6}$`)

// IsNationalCode reports whether code has the shape of a national TTHC
// code (1.004359).
func IsNationalCode(code string) bool { return nationalCode.MatchString(code) }

// orgWords are the leading words that name the kind of unit, not the unit.
var orgWords = []string{"chi cục", "văn phòng", "phòng", "trung tâm", "ban", "sở", "thanh tra", "đội", "trạm", "hạt"}

// UnitPrefix returns the code prefix of a unit: the prefix its existing
// processes use most (QT-TS-03 → "TS"), else the initials of its name
// without the word saying what kind of unit it is ("Chi cục Thủy sản" →
// "TS", "Chi cục Chăn nuôi và Thú y" → "CNTY"); "Văn phòng …" gives "VP".
func UnitPrefix(c *qms.Corpus, unit string) string {
	unit = norm.NFC.String(strings.TrimSpace(unit))
	counts := map[string]int{}
	for _, p := range c.Processes {
		if !strings.EqualFold(norm.NFC.String(strings.TrimSpace(p.Unit)), unit) {
			continue
		}
		if m := unitCode.FindStringSubmatch(strings.ToUpper(p.Code)); m != nil {
			counts[m[1]]++
		}
	}
	best, n := "", 0
	for k, v := range counts {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	if best != "" {
		return best
	}
	return initials(unit, true)
}

var unitCode = regexp.MustCompile(`^QT-([A-ZĐ]+)-\d+$`)

// initials returns the upper-case ASCII initials of the words of s,
// skipping "và" and punctuation; with org, a leading word naming the kind
// of unit is dropped first ("Văn phòng" alone gives "VP").
func initials(s string, org bool) string {
	low := strings.ToLower(s)
	if org {
		for _, w := range orgWords {
			if rest, ok := strings.CutPrefix(low, w); ok && (rest == "" || rest[0] == ' ') {
				if strings.TrimSpace(rest) == "" || w == "văn phòng" {
					return strings.ToUpper(qms.Fold(initials(w, false)))
				}
				low = rest
				break
			}
		}
	}
	var b strings.Builder
	for _, w := range strings.FieldsFunc(low, func(r rune) bool {
		return r == ' ' || r == '-' || r == ',' || r == '&' || r == '(' || r == ')' || r == '/' || r == '.'
	}) {
		if w == "và" {
			continue
		}
		for _, r := range qms.Fold(w) {
			if 'a' <= r && r <= 'z' {
				b.WriteRune(r - 'a' + 'A')
			}
			break
		}
	}
	return b.String()
}

// NextProcessCode returns the next free process code: QT-<prefix>-NN for a
// task process, QT-NN for a framework process (prefix ""). NN continues
// after the highest number in use with that prefix, at least two digits.
func NextProcessCode(c *qms.Corpus, prefix string) string {
	head := "QT-"
	if prefix != "" {
		head += strings.ToUpper(prefix) + "-"
	}
	var codes []string
	for _, p := range c.Processes {
		codes = append(codes, p.Code)
	}
	return nextCode(head, codes)
}

// NextProcedureCode returns the next local procedure code of a field: it
// continues the field's existing local codes that end in a number
// (keeping their prefix), else NA-<initials of the field>-NN.
func NextProcedureCode(c *qms.Corpus, field string) string {
	field = norm.NFC.String(strings.TrimSpace(field))
	var codes []string
	heads := map[string]int{}
	for _, p := range c.Procedures {
		codes = append(codes, p.Code)
		if IsNationalCode(p.Code) || !strings.EqualFold(norm.NFC.String(strings.TrimSpace(p.Field)), field) {
			continue
		}
		if m := trailingNumber.FindStringSubmatch(p.Code); m != nil {
			heads[m[1]]++
		}
	}
	var hs []string
	for h := range heads {
		hs = append(hs, h)
	}
	sort.Slice(hs, func(i, j int) bool {
		if heads[hs[i]] != heads[hs[j]] {
			return heads[hs[i]] > heads[hs[j]]
		}
		return hs[i] < hs[j]
	})
	head := "NA-" + initials(field, false) + "-"
	if len(hs) > 0 {
		head = hs[0]
	}
	return nextCode(head, codes)
}

var trailingNumber = regexp.MustCompile(`^(.*?)(\d+)$`)

// nextCode returns head followed by one more than the highest number that
// follows head in codes (compared without case), zero-padded to the widest
// such number and at least two digits.
func nextCode(head string, codes []string) string {
	max, width := 0, 2
	for _, code := range codes {
		rest, ok := cutPrefixFold(code, head)
		if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" {
			continue
		}
		n, err := strconv.Atoi(rest)
		if err != nil {
			continue
		}
		if n > max {
			max = n
		}
		if len(rest) > width {
			width = len(rest)
		}
	}
	return fmt.Sprintf("%s%0*d", head, width, max+1)
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return "", false
	}
	return s[len(prefix):], true
}

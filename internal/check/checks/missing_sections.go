package checks

import (
	"regexp"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var missingSections = &check.Check{
	ID: "PR006", Name: "missing-sections", Severity: qms.Warning,
	Doc: `Quy trình đang áp dụng thiếu mục chuẩn
Phần nội dung của một quy trình có status active nên có đủ bảy mục theo
mẫu của Sở, mỗi mục là một tiêu đề: 1. Mục đích; 2. Phạm vi; 3. Tài liệu
viện dẫn; 4. Định nghĩa, chữ viết tắt; 5. Nội dung quy trình; 6. Biểu mẫu;
7. Hồ sơ cần lưu ("qms new process" tạo sẵn các mục này). Tiêu đề được so
khớp không kể số thứ tự ("1.", "I.", "a)"), chữ hoa/thường, dấu và phần
viết thêm ("Phạm vi áp dụng", "Định nghĩa và từ viết tắt", "Hồ sơ lưu"
đều được chấp nhận). Cảnh báo ở dòng status, nêu các mục còn thiếu. Quy
trình dự thảo và quy trình đã bãi bỏ không bị cảnh báo.`,
	Run: runMissingSections,
}

// section is one of the usual sections of a process's body.
type section struct {
	// Name is the heading "qms new process" writes, with its number.
	Name string
	// prefixes are folded heading starts that count as the section.
	prefixes []string
}

var processSections = []section{
	{"1. Mục đích", []string{"muc dich"}},
	{"2. Phạm vi", []string{"pham vi"}},
	{"3. Tài liệu viện dẫn", []string{"tai lieu vien dan", "tai lieu tham chieu", "can cu"}},
	{"4. Định nghĩa, chữ viết tắt", []string{"dinh nghia", "chu viet tat", "tu viet tat", "thuat ngu"}},
	{"5. Nội dung quy trình", []string{"noi dung"}},
	{"6. Biểu mẫu", []string{"bieu mau"}},
	{"7. Hồ sơ cần lưu", []string{"ho so"}},
}

// numbering matches a word that numbers a heading: "1", "1.", "5.2",
// "IV.", "a)", "-".
var numbering = regexp.MustCompile(`^(?:[0-9]+(?:\.[0-9]+)*[.):]?|[ivxlc]+[.):]|[a-z][.)]|[-–—:.])$`)

// glued matches numbering glued to the first word: "1.mục".
var glued = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)*[.)]`)

// sectionText folds a heading for matching: no diacritics, lower case,
// single spaces, without its numbering ("1. Mục đích", "Mục 1: Mục
// đích", "I. MỤC ĐÍCH" → "muc dich").
func sectionText(h string) string {
	words := strings.Fields(qms.Fold(h))
	for len(words) > 0 {
		switch w := words[0]; {
		case numbering.MatchString(w):
			words = words[1:]
		case (w == "muc" || w == "phan") && len(words) > 1 && numbering.MatchString(words[1]):
			words = words[2:]
		case glued.MatchString(w) && len(glued.FindString(w)) < len(w):
			words[0] = w[len(glued.FindString(w)):]
		default:
			return strings.Trim(strings.Join(words, " "), " .:")
		}
	}
	return ""
}

func runMissingSections(pass *check.Pass) error {
	cache := newHeadingCache(pass.Corpus)
	for _, p := range pass.Corpus.Processes {
		if p.Status != qms.StatusActive {
			continue
		}
		var texts []string
		for _, h := range cache.of(&p.Doc) {
			texts = append(texts, sectionText(h.Text))
		}
		var missing []string
		for _, s := range processSections {
			if !hasSection(texts, s.prefixes) {
				missing = append(missing, quoted(s.Name))
			}
		}
		if len(missing) > 0 {
			pass.Reportf(p.At("status"), "quy trình đang áp dụng thiếu %s trong phần nội dung; thêm mỗi mục bằng một tiêu đề, ví dụ “## %s”",
				strings.Join(missing, ", "), strings.Trim(missing[0], "“”"))
		}
	}
	return nil
}

// hasSection reports whether a folded heading starts with one of prefixes
// as whole words.
func hasSection(texts, prefixes []string) bool {
	for _, t := range texts {
		for _, p := range prefixes {
			if t == p || strings.HasPrefix(t, p) && !isWordByte(t[len(p)]) {
				return true
			}
		}
	}
	return false
}

func isWordByte(b byte) bool { return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b >= 0x80 }

package rules

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestAllUnique: IDs are unique across the three lists and well formed,
// and every check has a title.
func TestAllUnique(t *testing.T) {
	id := regexp.MustCompile(`^[A-Z]{2}[0-9]{3}$`)
	seen := map[string]bool{}
	for _, c := range All() {
		if !id.MatchString(c.ID) {
			t.Errorf("malformed ID %q", c.ID)
		}
		if seen[c.ID] {
			t.Errorf("duplicate ID %s", c.ID)
		}
		seen[c.ID] = true
		if c.Title() == "" {
			t.Errorf("%s has no title", c.ID)
		}
	}
	for _, want := range []string{"LD001", "XR001", "PH001", "CC001"} {
		if !seen[want] {
			t.Errorf("%s missing from All", want)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the generated section of docs/huong-dan-bien-tap.md")

// The editors' guide holds the list of checks between these two lines.
const (
	guidePath  = "../../docs/huong-dan-bien-tap.md"
	guideBegin = "<!-- Phần dưới đây được sinh từ giải thích của các quy tắc; sửa trong mã nguồn rồi chạy: go test ./internal/rules -update -->\n"
	guideEnd   = "<!-- Hết phần được sinh tự động -->\n"
)

// TestGuideUpToDate fails when the guide's list of checks differs from the
// checks' own Doc (WriteMarkdown); -update rewrites it.
func TestGuideUpToDate(t *testing.T) {
	raw, err := os.ReadFile(guidePath)
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	i, j := strings.Index(s, guideBegin), strings.Index(s, guideEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the markers of the generated section", guidePath)
	}
	var b strings.Builder
	if err := WriteMarkdown(&b, All()); err != nil {
		t.Fatal(err)
	}
	want := "\n" + b.String() + "\n"
	if got := s[i+len(guideBegin) : j]; got != want {
		if *update {
			if err := os.WriteFile(guidePath, []byte(s[:i+len(guideBegin)]+want+s[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("%s: the list of checks differs from the checks' Doc; run go test ./internal/rules -update", guidePath)
	}
	for _, c := range All() {
		if !strings.Contains(s, "#### "+c.ID+" — ") {
			t.Errorf("the guide does not explain %s", c.ID)
		}
	}
}

func TestWriteMarkdown(t *testing.T) {
	var b strings.Builder
	if err := WriteMarkdown(&b, All()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"### Trích dẫn văn bản (XR)\n", "#### XR001 — ", "*Lỗi* · tên `unresolved-ref`", "### Kiểm soát thay đổi khi so với bản gốc (CC)\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

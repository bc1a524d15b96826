package checks

import "testing"

func TestSectionText(t *testing.T) {
	for h, want := range map[string]string{
		"1. Mục đích":                  "muc dich",
		"1.Mục đích":                   "muc dich",
		"I. MỤC ĐÍCH":                  "muc dich",
		"Mục 1: Mục đích":              "muc dich",
		"a) Phạm vi áp dụng":           "pham vi ap dung",
		"5.2 Nội dung quy trình":       "noi dung quy trinh",
		"Mục đích":                     "muc dich",
		"4. Định nghĩa, chữ viết tắt.": "dinh nghia, chu viet tat",
		"7 - Hồ sơ cần lưu":            "ho so can luu",
		"":                             "",
	} {
		if got := sectionText(h); got != want {
			t.Errorf("sectionText(%q) = %q, want %q", h, got, want)
		}
	}
	if !hasSection([]string{"ho so luu"}, []string{"ho so"}) || hasSection([]string{"ho sobieu"}, []string{"ho so"}) {
		t.Error("hasSection does not match whole words")
	}
}

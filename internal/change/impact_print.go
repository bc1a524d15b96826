package change

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteImpactText prints an impact for readers, in Vietnamese.
func WriteImpactText(w io.Writer, im *Impact) error {
	var b strings.Builder
	t := im.Target
	fmt.Fprintf(&b, "%s %s: %s\n", kindLabel(t.Kind), t.ID, t.Title)
	fmt.Fprintf(&b, "Tệp: %s\n", t.Path)
	fmt.Fprintf(&b, "Tình trạng ngày %s: %s\n", im.AsOf.VN(), t.StatusText)
	section := func(title string, items []Item, show bool) {
		if !show && len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s (%d)\n", title, len(items))
		if len(items) == 0 {
			b.WriteString("  (không có)\n")
		}
		for _, it := range items {
			var rels []string
			for _, r := range it.Relations {
				rels = append(rels, r.Text)
			}
			fmt.Fprintf(&b, "  %s  %s\n      %s; %s\n      %s\n", it.ID, it.Title, strings.Join(rels, "; "), it.StatusText, it.Path)
		}
	}
	if t.Kind == "decision" {
		section("Chuỗi thay thế, sửa đổi", im.Chain, true)
		section("Thủ tục hành chính dựa vào văn bản", im.Procedures, true)
	}
	switch t.Kind {
	case "decision":
		section("Quy trình dựa vào văn bản (trực tiếp hoặc qua thủ tục)", im.Processes, true)
	case "procedure":
		section("Quy trình thực hiện thủ tục", im.Processes, true)
	}
	section("Tài liệu liên kết tới trong nội dung", im.Links, t.Kind == "process")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteImpactJSON prints an impact as one JSON object: {"as_of": …,
// "target": …, "chain": […], "procedures": […], "processes": […],
// "links": […]}.
func WriteImpactJSON(w io.Writer, im *Impact) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		AsOf string `json:"as_of"`
		*Impact
	}{im.AsOf.String(), im})
}

func kindLabel(kind string) string {
	switch kind {
	case "process":
		return "Quy trình"
	case "procedure":
		return "Thủ tục"
	}
	return "Văn bản"
}

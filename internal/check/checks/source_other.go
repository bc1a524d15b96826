package checks

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var sourceOtherDocument = &check.Check{
	ID: "XR005", Name: "source-other-document", Severity: qms.Warning,
	Doc: `Địa chỉ nguồn là trang của văn bản khác
Trường source của một văn bản là trang có toàn văn chính thức của chính
văn bản đó; trang văn bản hiển thị nó là "Nguồn văn bản". Địa chỉ ghi ở
đây có số của văn bản khác (ví dụ .../quyet-dinh-4788-qd-bnn-vp-... cho
Nghị định 61/2018/NĐ-CP) mà không có số của văn bản này: trang đó nhiều
khả năng là một văn bản khác có dẫn chiếu văn bản này, và người đọc sẽ bị
dẫn sai. Hãy ghi địa chỉ toàn văn của chính văn bản; nếu trang chỉ dùng để
đối chiếu số, ngày ban hành và trích yếu thì bỏ source và ghi địa chỉ đó
trong phần nội dung. Địa chỉ không chứa số văn bản nào không được xét.`,
	Run: runSourceOtherDocument,
}

// urlNumber matches a document number as web addresses write it: its
// sequence number, the year if any and a type abbreviation, joined by "-"
// or "_" ("4788-qd-bnn-vp", "61-2018-nd-cp", "79-2015-qh13"), in a folded
// (lower-case, "đ" → "d") address.
var urlNumber = regexp.MustCompile(`(?:^|[^0-9a-z])0*([0-9]+)[-_](?:[0-9]{4}[-_])?(qd|nd|tt|ttlt|nq|ct|kh|tb|ttr|bc|qh[0-9]*)(?:[^0-9a-z]|$)`)

func runSourceOtherDocument(pass *check.Pass) error {
	for _, d := range pass.Corpus.Decisions {
		u, err := url.Parse(d.Source)
		if d.Source == "" || d.Number.IsZero() || err != nil {
			continue
		}
		own := strings.TrimLeft(d.Number.Seq, "0")
		var others []string
		for _, m := range urlNumber.FindAllStringSubmatch(qms.Fold(u.Path+"?"+u.RawQuery), -1) {
			if m[1] == own {
				others = nil
				break
			}
			others = append(others, m[1]+"-"+m[2])
		}
		if len(others) > 0 {
			pass.Reportf(d.At("source"), "địa chỉ nguồn có số văn bản %s mà không có số %s của văn bản này: có thể là trang của văn bản khác; source phải là trang toàn văn của chính văn bản",
				strings.Join(others, ", "), d.Number)
		}
	}
	return nil
}

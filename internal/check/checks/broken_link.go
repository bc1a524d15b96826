package checks

import (
	"net/url"
	"path"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var brokenLink = &check.Check{
	ID: "LK001", Name: "broken-link", Severity: qms.Error,
	Doc: `Liên kết tới tài liệu không có
Liên kết giữa các tài liệu trong phần nội dung viết bằng đường dẫn tương
đối tới tệp .md, tính từ thư mục của tệp đang viết:
[QT-02](../processes/qt-02.md) hay [Quyết định 3463](../decisions/2020/3463-qd-ubnd.md).
Khi dựng trang web, các liên kết này được đổi thành địa chỉ trang; vì vậy
liên kết tới một tệp .md không phải là tài liệu đã nạp (sai tên, sai thư
mục, tệp đã đổi tên) là lỗi, và thông báo gợi ý tệp có tên gần nhất. Phần
"#mục" sau tên tệp không được kiểm tra. Đường dẫn bắt đầu bằng "/" tính từ
thư mục gốc của nội dung; đường dẫn đi ra ngoài thư mục gốc là lỗi.

Liên kết tuyệt đối (https://...), liên kết tới một mục trong cùng trang
(#muc) và liên kết tới tệp không phải .md (PDF, hình ảnh) không bị kiểm
tra. Liên kết javascript: (và vbscript:, data:) luôn là lỗi: nó có thể
chạy mã trong trình duyệt của người đọc.`,
	Run: runBrokenLink,
}

func runBrokenLink(pass *check.Pass) error {
	docs := pass.Corpus.Documents()
	known := make(map[string]bool, len(docs))
	paths := make([]string, 0, len(docs))
	for _, d := range append(docs, pass.Corpus.Partial...) { // a file with a syntax error exists too
		known[d.Base().Path] = true
		paths = append(paths, d.Base().Path)
	}
	for _, d := range docs {
		b := d.Base()
		for _, l := range b.Links {
			target, msg := linkTarget(b.Path, l.Dest)
			if msg == "" && target != "" && !known[target] {
				msg = "liên kết " + quoted(l.Dest) + " tới " + target + ", không phải tài liệu nào đã nạp" +
					suggestLink(b.Path, l.Dest, target, paths)
			}
			if msg != "" {
				pass.Reportf(l.Pos, "%s", msg)
			}
		}
	}
	return nil
}

// suggestLink formats a "did you mean" for a broken link to target: the
// loaded documents nearest to it, written the way dest is (relative to the
// linking file's folder, or from the root when dest starts with "/").
func suggestLink(from, dest, target string, paths []string) string {
	near := nearest(target, paths)
	if len(near) == 0 {
		return ""
	}
	q := make([]string, len(near))
	for i, p := range near {
		if strings.HasPrefix(strings.TrimSpace(dest), "/") {
			q[i] = quoted("/" + p)
		} else {
			q[i] = quoted(relPath(path.Dir(from), p))
		}
	}
	return "; có phải " + strings.Join(q, " hoặc ") + "?"
}

// relPath returns the path of target relative to the folder dir (both
// relative to the content root and clean).
func relPath(dir, target string) string {
	var d []string
	if dir != "." {
		d = strings.Split(dir, "/")
	}
	t := strings.Split(target, "/")
	i := 0
	for i < len(d) && i < len(t)-1 && d[i] == t[i] {
		i++
	}
	return strings.Repeat("../", len(d)-i) + strings.Join(t[i:], "/")
}

// linkTarget resolves a link destination written in the file at from to a
// path relative to the content root. It returns "" for links that are not
// checked (absolute URLs, in-page anchors, files other than .md) and a
// message for links that are wrong whatever the corpus holds.
func linkTarget(from, dest string) (target, msg string) {
	if s := schemeOf(dest); s == "javascript" || s == "vbscript" || s == "data" {
		return "", "liên kết " + s + ": không được phép trong tài liệu"
	}
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.HasPrefix(dest, "#") {
		return "", ""
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", "liên kết " + quoted(dest) + " không phải địa chỉ hợp lệ"
	}
	if u.Scheme != "" || u.Host != "" || u.Path == "" {
		return "", ""
	}
	if !strings.HasSuffix(strings.ToLower(u.Path), ".md") {
		return "", ""
	}
	var t string
	if strings.HasPrefix(u.Path, "/") {
		t = path.Clean(strings.TrimPrefix(u.Path, "/"))
	} else {
		t = path.Join(path.Dir(from), u.Path)
	}
	if t == ".." || strings.HasPrefix(t, "../") {
		return "", "liên kết " + quoted(dest) + " trỏ ra ngoài thư mục nội dung"
	}
	return t, ""
}

// schemeOf returns the lower-case URL scheme of dest the way a browser reads
// it: ASCII control characters and spaces are ignored ("java\tscript:" is
// javascript:). It returns "" when dest has no scheme.
func schemeOf(dest string) string {
	var b strings.Builder
	for _, r := range dest {
		switch {
		case r <= ' ':
			continue
		case r == ':':
			return strings.ToLower(b.String())
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z',
			b.Len() > 0 && ('0' <= r && r <= '9' || r == '+' || r == '-' || r == '.'):
			b.WriteRune(r)
		default:
			return ""
		}
	}
	return ""
}

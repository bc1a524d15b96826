package checks

import (
	"html"
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
liên kết tới một tệp .md không phải là tài liệu (sai tên, sai thư mục, tệp
đã đổi tên) là lỗi, và thông báo gợi ý tệp có tên gần nhất. Liên kết thiếu
đuôi .md (../procedures/na-ty-02) không được đổi thành địa chỉ trang nên
bị hỏng trên trang web: đó cũng là lỗi, thông báo cho biết cách viết đúng.
Phần "#mục" sau tên tệp được kiểm tra ở LK002. Đường dẫn bắt đầu bằng "/"
tính từ thư mục gốc của nội dung; đường dẫn đi ra ngoài thư mục gốc là lỗi.

Liên kết tuyệt đối (https://...), liên kết tới một mục trong cùng trang
(#muc) và liên kết tới tệp khác (PDF, hình ảnh) không bị kiểm tra. Liên
kết javascript: (và vbscript:, data:) luôn là lỗi, kể cả khi viết bằng mã
ký tự (&#106;avascript:) hay mã phần trăm (java%73cript:): nó có thể chạy
mã trong trình duyệt của người đọc, và trang web bỏ liên kết này đi.`,
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
			r := resolveLink(b.Path, l.Dest)
			msg := r.msg
			switch {
			case msg != "" || r.target == "":
			case !r.md && known[r.target+".md"]:
				msg = "liên kết " + quoted(l.Dest) + " thiếu đuôi .md nên không dẫn tới trang nào; viết là " +
					quoted(writeLike(b.Path, l.Dest, r.target+".md")+r.suffix)
			case !r.md && path.Ext(r.target) == "" && inContentDir(r.target):
				msg = "liên kết " + quoted(l.Dest) + " tới " + r.target + " không dẫn tới tài liệu nào" +
					suggestLink(b.Path, l.Dest, r.target+".md", paths)
			case r.md && !known[r.target]:
				msg = "liên kết " + quoted(l.Dest) + " tới " + r.target + ": không có tài liệu nào ở đường dẫn này" +
					suggestLink(b.Path, l.Dest, r.target, paths)
			}
			if msg != "" {
				pass.Reportf(l.Pos, "%s", msg)
			}
		}
	}
	return nil
}

// inContentDir reports whether p (relative to the content root) is in one
// of the documents' folders.
func inContentDir(p string) bool {
	top, _, _ := strings.Cut(p, "/")
	return qms.KindOfDir(top) != 0
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
		q[i] = quoted(writeLike(from, dest, p))
	}
	return "; có phải " + strings.Join(q, " hoặc ") + "?"
}

// writeLike writes the path of target the way dest is written in the file
// at from: relative to its folder, or from the root when dest starts with
// "/".
func writeLike(from, dest, target string) string {
	if strings.HasPrefix(strings.TrimSpace(dest), "/") {
		return "/" + target
	}
	return relPath(path.Dir(from), target)
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

// link is a link destination resolved by resolveLink.
type link struct {
	// target is the path the link leads to, relative to the content root
	// and clean; "" for links that are not checked (absolute URLs,
	// in-page anchors) and for wrong ones.
	target string
	// md reports whether target ends in ".md" (any case).
	md bool
	// fragment is the "#..." part without "#", decoded; suffix is the
	// query and fragment as written ("?a#b").
	fragment, suffix string
	// msg says why the link is wrong whatever the corpus holds.
	msg string
}

// resolveLink resolves a link destination written in the file at from.
func resolveLink(from, dest string) link {
	if s := schemeOf(decodeDest(dest)); s == "javascript" || s == "vbscript" || s == "data" {
		return link{msg: "liên kết " + s + ": không được phép trong tài liệu"}
	}
	dest = strings.TrimSpace(dest)
	if dest == "" || strings.HasPrefix(dest, "#") {
		return link{}
	}
	u, err := url.Parse(dest)
	if err != nil {
		return link{msg: "liên kết " + quoted(dest) + " không phải địa chỉ hợp lệ"}
	}
	if u.Scheme != "" || u.Host != "" || u.Path == "" {
		return link{}
	}
	var t string
	if strings.HasPrefix(u.Path, "/") {
		t = path.Clean(strings.TrimPrefix(u.Path, "/"))
	} else {
		t = path.Join(path.Dir(from), u.Path)
	}
	if t == ".." || strings.HasPrefix(t, "../") {
		return link{msg: "liên kết " + quoted(dest) + " trỏ ra ngoài thư mục nội dung"}
	}
	r := link{target: t, md: strings.HasSuffix(strings.ToLower(u.Path), ".md"), fragment: u.Fragment}
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		r.suffix = dest[i:]
	}
	return r
}

// maxDecode bounds the rounds of decoding decodeDest does.
const maxDecode = 4

// decodeDest decodes HTML character references (&#106; &#x6A; &colon;)
// and percent-encoding (%6A) in a link destination, repeatedly, the way
// a browser or a careless converter may read it, so that "&#106;avascript:"
// and "java%73cript:" are seen as the javascript: links they may become.
func decodeDest(dest string) string {
	for range maxDecode {
		d := html.UnescapeString(dest)
		if u, err := url.PathUnescape(d); err == nil {
			d = u
		}
		if d == dest {
			break
		}
		dest = d
	}
	return dest
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

package content

import (
	"strings"
	"unsafe"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

type frontMatter struct {
	yaml     string
	line0    int // file line of the YAML's first line, minus one
	body     string
	bodyLine int
}

// splitFrontMatter separates the front matter from the body. The opening
// delimiter must be the first line; the closing one is the next line that
// is exactly "---" (or "...", YAML's document end marker).
//
// When the closing line is missing it reports so and returns ok=false
// with the lines after the opening one that read as YAML (see yamlish),
// so that the document's identity can still be read from them.
//
// The strings returned share src's memory instead of copying it: a loaded
// document keeps its file as Doc.Source and its body as Doc.Body, and a
// copy would hold every file twice. Nothing writes to src after parsing
// (see ParseFile).
func splitFrontMatter(p string, src []byte, diags *[]qms.Diagnostic) (fm frontMatter, ok bool) {
	text := unsafe.String(unsafe.SliceData(src), len(src))
	first, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		*diags = append(*diags, diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idFrontMatter,
			"tệp phải bắt đầu bằng dòng \"---\" mở phần thông tin đầu"))
		return frontMatter{}, false
	}
	off, line, yamlEnd := 0, 2, 0 // yamlEnd: end of the lines that read as YAML
	for l := range strings.Lines(rest) {
		if t := strings.TrimRight(l, " \t\n"); t == "---" || t == "..." {
			return frontMatter{yaml: rest[:off], line0: 1, body: rest[off+len(l):], bodyLine: line + 1}, true
		}
		if yamlEnd == off && yamlish(strings.TrimSuffix(l, "\n")) {
			yamlEnd = off + len(l)
		}
		off, line = off+len(l), line+1
	}
	*diags = append(*diags, diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idFrontMatter,
		"thiếu dòng \"---\" đóng phần thông tin đầu mở ở dòng 1; hãy thêm dòng \"---\" ngay sau trường cuối cùng"))
	return frontMatter{yaml: rest[:yamlEnd], line0: 1}, false
}

// yamlish reports whether a line of an unclosed front matter still reads
// as YAML: blank, indented, a comment, a list item or a top-level
// "key:".
func yamlish(l string) bool {
	if strings.TrimSpace(l) == "" || l[0] == ' ' || l[0] == '#' || l == "-" || strings.HasPrefix(l, "- ") {
		return true
	}
	key, _, ok := strings.Cut(l, ":")
	return ok && key != "" && !strings.ContainsAny(key, " \t[]{}\"'`*&!|>%@")
}

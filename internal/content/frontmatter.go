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
	first, rest, found := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != "---" {
		*diags = append(*diags, diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idFrontMatter,
			"tệp phải bắt đầu bằng dòng \"---\" mở phần thông tin đầu"))
		return frontMatter{}, false
	}
	if !found {
		rest = ""
	}
	line := 2
	yamlEnd := 0 // end of the lines that read as YAML
	for off := 0; off <= len(rest); {
		end := strings.IndexByte(rest[off:], '\n')
		var l string
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if t := strings.TrimRight(l, " \t"); t == "---" || t == "..." {
			fm := frontMatter{yaml: rest[:off], line0: 1, bodyLine: line + 1}
			if end >= 0 {
				fm.body = rest[off+end+1:]
			}
			return fm, true
		}
		if yamlEnd == off && yamlish(l) {
			yamlEnd = off + len(l) + 1
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	*diags = append(*diags, diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idFrontMatter,
		"thiếu dòng \"---\" đóng phần thông tin đầu mở ở dòng 1; hãy thêm dòng \"---\" ngay sau trường cuối cùng"))
	return frontMatter{yaml: rest[:min(yamlEnd, len(rest))], line0: 1}, false
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

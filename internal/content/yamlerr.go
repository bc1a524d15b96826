package content

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// parseYAML decodes the front matter, valid UTF-8, into its top-level
// mapping node. On a syntax error it reports it (see yamlError) and
// returns ok=false with the mapping of the top-level entries that parse
// on their own (see partialYAML), or nil when there is none.
func (d *decoder) parseYAML(src string) (root *yaml.Node, ok bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		line, col, msg := yamlError(src, err)
		*d.diags = append(*d.diags, diag(qms.Pos{Path: d.path, Line: line + d.line0, Col: col}, qms.Error, idYAML,
			"lỗi cú pháp trong phần thông tin đầu: %s", msg))
		return partialYAML(src), false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, true
	}
	root = doc.Content[0]
	if root.Kind != yaml.MappingNode {
		d.errorf(root, idType, "phần thông tin đầu phải gồm các dòng \"trường: giá trị\"")
		return nil, false
	}
	return root, true
}

// partialYAML parses each top-level entry of src (a line starting in
// column 1 and the indented lines after it) on its own and returns the
// mapping of those that parse, with their positions in src; nil when none
// does.
func partialYAML(src string) *yaml.Node {
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	lines := strings.SplitAfter(src, "\n")
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && (lines[j] == "" || lines[j][0] == ' ' || lines[j][0] == '\n' || strings.HasPrefix(lines[j], "- ")) {
			j++
		}
		var doc yaml.Node
		if yaml.Unmarshal([]byte(strings.Join(lines[i:j], "")), &doc) == nil && len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
			shiftLines(doc.Content[0], i)
			root.Content = append(root.Content, doc.Content[0].Content...)
		}
		i = j
	}
	if len(root.Content) == 0 {
		return nil
	}
	return root
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError turns a yaml.v3 syntax error into the line and column (from 1,
// in src) of what is wrong and a Vietnamese sentence saying how to fix it.
//
// yaml.v3 gives only a line, in its message: for an error of its scanner
// the line of the offending character (or of the quote that opened an
// unterminated string), for an error of its parser a line near the
// construct (mapping, list, bracket) that could not be completed. The
// line of a parser error's entry is found by parsing prefixes of src, the
// column from the kind of error.
func yamlError(src string, err error) (line, col int, msg string) {
	lines := strings.Split(src, "\n")
	text := err.Error()
	line = 1
	if m := yamlLine.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
		text = text[len(m[0]):]
	} else {
		text = strings.TrimPrefix(text, "yaml: ")
	}
	line = min(max(line, 1), len(lines))
	if text == "did not find expected key" || text == "did not find expected '-' indicator" ||
		strings.HasPrefix(text, "did not find expected ','") || text == "did not find expected node content" {
		// The parser's line is near the construct it could not finish:
		// the entry at fault ends the shortest prefix refused the same way.
		if k := sort.Search(len(lines), func(k int) bool {
			err := yaml.Unmarshal([]byte(strings.Join(lines[:k+1], "\n")), new(yaml.Node))
			return err != nil && strings.HasSuffix(err.Error(), text)
		}); k < len(lines) {
			line = k + 1
		}
	}
	if strings.HasPrefix(text, "did not find expected") {
		// A quote left open runs on to the next quote, often lines
		// later, where the parser fails: the open quote is the mistake.
		for i, l := range lines[:line] {
			if q := openingQuote(l); q >= 0 && strings.Count(l[q:], l[q:q+1])%2 == 1 {
				line, text = i+1, "found unexpected end of stream"
				break
			}
		}
	}
	l := lines[line-1]
	col = indentOf(l) + 1
	at := func(i int) { // i is a byte offset in l
		if i >= 0 {
			col = utf8.RuneCountInString(l[:i]) + 1
		}
	}
	switch {
	case strings.Contains(text, "tab character") || text == "found character that cannot start any token" && strings.Contains(l, "\t"):
		at(strings.IndexByte(l, '\t'))
		msg = "dòng có ký tự Tab; YAML chỉ chấp nhận dấu cách, hãy thay Tab bằng dấu cách"
	case text == "found character that cannot start any token":
		i := strings.IndexAny(l, "@`")
		at(i)
		c := "@"
		if i >= 0 {
			c = l[i : i+1]
		}
		msg = fmt.Sprintf("giá trị không được bắt đầu bằng ký tự %q; hãy đặt cả giá trị trong dấu nháy kép", c)
	case text == "found unexpected end of stream":
		i := openingQuote(l)
		at(i)
		q := "\""
		if i >= 0 {
			q = l[i : i+1]
		}
		msg = fmt.Sprintf("dấu nháy %s mở ở đây chưa được đóng; hãy thêm dấu nháy %s ở cuối giá trị", q, q)
	case text == "found unknown escape character" || text == "found invalid Unicode character escape code":
		at(strings.IndexByte(l, '\\'))
		msg = "dấu \\ trong giá trị đặt giữa nháy kép mở đầu một mã thoát không hợp lệ; hãy viết \\\\ hoặc đặt giá trị trong nháy đơn"
	case text == "mapping values are not allowed in this context":
		at(secondColon(l))
		msg = "dấu hai chấm ở đây không hợp lệ: giá trị có chứa \": \" phải đặt trong dấu nháy kép, hoặc dòng này bị thụt lề sai so với dòng trên"
	case text == "could not find expected ':'":
		msg = "thiếu dấu hai chấm sau tên trường; mỗi dòng phải có dạng \"trường: giá trị\""
	case text == "block sequence entries are not allowed in this context":
		at(strings.Index(l, "- "))
		msg = "mục danh sách (\"- \") không được đặt ở đây; hãy xuống dòng sau tên trường rồi viết mỗi mục trên một dòng"
	case text == "did not find expected ',' or ']'" || text == "did not find expected ',' or '}'":
		open, close := "[", "]"
		if strings.HasSuffix(text, "'}'") {
			open, close = "{", "}"
		}
		at(strings.LastIndex(l, open))
		msg = fmt.Sprintf("dấu %s mở ở đây chưa được đóng bằng %s, hoặc thiếu dấu phẩy giữa các mục", open, close)
	case text == "did not find expected key" || text == "did not find expected '-' indicator":
		if !strings.Contains(text, "-") {
			if q := openingQuote(l); q >= 0 {
				if end := strings.IndexByte(l[q+1:], l[q]); end >= 0 && strings.TrimSpace(l[q+end+2:]) != "" {
					at(q + end + 2 + indentOf(l[q+end+2:]))
				}
			}
		}
		msg = "dòng này không thẳng hàng với các dòng cùng cấp bên trên hoặc không có dạng \"trường: giá trị\"; hãy kiểm tra số dấu cách đầu dòng, và đặt giá trị có dấu nháy bên trong trọn trong dấu nháy"
	case text == "did not find expected node content":
		msg = "thiếu giá trị ở đây"
	case strings.HasPrefix(text, "unknown anchor"):
		name, _, _ := strings.Cut(strings.TrimPrefix(text, "unknown anchor '"), "'")
		if i := strings.Index(src, "*"+name); i >= 0 {
			line = 1 + strings.Count(src[:i], "\n")
			l = lines[line-1]
			at(i - strings.LastIndexByte(src[:i], '\n') - 1)
		}
		msg = "tham chiếu \"*\" không trỏ tới neo \"&\" nào; nếu giá trị bắt đầu bằng * hãy đặt nó trong dấu nháy kép"
	default:
		msg = fmt.Sprintf("YAML không đọc được dòng này (%s)", text)
	}
	return line, col, msg
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// openingQuote returns the offset in l of the quote that opens a value
// (after a key's ": ", a "- " or a flow "[" or ","), or -1.
func openingQuote(l string) int {
	for i := 0; i < len(l); i++ {
		if l[i] != '"' && l[i] != '\'' {
			continue
		}
		before := strings.TrimRight(l[:i], " ")
		if before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "-") ||
			strings.HasSuffix(before, "[") || strings.HasSuffix(before, ",") {
			return i
		}
	}
	return -1
}

// secondColon returns the offset of the second ": " (or final ':') of l
// when it has two, else of the first, else -1.
func secondColon(l string) int {
	first := -1
	for i := 0; i < len(l); i++ {
		if l[i] == ':' && (i+1 == len(l) || l[i+1] == ' ') {
			if first >= 0 {
				return i
			}
			first = i
		}
	}
	return first
}

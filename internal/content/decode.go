package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// decoder turns YAML nodes into typed values, reporting every problem.
type decoder struct {
	path  string
	line0 int // added to YAML line numbers to get file lines
	diags *[]qms.Diagnostic
	keys  map[string]qms.Pos
}

func (d *decoder) pos(n *yaml.Node) qms.Pos {
	if n == nil {
		return qms.Pos{Path: d.path, Line: 1, Col: 1}
	}
	return qms.Pos{Path: d.path, Line: n.Line + d.line0, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, id, format string, args ...any) {
	*d.diags = append(*d.diags, diag(d.pos(n), qms.Error, id, format, args...))
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseYAML decodes the front matter into its top-level mapping node:
// with fastYAML when src is in its subset, else with yaml.v3 (which
// gives every syntax error).
func (d *decoder) parseYAML(src string) (*yaml.Node, bool) {
	doc, fast := fastYAML(src)
	if !fast {
		doc = &yaml.Node{}
		if err := yaml.Unmarshal([]byte(src), doc); err != nil {
			msg := strings.TrimPrefix(err.Error(), "yaml: ")
			line := 1
			if m := yamlLine.FindStringSubmatch(msg); m != nil {
				line, _ = strconv.Atoi(m[1])
				msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
			}
			*d.diags = append(*d.diags, diag(qms.Pos{Path: d.path, Line: line + d.line0, Col: 1}, qms.Error, idYAML,
				"lỗi cú pháp YAML trong phần thông tin đầu: %s", msg))
			return nil, false
		}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}, true
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		d.errorf(root, idType, "phần thông tin đầu phải là các cặp \"khóa: giá trị\"")
		return nil, false
	}
	return root, true
}

// field describes one front-matter key of a kind.
type field struct {
	name     string
	required bool
	decode   func(n *yaml.Node, key string)
}

// fields walks a mapping node against a schema: unknown and duplicate keys
// are reported, known ones decoded, missing required ones reported at pos.
func (d *decoder) fields(m *yaml.Node, prefix string, missingAt *yaml.Node, schema []field) map[string]bool {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		name := k.Value
		var f *field
		for j := range schema {
			if schema[j].name == name {
				f = &schema[j]
			}
		}
		if f == nil {
			names := make([]string, len(schema))
			for j := range schema {
				names[j] = schema[j].name
			}
			if near := nearest(name, names); near != "" {
				d.errorf(k, idUnknownKey, "khóa không được biết %q; có phải là %q?", name, near)
			} else {
				d.errorf(k, idUnknownKey, "khóa không được biết %q; các khóa hợp lệ: %s", name, strings.Join(names, ", "))
			}
			continue
		}
		if seen[name] {
			d.errorf(k, idYAML, "khóa %q xuất hiện hai lần", name)
			continue
		}
		seen[name] = true
		key := prefix + name
		d.keys[key] = d.pos(v)
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			if f.required {
				d.errorf(v, idMissing, "trường bắt buộc %q đang để trống", name)
			}
			continue
		}
		f.decode(v, key)
	}
	for _, f := range schema {
		if f.required && !seen[f.name] {
			d.errorf(missingAt, idMissing, "thiếu trường bắt buộc %q", prefix+f.name)
		}
	}
	return seen
}

// scalar returns a scalar's text or reports a wrong type.
func (d *decoder) scalar(n *yaml.Node, key, what string) (string, bool) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, idType, "trường %q phải là %s, không phải %s", key, what, kindName(n))
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "một danh sách"
	case yaml.MappingNode:
		return "một bảng khóa-giá trị"
	}
	return "một giá trị đơn"
}

func (d *decoder) str(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		if s, ok := d.scalar(n, key, "một chuỗi"); ok {
			if s == "" {
				d.errorf(n, idMissing, "trường %q đang để trống", key)
			}
			*dst = s
		}
	}
}

// code decodes an identifier that must be a quoted string when it looks
// like a number (1.004359 would otherwise be a float).
func (d *decoder) code(dst *string) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		s, ok := d.scalar(n, key, "một chuỗi")
		if !ok {
			return
		}
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 && (n.Tag == "!!float" || n.Tag == "!!int") {
			d.errorf(n, idType, "mã %q phải đặt trong dấu nháy kép (\"%s\") để YAML không đọc thành số", s, s)
		}
		if s == "" {
			d.errorf(n, idMissing, "trường %q đang để trống", key)
		}
		*dst = s
	}
}

func (d *decoder) date(dst *qms.Date) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		s, ok := d.scalar(n, key, "một ngày YYYY-MM-DD")
		if !ok {
			return
		}
		t, err := qms.ParseDate(s)
		if err != nil {
			d.errorf(n, idDate, "trường %q: %v", key, err)
			return
		}
		*dst = t
	}
}

func (d *decoder) positiveInt(dst *int) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		s, ok := d.scalar(n, key, "một số nguyên")
		if !ok {
			return
		}
		v, err := strconv.Atoi(s)
		if err != nil || n.Tag != "!!int" {
			d.errorf(n, idType, "trường %q phải là một số nguyên (1, 2, …), không phải %q", key, s)
			return
		}
		if v < 1 {
			d.errorf(n, idType, "trường %q phải lớn hơn hoặc bằng 1, không phải %d", key, v)
			return
		}
		*dst = v
	}
}

func (d *decoder) enum(dst *string, allowed []string) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		s, ok := d.scalar(n, key, "một giá trị")
		if !ok {
			return
		}
		for _, a := range allowed {
			if s == a {
				*dst = s
				return
			}
		}
		msg := fmt.Sprintf("giá trị %q không hợp lệ cho %q; chọn một trong: %s", s, key, strings.Join(allowed, ", "))
		if near := nearest(s, allowed); near != "" {
			msg = fmt.Sprintf("giá trị %q không hợp lệ cho %q; có phải là %q? (chọn một trong: %s)", s, key, near, strings.Join(allowed, ", "))
		}
		d.errorf(n, idEnum, "%s", msg)
	}
}

func (d *decoder) citation(n *yaml.Node, key string) (qms.Citation, bool) {
	s, ok := d.scalar(n, key, "một số và ký hiệu văn bản")
	if !ok {
		return qms.Citation{}, false
	}
	c := qms.Citation{Text: s, Pos: d.pos(n)}
	r, err := qms.ParseRef(s)
	if err != nil {
		d.errorf(n, idNumber, "số và ký hiệu không hợp lệ %q: %v", s, err)
		return c, true
	}
	c.Ref = r
	return c, true
}

func (d *decoder) citationPtr(dst **qms.Citation) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		if c, ok := d.citation(n, key); ok {
			*dst = &c
		}
	}
}

// each decodes every item of a sequence node with item, recording each
// item's position under "key.i"; what names the expected items in the
// wrong-type message.
func (d *decoder) each(n *yaml.Node, key, what string, item func(it *yaml.Node, k string)) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, idType, "trường %q phải là %s (mỗi dòng bắt đầu bằng \"- \"), không phải %s", key, what, kindName(n))
		return
	}
	for i, it := range n.Content {
		k := fmt.Sprintf("%s.%d", key, i)
		d.keys[k] = d.pos(it)
		item(it, k)
	}
}

func (d *decoder) citations(dst *[]qms.Citation) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		d.each(n, key, "một danh sách số văn bản", func(it *yaml.Node, k string) {
			if c, ok := d.citation(it, k); ok {
				*dst = append(*dst, c)
			}
		})
	}
}

func (d *decoder) codes(dst *[]qms.CodeRef) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		d.each(n, key, "một danh sách mã thủ tục", func(it *yaml.Node, k string) {
			var s string
			d.code(&s)(it, k)
			if s != "" {
				*dst = append(*dst, qms.CodeRef{Code: s, Pos: d.pos(it)})
			}
		})
	}
}

func (d *decoder) duration(text *string, dst *qms.Duration) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		s, ok := d.scalar(n, key, "một thời hạn")
		if !ok {
			return
		}
		*text = s
		v, err := qms.ParseDuration(s)
		if err != nil {
			d.errorf(n, idDuration, "thời hạn không hợp lệ %q cho %q: %v", s, key, err)
			return
		}
		*dst = v
	}
}

// list decodes a sequence of mappings with item.
func (d *decoder) list(item func(n *yaml.Node, key string)) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		d.each(n, key, "một danh sách", func(it *yaml.Node, k string) {
			if it.Kind != yaml.MappingNode {
				d.errorf(it, idType, "mỗi mục của %q phải là các cặp \"khóa: giá trị\", không phải %s", key, kindName(it))
				return
			}
			item(it, k)
		})
	}
}

func (d *decoder) strList(dst *[]string) func(*yaml.Node, string) {
	return func(n *yaml.Node, key string) {
		if n.Kind == yaml.ScalarNode {
			if s, ok := d.scalar(n, key, "một chuỗi"); ok && s != "" {
				*dst = append(*dst, s)
			}
			return
		}
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, idType, "trường %q phải là một danh sách, không phải %s", key, kindName(n))
			return
		}
		for i, it := range n.Content {
			var s string
			d.str(&s)(it, fmt.Sprintf("%s.%d", key, i))
			if s != "" {
				*dst = append(*dst, s)
			}
		}
	}
}

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

// parseYAML decodes the front matter, valid UTF-8, into its top-level
// mapping node: with fastYAML when src is in its subset, else with
// yaml.v3 (which gives every syntax error).
func (d *decoder) parseYAML(src string) (*yaml.Node, bool) {
	doc, fast := fastYAMLValid(src)
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

// keyCount returns how many keys the decoder can record for the mapping
// root, at most: its own, the items of its lists and the keys of their
// mappings, so that the document's Keys is made at its final size.
func keyCount(root *yaml.Node) int {
	n := 0
	for i := 1; i < len(root.Content); i += 2 {
		n++
		if v := root.Content[i]; v.Kind == yaml.SequenceNode {
			n += len(v.Content)
			for _, it := range v.Content {
				if it.Kind == yaml.MappingNode {
					n += len(it.Content) / 2
				}
			}
		}
	}
	return n
}

// field describes one front-matter key of a document or list item of
// type T: decode stores the value n of the key, whose path is key
// ("steps.0.time"), into x.
type field[T any] struct {
	name     string
	required bool
	decode   func(d *decoder, x T, n *yaml.Node, key string)
}

// fieldSet is a set of fields, by index in their schema (at most 64).
type fieldSet uint64

func (s fieldSet) has(i int) bool { return i >= 0 && s&(1<<i) != 0 }

// keyPath is the path of the key name under parent ("" at the top).
func keyPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// decodeFields walks a mapping node against a schema: unknown and
// duplicate keys are reported, known ones decoded into x, missing
// required ones reported at missingAt. parent is the path of the mapping
// ("" at the top, "steps.0" for an item); paths, when not nil, holds the
// key path of every field of the schema, made beforehand. It returns the
// fields seen.
func decodeFields[T any](d *decoder, m *yaml.Node, x T, parent string, paths []string, missingAt *yaml.Node, schema []field[T]) fieldSet {
	var seen fieldSet
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		name := k.Value
		j := -1
		for jj := range schema {
			if schema[jj].name == name {
				j = jj
			}
		}
		if j < 0 {
			names := make([]string, len(schema))
			for jj := range schema {
				names[jj] = schema[jj].name
			}
			if near := nearest(name, names); near != "" {
				d.errorf(k, idUnknownKey, "khóa không được biết %q; có phải là %q?", name, near)
			} else {
				d.errorf(k, idUnknownKey, "khóa không được biết %q; các khóa hợp lệ: %s", name, strings.Join(names, ", "))
			}
			continue
		}
		if seen.has(j) {
			d.errorf(k, idYAML, "khóa %q xuất hiện hai lần", name)
			continue
		}
		seen |= 1 << j
		var key string
		if paths != nil {
			key = paths[j]
		} else {
			key = keyPath(parent, name)
		}
		d.keys[key] = d.pos(v)
		f := &schema[j]
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			if f.required {
				d.errorf(v, idMissing, "trường bắt buộc %q đang để trống", name)
			}
			continue
		}
		f.decode(d, x, v, key)
	}
	for j := range schema {
		if schema[j].required && !seen.has(j) {
			d.errorf(missingAt, idMissing, "thiếu trường bắt buộc %q", keyPath(parent, schema[j].name))
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

func (d *decoder) str(n *yaml.Node, key string, dst *string) {
	if s, ok := d.scalar(n, key, "một chuỗi"); ok {
		if s == "" {
			d.errorf(n, idMissing, "trường %q đang để trống", key)
		}
		*dst = s
	}
}

// code decodes an identifier that must be a quoted string when it looks
// like a number (1.004359 would otherwise be a float).
func (d *decoder) code(n *yaml.Node, key string, dst *string) {
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

func (d *decoder) date(n *yaml.Node, key string, dst *qms.Date) {
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

func (d *decoder) positiveInt(n *yaml.Node, key string, dst *int) {
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

func (d *decoder) enum(n *yaml.Node, key string, dst *string, allowed []string) {
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

func (d *decoder) citationPtr(n *yaml.Node, key string, dst **qms.Citation) {
	if c, ok := d.citation(n, key); ok {
		*dst = &c
	}
}

// each decodes every item of a sequence node with item, recording each
// item's position under "key.i"; what names the expected items in the
// wrong-type message. item gets the item's key path and the paths made
// beforehand for its fields, if any (see listPaths).
func (d *decoder) each(n *yaml.Node, key, what string, item func(it *yaml.Node, k string, paths []string)) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, idType, "trường %q phải là %s (mỗi dòng bắt đầu bằng \"- \"), không phải %s", key, what, kindName(n))
		return
	}
	lp := listPaths()[key]
	for i, it := range n.Content {
		k, paths := lp.item(key, i)
		d.keys[k] = d.pos(it)
		item(it, k, paths)
	}
}

func (d *decoder) citations(n *yaml.Node, key string, dst *[]qms.Citation) {
	d.each(n, key, "một danh sách số văn bản", func(it *yaml.Node, k string, _ []string) {
		if c, ok := d.citation(it, k); ok {
			if *dst == nil {
				*dst = make([]qms.Citation, 0, len(n.Content))
			}
			*dst = append(*dst, c)
		}
	})
}

func (d *decoder) codes(n *yaml.Node, key string, dst *[]qms.CodeRef) {
	d.each(n, key, "một danh sách mã thủ tục", func(it *yaml.Node, k string, _ []string) {
		var s string
		d.code(it, k, &s)
		if s != "" {
			if *dst == nil {
				*dst = make([]qms.CodeRef, 0, len(n.Content))
			}
			*dst = append(*dst, qms.CodeRef{Code: s, Pos: d.pos(it)})
		}
	})
}

func (d *decoder) duration(n *yaml.Node, key string, text *string, dst *qms.Duration) {
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

// decodeList decodes a sequence of mappings, each against schema into a
// new item appended to dst; start, if not nil, sets up the item before
// its fields are decoded.
func decodeList[T any](d *decoder, n *yaml.Node, key string, dst *[]T, start func(d *decoder, it *yaml.Node, x *T), schema []field[*T]) {
	d.each(n, key, "một danh sách", func(it *yaml.Node, k string, paths []string) {
		if it.Kind != yaml.MappingNode {
			d.errorf(it, idType, "mỗi mục của %q phải là các cặp \"khóa: giá trị\", không phải %s", key, kindName(it))
			return
		}
		if *dst == nil {
			*dst = make([]T, 0, len(n.Content))
		}
		var zero T
		*dst = append(*dst, zero)
		x := &(*dst)[len(*dst)-1] // nothing else appends to dst meanwhile
		if start != nil {
			start(d, it, x)
		}
		decodeFields(d, it, x, k, paths, it, schema)
	})
}

func (d *decoder) strList(n *yaml.Node, key string, dst *[]string) {
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
		d.str(it, key+"."+strconv.Itoa(i), &s)
		if s != "" {
			*dst = append(*dst, s)
		}
	}
}

package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

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
// ("" at the top, "steps.0" for an item).
func decodeFields[T any](d *decoder, m *yaml.Node, x T, parent string, missingAt *yaml.Node, schema []field[T]) {
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
				d.errorf(k, idUnknownKey, "trường %q không có trong mẫu %s; có phải là %q?", name, d.schemaName(), near)
			} else {
				d.errorf(k, idUnknownKey, "trường %q không có trong mẫu %s; các trường của mẫu: %s", name, d.schemaName(), strings.Join(names, ", "))
			}
			continue
		}
		if seen.has(j) {
			d.errorf(k, idYAML, "trường %q được ghi hai lần; hãy xóa một dòng", name)
			continue
		}
		seen |= 1 << j
		key := keyPath(parent, name)
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
		return "các dòng \"trường: giá trị\""
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
	s, ok := d.scalar(n, key, "một ngày dạng năm-tháng-ngày (YYYY-MM-DD)")
	if !ok || isPlaceholder(s) {
		return
	}
	t, err := qms.ParseDate(s)
	if err != nil {
		if v, ok, verr := otherDate(s); ok && verr != nil {
			d.errorf(n, idDate, "trường %q: %v", key, verr)
		} else if ok {
			d.errorf(n, idDate, "trường %q: ngày phải ghi theo thứ tự năm-tháng-ngày, viết là %s", key, v)
		} else {
			d.errorf(n, idDate, "trường %q: %v", key, err)
		}
		return
	}
	if last := today().Time().AddDate(50, 0, 0); t.Before(firstDate) || t.Time().After(last) {
		d.errorf(n, idDate, "trường %q: ngày %s nằm ngoài khoảng hợp lý (từ %s đến %s); hãy kiểm tra lại năm",
			key, t.VN(), firstDate.VN(), qms.DateOf(last).VN())
		return
	}
	*dst = t
}

// firstDate is the earliest date a document of the manual can carry.
var firstDate = qms.Date{Year: 1945, Month: 1, Day: 1}

// today is the date the loader takes as today.
var today = func() qms.Date { return qms.DateOf(time.Now()) }

var (
	dayFirst  = regexp.MustCompile(`^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$`)
	yearFirst = regexp.MustCompile(`^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$`)
)

// otherDate reads a date written the Vietnamese way (20/11/2020,
// 1.12.2020) or with the year first but other separators or no leading
// zeros (2020/11/20, 2020-1-6), and returns it as YYYY-MM-DD, or the
// error when there is no such date; ok is false when s is not so written.
func otherDate(s string) (iso string, ok bool, err error) {
	var y, m, dd string
	if p := dayFirst.FindStringSubmatch(s); p != nil {
		dd, m, y = p[1], p[2], p[3]
	} else if p := yearFirst.FindStringSubmatch(s); p != nil {
		y, m, dd = p[1], p[2], p[3]
	} else {
		return "", false, nil
	}
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(dd)
	t, err := qms.NewDate(yi, mi, di)
	return t.String(), true, err
}

// isPlaceholder reports whether s holds a template's unfilled
// placeholder ("<điền …>", scaffold.Marker): check PH001 reports it, so
// the value's own format is not.
func isPlaceholder(s string) bool { return strings.Contains(s, "<điền") }

// schemaName names the schema being decoded, for messages.
func (d *decoder) schemaName() string {
	if d.path == OrgFile {
		return "tệp " + OrgFile
	}
	return "tài liệu"
}

func (d *decoder) positiveInt(n *yaml.Node, key string, dst *int) {
	if s, ok := d.scalar(n, key, "một số nguyên"); ok {
		d.intFrom(n, key, s, 1, dst)
	}
}

// intFrom stores the integer s, the value of n, into dst when it is at
// least least.
func (d *decoder) intFrom(n *yaml.Node, key, s string, least int, dst *int) {
	if isPlaceholder(s) {
		return
	}
	v, err := strconv.Atoi(s)
	if err != nil || n.Tag != "!!int" {
		d.errorf(n, idType, "trường %q phải là một số nguyên (%d, %d, …), không phải %q", key, least, least+1, s)
		return
	}
	if v < least {
		d.errorf(n, idType, "trường %q phải lớn hơn hoặc bằng %d, không phải %d", key, least, v)
		return
	}
	*dst = v
}

// count decodes an optional integer ≥ 0.
func (d *decoder) count(n *yaml.Node, key string, dst **int) {
	if s, ok := d.scalar(n, key, "một số nguyên"); ok {
		v := -1
		if d.intFrom(n, key, s, 0, &v); v >= 0 {
			*dst = &v
		}
	}
}

func (d *decoder) enum(n *yaml.Node, key string, dst *string, allowed []string) {
	s, ok := d.scalar(n, key, "một giá trị")
	if !ok || isPlaceholder(s) {
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
	if isPlaceholder(s) {
		return c, true
	}
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
// wrong-type message. item gets the item's key path.
func (d *decoder) each(n *yaml.Node, key, what string, item func(it *yaml.Node, k string)) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, idType, "trường %q phải là %s (mỗi dòng bắt đầu bằng \"- \"), không phải %s", key, what, kindName(n))
		return
	}
	for i, it := range n.Content {
		k := key + "." + strconv.Itoa(i)
		d.keys[k] = d.pos(it)
		item(it, k)
	}
}

func (d *decoder) citations(n *yaml.Node, key string, dst *[]qms.Citation) {
	d.each(n, key, "một danh sách số văn bản", func(it *yaml.Node, k string) {
		if c, ok := d.citation(it, k); ok {
			*dst = append(*dst, c)
		}
	})
}

func (d *decoder) codes(n *yaml.Node, key string, dst *[]qms.CodeRef) {
	d.each(n, key, "một danh sách mã thủ tục", func(it *yaml.Node, k string) {
		var s string
		d.code(it, k, &s)
		if s != "" {
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
	if isPlaceholder(s) {
		return
	}
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
	d.each(n, key, "một danh sách", func(it *yaml.Node, k string) {
		if it.Kind != yaml.MappingNode {
			d.errorf(it, idType, "mỗi mục của %q phải gồm các dòng \"trường: giá trị\", không phải %s", key, kindName(it))
			return
		}
		var zero T
		*dst = append(*dst, zero)
		x := &(*dst)[len(*dst)-1] // nothing else appends to dst meanwhile
		if start != nil {
			start(d, it, x)
		}
		decodeFields(d, it, x, k, it, schema)
	})
}

// strList decodes a list of strings, or one string as a list of one.
func (d *decoder) strList(n *yaml.Node, key string, dst *[]string) {
	if n.Kind == yaml.ScalarNode {
		n = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}}
	}
	d.each(n, key, "một danh sách", func(it *yaml.Node, k string) {
		var s string
		if d.str(it, k, &s); s != "" {
			*dst = append(*dst, s)
		}
	})
}

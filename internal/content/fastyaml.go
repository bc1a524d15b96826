package content

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastYAML parses front matter written in the small subset of YAML that
// our documents use and returns the document node that
// yaml.Unmarshal(src, &node) would give, field for field (Kind, Style,
// Tag, Value, Line, Column; no comments, anchors or aliases). It returns
// ok=false on anything outside the subset; the caller then parses src
// with yaml.v3, which also gives the error messages: fastYAML never
// reports an error of its own.
//
// The subset, line by line (blank lines may appear anywhere):
//
//   - the top is a block mapping starting in column 1;
//   - a mapping entry is "key: value" or "key:" where key is a plain
//     scalar on one line (at most 1000 bytes, not starting with an
//     indicator, no ": " inside) followed by ": " or by ":" at the end
//     of the line;
//   - "key:" alone is followed by a block mapping or a block sequence
//     indented deeper, by a block sequence at the key's own indentation,
//     or by nothing (a null value);
//   - a sequence item is "- value", "- key: value" (starting a mapping
//     whose keys line up with that key) or "-" alone (a null item);
//   - an inline value is a plain scalar on one line (not starting with
//     an indicator, no ": " inside, not ending with ":"), a single- or
//     double-quoted scalar on one line (the common escapes of double
//     quotes, no "\" at the end of a line), or a flow sequence on one
//     line of such quoted scalars or of plain scalars without flow
//     indicators, colons or quotes;
//   - indentation is spaces only; a line indented deeper than a scalar
//     value above it (a multi-line scalar) is outside the subset.
//
// Also outside it, anywhere in src: tabs, carriage returns, control
// characters, invalid UTF-8, Unicode line separators, NEL, BOM, '#' at
// the start of a line or after a space (a comment), document markers
// ("---" and "..." in column 1), nesting deeper than maxFastDepth.
// Everything else yaml.v3 accepts (block scalars, flow mappings,
// anchors, tags, comments, ...) falls back to it.
//
// Plain scalars get yaml.v3's tags (see resolvePlain), quoted ones
// "!!str". Duplicate keys are kept, as yaml.v3 keeps them in a node tree
// (the decoder reports them).
//
// Scalar values are substrings of src where no escape was decoded: the
// nodes keep src alive, as the parsed document does anyway (Doc.Source).
func fastYAML(src string) (*yaml.Node, bool) {
	if !utf8.ValidString(src) {
		return nil, false
	}
	return fastYAMLValid(src)
}

// fastYAMLValid is fastYAML for src known to be valid UTF-8 (as
// ParseFile's text is, once checked).
func fastYAMLValid(src string) (*yaml.Node, bool) {
	if !fastYAMLChars(src) {
		return nil, false
	}
	// A line makes at most two nodes, three when it starts a mapping in
	// a sequence ("- key: value"), plus the document and its mapping.
	size := 2*(strings.Count(src, "\n")+1) + strings.Count(src, "- ") + 2
	p := fyParser{src: src, line: 1, stack: make([]*yaml.Node, 0, 32)}
	p.nodes = make([]yaml.Node, 0, size)
	p.ptrs = make([]*yaml.Node, 0, size)
	p.next()
	if p.fail || !p.have || p.cur.indent != 0 {
		return nil, false
	}
	doc := p.node(yaml.DocumentNode, "", "", p.cur.num, 1)
	root := p.mapping(0, 0)
	if p.fail || p.have {
		return nil, false
	}
	p.stack = append(p.stack, root)
	p.content(doc, 0)
	return doc, true
}

// maxFastDepth bounds the nesting fastYAML handles (yaml.v3 allows 10000).
const maxFastDepth = 64

// fastYAMLChars reports whether src, valid UTF-8, has none of the
// characters and comments that fastYAML leaves to yaml.v3.
func fastYAMLChars(src string) bool {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c >= '/' && c < 0x7f || c == ' ' || c >= 0x80 && c < 0xc0:
			// Letters, digits, most punctuation, UTF-8 continuation bytes.
		case c >= utf8.RuneSelf:
			// U+0080-U+009F (C1 controls, NEL), U+2028, U+2029 (line
			// breaks to yaml.v3), U+FEFF (BOM), U+FFFE, U+FFFF.
			switch c {
			case 0xc2:
				if src[i+1] < 0xa0 {
					return false
				}
			case 0xe2:
				if src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9) {
					return false
				}
			case 0xef:
				if src[i+1] == 0xbb && src[i+2] == 0xbf || src[i+1] == 0xbf && src[i+2] >= 0xbe {
					return false
				}
			}
		case c == '\n':
		case c < ' ' || c == 0x7f:
			return false
		case c == '#':
			if i == 0 || src[i-1] == ' ' || src[i-1] == '\n' {
				return false
			}
		case c == '-' || c == '.':
			if (i == 0 || src[i-1] == '\n') && (strings.HasPrefix(src[i:], "---") || strings.HasPrefix(src[i:], "...")) {
				return false
			}
		}
	}
	return true
}

// fyLine is one non-blank line of the source, or the part of a sequence
// item's line after "- " when the item is a mapping.
type fyLine struct {
	num    int    // line number, from 1
	indent int    // column of text, from 0 (text starts after spaces)
	text   string // the line from indent on, trailing spaces included
}

// fyParser is fastYAML's state: a cursor on the current line and the
// storage its nodes are carved from.
type fyParser struct {
	src   string
	off   int // start of the line after cur
	line  int // number of the line after cur
	cur   fyLine
	have  bool // cur is a line (false at the end)
	fail  bool
	depth int

	nodes []yaml.Node  // nodes are allocated from here
	ptrs  []*yaml.Node // Content slices are carved from here
	stack []*yaml.Node // children of the collections being parsed
}

// next moves cur to the next non-blank line.
func (p *fyParser) next() {
	for p.off <= len(p.src) {
		start := p.off
		end := strings.IndexByte(p.src[start:], '\n')
		if end < 0 {
			end = len(p.src)
			p.off = len(p.src) + 1
		} else {
			end += start
			p.off = end + 1
		}
		num := p.line
		p.line++
		l := p.src[start:end]
		indent := 0
		for indent < len(l) && l[indent] == ' ' {
			indent++
		}
		if indent == len(l) {
			continue
		}
		p.cur = fyLine{num: num, indent: indent, text: l[indent:]}
		p.have = true
		return
	}
	p.have = false
}

// node allocates a node.
func (p *fyParser) node(kind yaml.Kind, tag, value string, line, col int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, 32)
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	n.Kind, n.Tag, n.Value, n.Line, n.Column = kind, tag, value, line, col
	return n
}

// content sets n.Content to the stack from start and pops it.
func (p *fyParser) content(n *yaml.Node, start int) {
	kids := p.stack[start:]
	if len(kids) == 0 {
		return
	}
	if cap(p.ptrs)-len(p.ptrs) < len(kids) {
		p.ptrs = make([]*yaml.Node, 0, max(64, len(kids)))
	}
	i := len(p.ptrs)
	p.ptrs = append(p.ptrs, kids...)
	n.Content = p.ptrs[i:len(p.ptrs):len(p.ptrs)]
	clear(kids)
	p.stack = p.stack[:start]
}

// col is the 1-based column, in characters, of l.text[off:].
func col(l fyLine, off int) int {
	return l.indent + utf8.RuneCountInString(l.text[:off]) + 1
}

// isItem reports whether text is a block sequence entry.
func isItem(text string) bool {
	return text[0] == '-' && (len(text) == 1 || text[1] == ' ')
}

// isIndicator reports whether c cannot start a scalar in the subset.
func isIndicator(c byte) bool {
	return strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", c) >= 0
}

// splitKey splits a "key: rest" or "key:" line; ok is false when text
// has no ": " nor a final ':'.
func splitKey(text string) (key, rest string, colon int, ok bool) {
	for i := 0; i < len(text); i++ {
		if text[i] == ':' && (i+1 == len(text) || text[i+1] == ' ') {
			return strings.TrimRight(text[:i], " "), text[i+1:], i, true
		}
	}
	return "", "", 0, false
}

// mapping parses a block mapping whose keys are in column indent (from
// 0), starting with cur.
func (p *fyParser) mapping(indent, depth int) *yaml.Node {
	if depth > maxFastDepth {
		p.fail = true
		return nil
	}
	n := p.node(yaml.MappingNode, "!!map", "", p.cur.num, p.cur.indent+1)
	start := len(p.stack)
	for !p.fail && p.have && p.cur.indent >= indent {
		if p.cur.indent > indent {
			p.fail = true
			break
		}
		l := p.cur
		key, rest, colon, ok := splitKey(l.text)
		if !ok || key == "" || isIndicator(key[0]) || colon > 1000 {
			p.fail = true
			break
		}
		p.stack = append(p.stack, p.node(yaml.ScalarNode, resolvePlain(key), key, l.num, l.indent+1))
		var v *yaml.Node
		if vs := strings.TrimLeft(rest, " "); vs != "" {
			v = p.inline(l, len(l.text)-len(vs))
			p.next()
			if p.have && p.cur.indent > indent {
				p.fail = true
			}
		} else {
			p.next()
			switch {
			case p.have && p.cur.indent > indent && isItem(p.cur.text):
				v = p.sequence(p.cur.indent, depth+1)
			case p.have && p.cur.indent > indent:
				v = p.mapping(p.cur.indent, depth+1)
			case p.have && p.cur.indent == indent && isItem(p.cur.text):
				v = p.sequence(indent, depth+1)
			default:
				v = p.node(yaml.ScalarNode, "!!null", "", l.num, col(l, colon)+1)
			}
		}
		if p.fail {
			break
		}
		p.stack = append(p.stack, v)
	}
	p.content(n, start)
	return n
}

// sequence parses a block sequence whose "-" are in column indent (from
// 0), starting with cur.
func (p *fyParser) sequence(indent, depth int) *yaml.Node {
	if depth > maxFastDepth {
		p.fail = true
		return nil
	}
	n := p.node(yaml.SequenceNode, "!!seq", "", p.cur.num, indent+1)
	start := len(p.stack)
	for !p.fail && p.have && p.cur.indent >= indent {
		if p.cur.indent > indent {
			p.fail = true
			break
		}
		l := p.cur
		if !isItem(l.text) {
			break // the next key of a mapping at this indentation
		}
		rest := strings.TrimLeft(l.text[1:], " ")
		off := len(l.text) - len(rest)
		var v *yaml.Node
		switch _, _, _, isKey := splitKey(rest); {
		case rest == "":
			v = p.node(yaml.ScalarNode, "!!null", "", l.num, l.indent+2)
			p.next()
			if p.have && p.cur.indent > indent {
				p.fail = true
			}
		case isKey && !isIndicator(rest[0]):
			p.cur = fyLine{num: l.num, indent: l.indent + off, text: rest}
			v = p.mapping(p.cur.indent, depth+1)
		default:
			v = p.inline(l, off)
			p.next()
			if p.have && p.cur.indent > indent {
				p.fail = true
			}
		}
		if p.fail {
			break
		}
		p.stack = append(p.stack, v)
	}
	p.content(n, start)
	return n
}

// inline parses the value l.text[off:], which ends the line.
func (p *fyParser) inline(l fyLine, off int) *yaml.Node {
	s := l.text[off:]
	switch s[0] {
	case '"', '\'':
		v, style, n, ok := quoted(s)
		if !ok || strings.TrimRight(s[n:], " ") != "" {
			p.fail = true
			return nil
		}
		x := p.node(yaml.ScalarNode, "!!str", v, l.num, col(l, off))
		x.Style = style
		return x
	case '[':
		return p.flow(l, off)
	}
	s = strings.TrimRight(s, " ")
	if isIndicator(s[0]) || s[len(s)-1] == ':' || strings.Contains(s, ": ") {
		p.fail = true
		return nil
	}
	return p.node(yaml.ScalarNode, resolvePlain(s), s, l.num, col(l, off))
}

// flow parses the flow sequence l.text[off:], which ends the line.
func (p *fyParser) flow(l fyLine, off int) *yaml.Node {
	n := p.node(yaml.SequenceNode, "!!seq", "", l.num, col(l, off))
	n.Style = yaml.FlowStyle
	start := len(p.stack)
	t := l.text
	i := off + 1
	skip := func() {
		for i < len(t) && t[i] == ' ' {
			i++
		}
	}
	for {
		skip()
		if i == len(t) {
			p.fail = true
			break
		}
		if t[i] == ']' {
			i++
			break
		}
		var v *yaml.Node
		if c := t[i]; c == '"' || c == '\'' {
			s, style, w, ok := quoted(t[i:])
			if !ok {
				p.fail = true
				break
			}
			v = p.node(yaml.ScalarNode, "!!str", s, l.num, col(l, i))
			v.Style = style
			i += w
		} else {
			j := i
			for j < len(t) && t[j] != ',' && t[j] != ']' {
				if strings.IndexByte("[{}#:?'\"", t[j]) >= 0 {
					p.fail = true
					break
				}
				j++
			}
			s := strings.TrimRight(t[i:j], " ")
			if p.fail || s == "" || isIndicator(s[0]) {
				p.fail = true
				break
			}
			v = p.node(yaml.ScalarNode, resolvePlain(s), s, l.num, col(l, i))
			i = j
		}
		p.stack = append(p.stack, v)
		skip()
		if i < len(t) && t[i] == ',' {
			i++
			continue
		}
		if i < len(t) && t[i] == ']' {
			i++
			break
		}
		p.fail = true
		break
	}
	if p.fail || strings.TrimRight(t[i:], " ") != "" {
		p.fail = true
		p.stack = p.stack[:start]
		return nil
	}
	p.content(n, start)
	return n
}

// quoted decodes the single- or double-quoted scalar at the start of s
// and returns its value, style and length in s; ok is false when it does
// not end on this line or uses an escape outside the subset.
func quoted(s string) (v string, style yaml.Style, n int, ok bool) {
	q := s[0]
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	} else {
		style = yaml.DoubleQuotedStyle
	}
	var b []byte // the decoded value once an escape is seen
	from := 1
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' && q == '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				b = append(b, s[from:i+1]...)
				i++
				from = i + 1
				continue
			}
		case c == '"' && q == '"':
		case c == '\\' && q == '"':
			if i+1 == len(s) {
				return "", 0, 0, false
			}
			b = append(b, s[from:i]...)
			e, w, ok := unescape(s[i+1:])
			if !ok {
				return "", 0, 0, false
			}
			b = append(b, e...)
			i += w
			from = i + 1
			continue
		default:
			continue
		}
		if b == nil {
			return s[1:i], style, i + 1, true
		}
		b = append(b, s[from:i]...)
		return string(b), style, i + 1, true
	}
	return "", 0, 0, false
}

// unescape decodes the double-quoted escape after a '\' at the start of
// s, returning its text and the length it takes in s.
func unescape(s string) (text string, n int, ok bool) {
	switch s[0] {
	case '0':
		return "\x00", 1, true
	case 'a':
		return "\a", 1, true
	case 'b':
		return "\b", 1, true
	case 't':
		return "\t", 1, true
	case 'n':
		return "\n", 1, true
	case 'v':
		return "\v", 1, true
	case 'f':
		return "\f", 1, true
	case 'r':
		return "\r", 1, true
	case 'e':
		return "\x1b", 1, true
	case ' ', '"', '\'', '\\':
		return s[:1], 1, true
	case 'N':
		return "\u0085", 1, true
	case '_':
		return "\u00a0", 1, true
	case 'L':
		return "\u2028", 1, true
	case 'P':
		return "\u2029", 1, true
	case 'x', 'u', 'U':
		w := 2
		if s[0] == 'u' {
			w = 4
		} else if s[0] == 'U' {
			w = 8
		}
		if len(s) < 1+w {
			return "", 0, false
		}
		r, err := strconv.ParseUint(s[1:1+w], 16, 32)
		if err != nil || strings.ContainsAny(s[1:1+w], "+-_") || r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
			return "", 0, false
		}
		return string(rune(r)), 1 + w, true
	}
	return "", 0, false
}

// resolvePlain is the tag yaml.v3 gives the plain scalar s: the part of
// its resolve (resolve.go, v3.0.1) for untagged scalars, with shortcuts
// for the common forms whose answer is certain.
func resolvePlain(s string) string {
	switch s {
	case "":
		return "!!null"
	case "<<":
		return "!!merge"
	}
	switch c := s[0]; {
	case c == '+' || c == '-' || c >= '0' && c <= '9':
	case c == '.' || strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF":
			return "!!float"
		}
		if c == '.' {
			if _, err := strconv.ParseFloat(s, 64); err == nil {
				return "!!float"
			}
		}
		return "!!str"
	default:
		return "!!str"
	}
	switch s {
	case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	// Shortcuts: a date, a decimal without leading zero, text with a space
	// or a non-ASCII letter (no number form has one, and a timestamp with
	// a space starts with "YYYY-").
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	stamp := digits == 4 && len(s) > 4 && s[4] == '-'
	if stamp && len(s) == 10 && s[7] == '-' && isDigits(s[5:7]) && isDigits(s[8:10]) {
		if _, err := time.Parse("2006-1-2", s); err == nil {
			return "!!timestamp"
		}
	}
	if digits == len(s) && digits <= 18 && (s[0] != '0' || digits == 1) {
		return "!!int"
	}
	if !stamp && strings.ContainsFunc(s, func(r rune) bool { return r == ' ' || r >= utf8.RuneSelf }) {
		return "!!str"
	}
	return resolveNumber(s)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// yamlStyleFloat is yaml.v3's.
var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// resolveNumber is yaml.v3's resolve for an untagged plain scalar that
// starts with a sign or a digit, tags only.
func resolveNumber(in string) string {
	if parseTimestamp(in) {
		return "!!timestamp"
	}
	plain := strings.ReplaceAll(in, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if yamlStyleFloat.MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	if prefixedInt(plain, "0b", 2) || prefixedInt(plain, "0o", 8) {
		return "!!int"
	}
	return "!!str"
}

// prefixedInt reports whether s is an integer in base written with
// prefix (0b, 0o), signed with "-" or not, as yaml.v3 resolves them.
func prefixedInt(s, prefix string, base int) bool {
	if digits, ok := strings.CutPrefix(s, prefix); ok {
		_, err := strconv.ParseInt(digits, base, 64)
		_, uerr := strconv.ParseUint(digits, base, 64)
		return err == nil || uerr == nil
	}
	if digits, ok := strings.CutPrefix(s, "-"+prefix); ok {
		_, err := strconv.ParseInt("-"+digits, base, 64)
		return err == nil
	}
	return false
}

// parseTimestamp is yaml.v3's, without the time.
func parseTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range []string{
		"2006-1-2T15:4:5.999999999Z07:00",
		"2006-1-2t15:4:5.999999999Z07:00",
		"2006-1-2 15:4:5.999999999",
		"2006-1-2",
	} {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

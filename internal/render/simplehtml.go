package render

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Most bodies are written in a small part of Markdown: ATX headings,
// paragraphs of plain text, and "- " lists, with inline links. Such a body
// is rendered here without goldmark, to the bytes goldmark and rewrite
// give it (simplehtml_test.go compares the two on random, generated and
// real bodies, and fuzzes them); anything else is left to goldmark. On a
// site of 10,000 documents with all their revisions this is most of the
// CPU that Markdown costs. (simpleText in markdown.go reads a broader
// subset, for a body's plain text only, where block boundaries and
// entities do not change the result.)

// simpleBlock is a block of a simple body.
type simpleBlock struct {
	kind  byte     // 'h' an ATX heading, 'p' a paragraph, 'l' a tight "- " list
	level int      // a heading's level as written
	lines []string // a heading's text, a paragraph's lines or a list's items
}

// simpleBlocks splits src into the blocks of a simple body, and reports
// false when src is not one. Stricter than Markdown needs, so that every
// body it accepts means one thing: blocks are separated by blank lines
// (empty lines), except the lines of one paragraph and the items of one
// list; lines have no indentation and no trailing spaces; a list is
// followed by a blank line and then not by another item (which would make
// it a loose list); and every line's text passes simpleInlineOK.
func simpleBlocks(src string) ([]simpleBlock, bool) {
	if !utf8.ValidString(src) {
		return nil, false
	}
	var blocks []simpleBlock
	var last byte // kind of the block the previous line belongs to; 0 after a blank line
	afterList := false
	for src != "" {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		if line == "" {
			if last == 'l' {
				afterList = true
			}
			last = 0
			continue
		}
		if line[len(line)-1] == ' ' {
			return nil, false
		}
		kind, level, text := 'p', 0, line
		switch line[0] {
		case '#':
			n := 1
			for n < len(line) && line[n] == '#' {
				n++
			}
			if n > 6 || n+1 >= len(line) || line[n] != ' ' {
				return nil, false
			}
			// A heading's text is not read for blocks: "## 1. Mục đích" is
			// no list.
			kind, level, text = 'h', n, line[n+1:]
			if text[0] == ' ' {
				return nil, false
			}
		case '-':
			if len(line) < 3 || line[1] != ' ' {
				return nil, false
			}
			kind, text = 'l', line[2:]
			if !startsParagraph(text) {
				return nil, false
			}
		default:
			if !startsParagraph(line) {
				return nil, false
			}
		}
		if !simpleInlineOK(text) {
			return nil, false
		}
		switch {
		case last == 0:
			if kind == 'l' && afterList {
				return nil, false // a loose list
			}
			afterList = false
			blocks = append(blocks, simpleBlock{kind: byte(kind), level: level, lines: []string{text}})
		case last == byte(kind) && kind != 'h':
			b := &blocks[len(blocks)-1]
			b.lines = append(b.lines, text)
		default:
			return nil, false // a block right after another
		}
		last = byte(kind)
		if kind == 'h' {
			last = 'H' // nothing may follow a heading on the next line
		}
	}
	return blocks, true
}

// simpleInlineOK reports whether s, the text of a line (a heading's
// without its marker), is plain text with inline links
// "[text](destination)" only: no control characters (s is valid UTF-8,
// which simpleBlocks checks), no
// character that may start other inline markup or an entity ("\", "`",
// "*", "_", "~", "|", "<", ">", "#", "]", "&", "!["), link texts of plain
// text and destinations of the characters destByte allows but "&".
func simpleInlineOK(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch simpleClass[c] {
		case simpleStop:
			return false
		case simpleHigh:
			// Valid UTF-8 (checked by simpleBlocks), but no C1 control
			// character (U+0080–U+009F, "\xc2\x80"–"\xc2\x9f").
			if c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0 {
				return false
			}
		case simpleBang:
			if i+1 < len(s) && s[i+1] == '[' {
				return false
			}
		case simpleOpen:
			text, dest, n, ok := simpleLink(s[i:])
			if !ok || !simpleInlineOK(text) || strings.IndexByte(text, '[') >= 0 || strings.IndexByte(dest, '&') >= 0 {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// Classes of bytes for simpleInlineOK.
const (
	simplePlain = iota
	simpleStop  // a control character or a character that may start markup other than a link
	simpleHigh  // a byte of a multi-byte character
	simpleBang  // "!", an image if "[" follows
	simpleOpen  // "[", a link
)

var simpleClass = func() (c [256]uint8) {
	for b := range c {
		switch {
		case b >= utf8.RuneSelf:
			c[b] = simpleHigh
		case b < ' ' || b == 0x7f || strings.IndexByte("\\`*_~|<>#]&", byte(b)) >= 0:
			c[b] = simpleStop
		case b == '!':
			c[b] = simpleBang
		case b == '[':
			c[b] = simpleOpen
		}
	}
	return c
}()

// simpleLink reads the link "[text](destination)" at the start of s:
// its text, destination and length.
func simpleLink(s string) (text, dest string, n int, ok bool) {
	text, rest, ok := strings.Cut(s[1:], "](")
	if !ok || text == "" {
		return "", "", 0, false
	}
	dest, _, ok = strings.Cut(rest, ")")
	if !ok || dest == "" || strings.ContainsFunc(dest, func(r rune) bool { return !destByte(r) }) {
		return "", "", 0, false
	}
	return text, dest, 1 + len(text) + 2 + len(dest) + 1, true
}

// renderSimple renders src as renderMarkdownUncached does, when it is a
// simple body (simpleBlocks); ok is false otherwise.
func (s *Site) renderSimple(src, docPath string, minLevel int) (out markdownOut, ok bool) {
	blocks, ok := simpleBlocks(src)
	if !ok || len(blocks) == 0 {
		return markdownOut{}, false
	}
	// rewrite's heading levels: the top level moved to minLevel, no gaps.
	top := 7
	for _, b := range blocks {
		if b.kind == 'h' {
			top = min(top, b.level)
		}
	}
	shift := max(minLevel-top, 0)
	prev := minLevel - 1
	ids := newHeadingIDs()
	ids.slugs = &s.slugs
	var w strings.Builder
	w.Grow(len(src) + len(src)/4 + 64)
	for _, b := range blocks {
		switch b.kind {
		case 'h':
			level := min(b.level+shift, prev+1, 6)
			prev = level
			id := ids.Generate([]byte(b.lines[0]), ast.KindHeading)
			w.WriteString("<h")
			w.WriteByte(byte('0' + level))
			w.WriteString(` id="`)
			w.Write(util.EscapeHTML(id))
			w.WriteString(`">`)
			s.writeSimpleInline(&w, b.lines[0], docPath)
			w.WriteString("</h")
			w.WriteByte(byte('0' + level))
			w.WriteString(">\n")
		case 'p':
			w.WriteString("<p>")
			for i, l := range b.lines {
				if i > 0 {
					w.WriteByte('\n')
				}
				s.writeSimpleInline(&w, l, docPath)
			}
			w.WriteString("</p>\n")
		case 'l':
			w.WriteString("<ul>\n")
			for _, l := range b.lines {
				w.WriteString("<li>")
				s.writeSimpleInline(&w, l, docPath)
				w.WriteString("</li>\n")
			}
			w.WriteString("</ul>\n")
		}
	}
	// The bytes are the builder's, which is not used again: no copy.
	h := w.String()
	return markdownOut{HTML: unsafe.Slice(unsafe.StringData(h), len(h)), Headed: blocks[0].kind == 'h'}, true
}

// writeSimpleInline writes the text of a line that simpleInlineOK
// accepted: text escaped as goldmark escapes it, links rewritten by
// linkDest (or reduced to their text) and written as goldmark writes them.
func (s *Site) writeSimpleInline(w *strings.Builder, t, docPath string) {
	for {
		i := strings.IndexAny(t, `["`)
		if i < 0 {
			w.WriteString(t)
			return
		}
		w.WriteString(t[:i])
		if t[i] == '"' {
			w.WriteString("&quot;")
			t = t[i+1:]
			continue
		}
		text, dest, n, _ := simpleLink(t[i:])
		t = t[i+n:]
		d, ok := s.linkDest(dest, docPath)
		if !ok {
			s.writeSimpleInline(w, text, docPath)
			continue
		}
		w.WriteString(`<a href="`)
		if !html.IsDangerousURL([]byte(d)) {
			w.Write(util.EscapeHTML(util.URLEscape([]byte(d), true)))
		}
		w.WriteString(`">`)
		s.writeSimpleInline(w, text, docPath)
		w.WriteString("</a>")
	}
}

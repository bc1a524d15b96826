package render

import (
	"strings"
	"unicode/utf8"
	"unsafe"

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
	kind  byte // 'h' an ATX heading, 'p' a paragraph, 'l' a tight "- " list
	level int  // a heading's level as written
	// lines[first:end] of simpleBlocks' lines are a heading's text, a
	// paragraph's lines or a list's items.
	first, end int
}

// simpleBlocks splits src into the blocks of a simple body, appended to
// blocks, and their lines, appended to lines (the caller's buffers), and
// reports false when src is not one. Stricter than Markdown needs, so that every
// body it accepts means one thing: blocks are separated by blank lines
// (empty lines), except the lines of one paragraph and the items of one
// list; lines have no indentation and no trailing spaces; a list is
// followed by a blank line and then not by another item (which would make
// it a loose list); and every line's text passes simpleInlineOK.
func simpleBlocks(src string, blocks []simpleBlock, lines []string) ([]simpleBlock, []string, bool) {
	// src is valid UTF-8 when every line's text is: simpleInlineOK checks
	// that, and the rest (markers, spaces, newlines) is ASCII, which never
	// ends or starts a multi-byte character.
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
			return nil, nil, false
		}
		kind, level, text := 'p', 0, line
		switch line[0] {
		case '#':
			n := 1
			for n < len(line) && line[n] == '#' {
				n++
			}
			if n > 6 || n+1 >= len(line) || line[n] != ' ' {
				return nil, nil, false
			}
			// A heading's text is not read for blocks: "## 1. Mục đích" is
			// no list.
			kind, level, text = 'h', n, line[n+1:]
			if text[0] == ' ' {
				return nil, nil, false
			}
		case '-':
			if len(line) < 3 || line[1] != ' ' {
				return nil, nil, false
			}
			kind, text = 'l', line[2:]
			if !startsParagraph(text) {
				return nil, nil, false
			}
		default:
			if !startsParagraph(line) {
				return nil, nil, false
			}
		}
		if !simpleInlineOK(text) {
			return nil, nil, false
		}
		switch {
		case last == 0:
			if kind == 'l' && afterList {
				return nil, nil, false // a loose list
			}
			afterList = false
			lines = append(lines, text)
			blocks = append(blocks, simpleBlock{kind: byte(kind), level: level, first: len(lines) - 1, end: len(lines)})
		case last == byte(kind) && kind != 'h':
			lines = append(lines, text)
			blocks[len(blocks)-1].end = len(lines)
		default:
			return nil, nil, false // a block right after another
		}
		last = byte(kind)
		if kind == 'h' {
			last = 'H' // nothing may follow a heading on the next line
		}
	}
	return blocks, lines, true
}

// simpleInlineOK reports whether s, the text of a line (a heading's
// without its marker), is plain text with inline links
// "[text](destination)" only: valid UTF-8 without control characters, no
// character that may start other inline markup or an entity ("\", "`",
// "*", "_", "~", "|", "<", ">", "#", "]", "&", "!["), link texts of plain
// text and destinations of the characters destByte allows but "&".
func simpleInlineOK(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch simpleClass[c] {
		case simplePlain:
			i++
		case simpleStop:
			return false
		case simpleHigh:
			// The two- and three-byte characters of Vietnamese text are
			// checked here, anything else by validRune.
			switch {
			case c >= 0xc3 && c <= 0xdf: // U+00C0–U+07FF
				if i+1 >= len(s) || s[i+1]&0xc0 != 0x80 {
					return false
				}
				i += 2
			case c == 0xe1: // U+1000–U+1FFF
				if i+2 >= len(s) || s[i+1]&0xc0 != 0x80 || s[i+2]&0xc0 != 0x80 {
					return false
				}
				i += 3
			default:
				n := validRune(s[i:])
				if n == 0 {
					return false
				}
				i += n
			}
		case simpleBang:
			if i+1 < len(s) && s[i+1] == '[' {
				return false
			}
			i++
		case simpleOpen:
			text, dest, n, ok := simpleLink(s[i:])
			if !ok || !simpleInlineOK(text) || strings.IndexByte(text, '[') >= 0 || strings.IndexByte(dest, '&') >= 0 {
				return false
			}
			i += n
		}
	}
	return true
}

// validRune returns the length of the character encoded at the start of
// s, which starts with a byte ≥ 0x80, or 0 when s does not start with a
// valid UTF-8 encoding (utf8.ValidString's rules) or the character is a
// C1 control character (U+0080–U+009F).
func validRune(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n == 1 || r >= 0x80 && r < 0xa0 {
		return 0
	}
	return n
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
	// Buffers on the stack for the blocks and lines of most bodies.
	var blockBuf [32]simpleBlock
	var lineBuf [64]string
	blocks, lines, ok := simpleBlocks(src, blockBuf[:0], lineBuf[:0])
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
	var ids headingIDs
	ids.slugs = &s.slugs
	var w strings.Builder
	w.Grow(len(src) + len(src)/4 + 64)
	for _, b := range blocks {
		bl := lines[b.first:b.end]
		switch b.kind {
		case 'h':
			level := min(b.level+shift, prev+1, 6)
			prev = level
			id := ids.generate(bl[0])
			w.WriteString("<h")
			w.WriteByte(byte('0' + level))
			w.WriteString(` id="`)
			writeEscapedID(&w, id)
			w.WriteString(`">`)
			s.writeSimpleInline(&w, bl[0], docPath)
			w.WriteString("</h")
			w.WriteByte(byte('0' + level))
			w.WriteString(">\n")
		case 'p':
			w.WriteString("<p>")
			for i, l := range bl {
				if i > 0 {
					w.WriteByte('\n')
				}
				s.writeSimpleInline(&w, l, docPath)
			}
			w.WriteString("</p>\n")
		case 'l':
			w.WriteString("<ul>\n")
			for _, l := range bl {
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
	// The next "[" and the next quote, found with IndexByte (much faster
	// than IndexAny on a line of text); -1 when there is none, and each
	// looked for again only once t has been cut past it.
	open, quote := strings.IndexByte(t, '['), strings.IndexByte(t, '"')
	for {
		i := open
		if i < 0 || quote >= 0 && quote < i {
			i = quote
		}
		if i < 0 {
			w.WriteString(t)
			return
		}
		w.WriteString(t[:i])
		if t[i] == '"' {
			w.WriteString("&quot;")
			t = t[i+1:]
		} else {
			text, dest, n, _ := simpleLink(t[i:])
			t = t[i+n:]
			if d, ok := s.linkDest(dest, docPath); !ok {
				s.writeSimpleInline(w, text, docPath)
			} else {
				w.WriteString(`<a href="`)
				writeHref(w, d)
				w.WriteString(`">`)
				s.writeSimpleInline(w, text, docPath)
				w.WriteString("</a>")
			}
			i += n - 1
		}
		// t now starts after s[i] of the old t: move the positions along.
		open, quote = nextAfter(t, open, i, '['), nextAfter(t, quote, i, '"')
	}
}

// nextAfter returns where c is next found in t, the rest of a string
// after its byte at cut, given pos, c's position in that string (or -1).
func nextAfter(t string, pos, cut int, c byte) int {
	if pos < 0 {
		return -1
	}
	if pos > cut {
		return pos - cut - 1
	}
	return strings.IndexByte(t, c)
}

// writeHref writes d, a link's destination, as goldmark's renderer writes
// it in href: nothing for a dangerous URL, else with entities and
// escapes resolved, percent-encoded and HTML-escaped. A destination of
// letters, digits and "-./_#?=" only, as the site's own URLs are, is
// written as it is: none of that changes it, and with no ":" it has no
// dangerous scheme.
func writeHref(w *strings.Builder, d string) {
	for i := 0; i < len(d); i++ {
		if !hrefPlain[d[i]] {
			if !html.IsDangerousURL([]byte(d)) {
				w.Write(util.EscapeHTML(util.URLEscape([]byte(d), true)))
			}
			return
		}
	}
	w.WriteString(d)
}

// hrefPlain marks the bytes writeHref writes as they are.
var hrefPlain = func() (t [256]bool) {
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-./_#?=") {
		t[c] = true
	}
	return t
}()

// writeEscapedID writes a heading's id as goldmark writes it
// (util.EscapeHTML), without copying the id, which slugify made of
// letters, digits and dashes (or a caller of headingIDs.Put chose).
func writeEscapedID(w *strings.Builder, id string) {
	if strings.ContainsAny(id, `&<>"`) {
		w.Write(util.EscapeHTML([]byte(id)))
		return
	}
	w.WriteString(id)
}

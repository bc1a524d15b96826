package content

import (
	"strings"
)

// linkSpan is a link or image found by fastLinks: its destination and the
// byte offset in the body where goldmark puts it (its "[", or the "!" of
// an image).
type linkSpan struct {
	dest string
	off  int
}

// fastLinks finds the inline links and images of a Markdown body written
// in a small subset of Markdown without parsing it, in the order goldmark
// (GFM) would give them. It returns ok=false on anything outside the
// subset; the caller then parses body with goldmark.
//
// In the subset, every "[" starts "[label](dest)" on one line, optionally
// preceded by "!" (an image), where label has no "[", "]" and is not one
// of "x", "X", " " (a task list check box), and dest is not empty and has
// no space, "(", ")", "[" or "]"; every "]" closes such a label. Also
// outside it, anywhere in body:
//
//   - "`", "~" (code spans and fences, strikethrough), "<", ">" (HTML,
//     autolinks, block quotes), "\" (escapes), "|" (tables), "@" (e-mail
//     addresses), "www.", "http:", "https:", "ftp:" (which GFM's linkify
//     turns into links that could swallow a link's text);
//   - control characters other than "\n" (tabs, carriage returns);
//   - a line starting with a space, or four spaces in a row (indented
//     code, also inside list items).
//
// What remains can hold headings, paragraphs, lists, emphasis, thematic
// breaks and setext underlines, none of which hides, splits or creates a
// link whose label and destination sit on one line: every link there is
// a goldmark Link (or Image) node whose position is its "[" (or "!") and
// whose Destination is dest byte for byte. There is no "]:", so no link
// reference definition and no reference link.
func fastLinks(body string) (links []linkSpan, ok bool) {
	spaces := 0  // spaces in a row before i
	linkEnd := 0 // end of the link being read
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch linkByte[c] {
		case 0:
		case lbBad:
			return nil, false
		case lbSpace:
			if i == 0 || body[i-1] == '\n' {
				return nil, false
			}
			if spaces++; spaces == 4 {
				return nil, false
			}
			continue
		case lbColon: // "http:", "https:", "ftp:"
			if b := body[:i]; strings.HasSuffix(b, "http") || strings.HasSuffix(b, "https") || strings.HasSuffix(b, "ftp") {
				return nil, false
			}
		case lbDot: // "www."
			if strings.HasSuffix(body[:i], "www") {
				return nil, false
			}
		case lbClose:
			if i >= linkEnd {
				return nil, false
			}
		case lbOpen:
			end, dest, ok := fastLink(body, i)
			if !ok {
				return nil, false
			}
			off := i
			if i > 0 && body[i-1] == '!' {
				off--
			}
			links = append(links, linkSpan{dest: dest, off: off})
			linkEnd = end
		}
		spaces = 0
	}
	return links, true
}

// fastLink reads the link "[label](dest)" that starts at body[i] and
// returns the offset just past it and its destination, or ok=false when
// it is not one of fastLinks's subset. The caller checks its bytes
// against the rules that hold anywhere in the body.
func fastLink(body string, i int) (end int, dest string, ok bool) {
	j := i + 1
	for ; j < len(body) && body[j] != ']'; j++ {
		if c := body[j]; c == '[' || c == '\n' {
			return 0, "", false
		}
	}
	label := body[i+1 : min(j, len(body))]
	if j+1 >= len(body) || body[j+1] != '(' || len(label) > 900 ||
		label == "x" || label == "X" || label == " " {
		return 0, "", false
	}
	start := j + 2
	k := start
	for ; k < len(body) && body[k] != ')'; k++ {
		switch body[k] {
		case ' ', '(', '[', ']', '\n':
			return 0, "", false
		}
	}
	if k == start || k >= len(body) {
		return 0, "", false
	}
	return k + 1, body[start:k], true
}

// Classes of bytes for fastLinks.
const (
	lbBad   = 1 + iota // left to goldmark wherever it occurs
	lbSpace            // ' '
	lbColon            // ':'
	lbDot              // '.'
	lbOpen             // '['
	lbClose            // ']'
)

// linkByte is the class of every byte for fastLinks, 0 for the others.
var linkByte = func() (t [256]uint8) {
	for c := range ' ' {
		t[c] = lbBad
	}
	t['\n'] = 0
	for _, c := range "`~<>\\|@\x7f" {
		t[c] = lbBad
	}
	t[' '], t[':'], t['.'], t['['], t[']'] = lbSpace, lbColon, lbDot, lbOpen, lbClose
	return t
}()

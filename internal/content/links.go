package content

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/snnptnt-nghean/qms/internal/markup"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// linkParser is the project's Markdown parser (internal/markup), the one
// the pages are rendered with, made once: a goldmark parser keeps no
// state between calls and is safe for concurrent use.
var linkParser = sync.OnceValue(func() parser.Parser {
	return markup.New(nil, nil).Parser()
})

// findLinks returns the links and images of body whose destination is
// not an absolute URL or an in-page anchor, plus every javascript:,
// vbscript: and data: link, with positions in the file, as the pages'
// Markdown reads them.
func findLinks(p, body string, bodyLine int) []qms.Link {
	if !mayHaveLinks(body) {
		return nil
	}
	src := []byte(body)
	root := linkParser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(markup.NewIDs()))))
	loc := &locator{src: body}
	var links []qms.Link
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest string
		switch l := n.(type) {
		case *ast.Link:
			dest = string(l.Destination)
		case *ast.Image:
			dest = string(l.Destination)
		default:
			return ast.WalkContinue, nil
		}
		if !keepLink(dest) {
			return ast.WalkContinue, nil
		}
		line, col := loc.lineCol(n.Pos()) // the "[" of a link, the "!" of an image
		links = append(links, qms.Link{Dest: dest, Pos: qms.Pos{Path: p, Line: bodyLine + line - 1, Col: col}})
		return ast.WalkContinue, nil
	})
	return links
}

// mayHaveLinks reports whether body can contain a link or an image: an
// inline one has "](" (CommonMark allows no space between the text and the
// destination), a reference one needs a definition, which has "]:". A body
// with neither is not parsed.
func mayHaveLinks(body string) bool {
	return strings.Contains(body, "](") || strings.Contains(body, "]:")
}

func keepLink(dest string) bool {
	l := strings.ToLower(strings.TrimSpace(dest))
	switch {
	case l == "" || strings.HasPrefix(l, "#"):
		return false
	case strings.HasPrefix(l, "javascript:"), strings.HasPrefix(l, "vbscript:"), strings.HasPrefix(l, "data:"):
		return true
	case strings.Contains(l, "://"), strings.HasPrefix(l, "mailto:"), strings.HasPrefix(l, "tel:"), strings.HasPrefix(l, "//"):
		return false
	}
	return true
}

// locator turns byte offsets of a text, asked in increasing order (as
// the walk of a body meets its links), into lines and columns (in runes)
// from 1, reading the text once in all; an offset before the last one
// asked starts again from the top.
type locator struct {
	src            string
	off, line, col int
}

func (l *locator) lineCol(off int) (line, col int) {
	off = min(max(off, 0), len(l.src))
	if off < l.off || l.line == 0 {
		l.off, l.line, l.col = 0, 1, 1
	}
	for _, r := range l.src[l.off:off] {
		if r == '\n' {
			l.line, l.col = l.line+1, 1
		} else {
			l.col++
		}
	}
	l.off = off
	return l.line, l.col
}

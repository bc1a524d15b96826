package content

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// linkParser is the GFM Markdown parser findLinks uses, made once: a
// goldmark parser keeps no state between calls and is safe for concurrent
// use (the loader parses files on several goroutines).
var linkParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
})

// findLinks returns the links of body whose destination is not an
// absolute URL or an in-page anchor, plus every javascript:/vbscript:/data:
// link, with positions in the file, as goldmark (GFM) parses them: with
// fastLinks when body is in its subset, else with goldmark itself.
func findLinks(p, body string, bodyLine int) []qms.Link {
	if !mayHaveLinks(body) {
		return nil
	}
	if spans, ok := fastLinks(body); ok {
		var links []qms.Link
		for _, s := range spans {
			if keepLink(s.dest) {
				line, col := lineCol(body, s.off)
				links = append(links, qms.Link{Dest: s.dest, Pos: qms.Pos{Path: p, Line: bodyLine + line - 1, Col: col}})
			}
		}
		return links
	}
	return parseLinks(p, body, bodyLine)
}

// parseLinks is findLinks with goldmark.
func parseLinks(p, body string, bodyLine int) []qms.Link {
	src := []byte(body)
	root := linkParser().Parse(text.NewReader(src))
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
		off := linkOffset(n, src, dest)
		line, col := lineCol(body, off)
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

// linkOffset finds the byte offset of a link in src: the node's own
// position when goldmark knows it, else the destination's first
// occurrence inside the enclosing block, else the block's start.
func linkOffset(n ast.Node, src []byte, dest string) int {
	if p := n.Pos(); p >= 0 && p < len(src) {
		return p
	}
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() != ast.TypeBlock || b.Lines().Len() == 0 {
			continue
		}
		start := b.Lines().At(0).Start
		end := b.Lines().At(b.Lines().Len() - 1).Stop
		if start >= 0 && end <= len(src) && start <= end {
			if i := bytes.Index(src[start:end], []byte("]("+dest)); i >= 0 {
				return start + i + 2
			}
			if i := bytes.Index(src[start:end], []byte(dest)); i >= 0 {
				return start + i
			}
			return start
		}
	}
	return 0
}

// lineCol turns a byte offset in src into a line and a column (in runes),
// both from 1.
func lineCol(src string, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	line = 1 + strings.Count(src[:off], "\n")
	start := strings.LastIndexByte(src[:off], '\n') + 1
	col = 1 + utf8.RuneCountInString(src[start:off])
	return line, col
}

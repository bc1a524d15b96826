// Package markup is the one goldmark configuration of the project: the
// loader finds a body's links for the checks with it, and the renderer
// writes the same body's page with it, so the same Markdown means the same
// thing to both.
//
// The dialect is CommonMark with GFM tables and strikethrough. Task-list
// items and bare-URL autolinks are not part of it: "- [x](y.md)" is a link
// labelled "x" in a list item, for the checks and for the page alike. Raw
// HTML is never passed through (goldmark's default, html.WithUnsafe is
// not set).
package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
)

// Extensions are the goldmark extensions of the dialect.
func Extensions() []goldmark.Extender {
	return []goldmark.Extender{extension.Table, extension.Strikethrough}
}

// New returns a goldmark with the project's dialect, heading ids on, and
// the given parser and renderer options added (link rewriting and heading
// levels are AST transformers and node renderers the caller adds).
func New(popts []parser.Option, ropts []renderer.Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(Extensions()...),
		goldmark.WithParserOptions(append([]parser.Option{parser.WithAutoHeadingID()}, popts...)...),
		goldmark.WithRendererOptions(ropts...),
	)
}

// Package markup is the one goldmark configuration of the project: the
// loader finds a body's links for the checks with it, and the renderer
// writes the same body's page with it, so the same Markdown means the same
// thing to both.
//
// The dialect is CommonMark with GFM tables and strikethrough. Task-list
// items and bare-URL autolinks are not part of it: "- [x](y.md)" is a link
// labelled "x" in a list item, for the checks and for the page alike. Raw
// HTML is never passed through (goldmark's default, html.WithUnsafe is
// not set). On the public site, EmailHider keeps e-mail addresses out of
// a rendered body, and HideEmails out of any other text shown from a file.
package markup

import (
	"slices"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"

	"github.com/snnptnt-nghean/qms/internal/qms"
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

// ReservedIDs are element ids the theme's templates use; body headings
// never take them.
var ReservedIDs = []string{"main", "search-results", "site-search", "banner-title", "content", "top", "noi-dung"}

// IDs gives headings ASCII ids folded from their text ("## 1. Mục đích" →
// "1-muc-dich"), unique within one body and never one of ReservedIDs. A
// body's anchors are the same for the checks (which resolve "x.md#id") and
// for its page. Use a new IDs for each body: parser.WithIDs(markup.NewIDs()).
type IDs struct {
	used map[string]bool
}

// NewIDs returns heading ids for one body.
func NewIDs() *IDs { return &IDs{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (h *IDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := qms.PageSlug(string(value))
	if base == "" {
		base = "muc"
	}
	id := base
	for i := 2; h.used[id] || slices.Contains(ReservedIDs, id); i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs: an id given explicitly is taken.
func (h *IDs) Put(value []byte) { h.used[string(value)] = true }

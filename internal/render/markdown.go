package render

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/snnptnt-nghean/qms/internal/markup"
)

// newMarkdown returns the site's body renderer: the project's dialect
// (markup.New) with AST transformers rewriting links and images for the
// site (linkRewriter), moving headings to the page's levels
// (headingShifter) and hiding e-mail addresses (markup.EmailHider, after
// linkRewriter). A goldmark is safe for concurrent use, so the site has
// one; what a transformer needs to know about the body being parsed comes
// in the parser.Context (bodyOf).
func (s *Site) newMarkdown() goldmark.Markdown {
	return markup.New([]parser.Option{parser.WithASTTransformers(
		util.Prioritized(linkRewriter{s}, 100),
		util.Prioritized(headingShifter{}, 100),
		util.Prioritized(markup.EmailHider{}, 200),
	)}, nil)
}

// markdownOut is a rendered body.
type markdownOut struct {
	HTML []byte
	// Headed is true when the body starts with a heading.
	Headed bool
	// Text is the body's plain text (plainText), for the search index:
	// set by renderBody withText, given out by bodyText.
	Text string
}

// docBody is the rendered body of a current document, made once. Its
// plain text is kept apart, in text, until the search index takes it
// (bodyText): the pages need only the HTML.
type docBody struct {
	once sync.Once
	out  markdownOut
	err  error
	text atomic.Pointer[string]
}

// bodyKey is what a rendered body depends on besides the site's index:
// its Markdown, the document it is the body of (relative links are
// resolved against its path) and the level of its top headings.
type bodyKey struct {
	src, docPath string
	minLevel     int
}

// bodyContextKey holds a body's bodyKey in its parser.Context.
var bodyContextKey = parser.NewContextKey()

// bodyOf returns the bodyKey parse put in pc.
func bodyOf(pc parser.Context) bodyKey {
	k, _ := pc.Get(bodyContextKey).(bodyKey)
	return k
}

// renderMarkdown renders src, the body of the document at docPath (a
// content path), rewriting links as the package comment says. minLevel is
// the level the body's top headings are moved to.
//
// A body is rendered once for all who show it. The body of a current
// document, which its page, the search index (bodyText) and usually its
// newest revision's page show, is kept for the life of the site (its
// plain text only until the search index takes it). Other
// bodies (past versions) are cached by their inputs (bodyKey) in a small
// cache: neighbouring revisions that changed only front matter render the
// same body, and Files lists a document's revisions one after another. The
// HTML returned must not be modified.
func (s *Site) renderMarkdown(src, docPath string, minLevel int) (markdownOut, error) {
	k := bodyKey{src, docPath, minLevel}
	if s.isDocBody(k) {
		v, _ := s.docBodies.LoadOrStore(k, &docBody{})
		b := v.(*docBody)
		b.once.Do(func() {
			b.out, b.err = s.renderBody(k, true)
			t := b.out.Text
			b.text.Store(&t)
			b.out.Text = ""
		})
		return b.out, b.err
	}
	if out, ok := s.bodies.get(k); ok {
		return out, nil
	}
	out, err := s.renderBody(k, false)
	if err == nil {
		s.bodies.put(k, out)
	}
	return out, err
}

// isDocBody reports whether k is the body of a current document as its
// page shows it.
func (s *Site) isDocBody(k bodyKey) bool {
	d := s.x.byPath[k.docPath]
	return d != nil && k.minLevel == 2 && d.Base().Body == k.src
}

// renderBody is renderMarkdown without the caches; withText sets Text.
func (s *Site) renderBody(k bodyKey, withText bool) (markdownOut, error) {
	source := []byte(k.src)
	root := s.parse(source, k)
	var buf bytes.Buffer
	buf.Grow(len(source) + len(source)/2)
	if err := s.md.Renderer().Render(&buf, source, root); err != nil {
		return markdownOut{}, err
	}
	_, headed := root.FirstChild().(*ast.Heading)
	out := markdownOut{HTML: buf.Bytes(), Headed: headed}
	if withText {
		out.Text = plainText(root, source)
	}
	return out, nil
}

// parse parses source, the Markdown of the body k, with the site's
// transformers applied and heading ids from markup.IDs.
func (s *Site) parse(source []byte, k bodyKey) ast.Node {
	pc := parser.NewContext(parser.WithIDs(markup.NewIDs()))
	pc.Set(bodyContextKey, k)
	return s.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
}

// bodyText returns the plain text of the current document at docPath,
// whose body is src, for the search index: the text of the tree its page
// is rendered from.
func (s *Site) bodyText(src, docPath string) (string, error) {
	if _, err := s.renderMarkdown(src, docPath, 2); err != nil {
		return "", err
	}
	if v, ok := s.docBodies.Load(bodyKey{src, docPath, 2}); ok {
		if t := v.(*docBody).text.Swap(nil); t != nil {
			return *t, nil
		}
	}
	out, err := s.renderBody(bodyKey{src, docPath, 2}, true) // asked again
	return out.Text, err
}

// linkRewriter is the AST transformer that makes a body's links and images
// the site's: links get the destination linkDest gives them, or become
// their text; autolinks with an unsafe scheme become their text; images
// that are not on the site itself become their alt text.
type linkRewriter struct{ s *Site }

func (r linkRewriter) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	docPath := bodyOf(pc).docPath
	source := reader.Source()
	var unlink []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if dest, ok := r.s.linkDest(string(n.Destination), docPath); ok {
				n.Destination = []byte(dest)
			} else {
				unlink = append(unlink, n)
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL && !safeScheme(string(n.URL(source))) {
				unlink = append(unlink, n)
			}
		case *ast.Image:
			if !relativeURL(normalizeURL(string(n.Destination))) {
				unlink = append(unlink, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unlink {
		label := ""
		if al, ok := n.(*ast.AutoLink); ok {
			label = string(al.URL(source))
		}
		markup.Unlink(n, label)
	}
}

// headingShifter is the AST transformer that moves a body's top heading
// level to the body's minLevel and closes gaps ("##" then "####"), so that
// the page's headings never skip a level.
type headingShifter struct{}

func (headingShifter) Transform(root *ast.Document, _ text.Reader, pc parser.Context) {
	minLevel := bodyOf(pc).minLevel
	var headings []*ast.Heading
	top := 7
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
			top = min(top, h.Level)
		}
		return ast.WalkContinue, nil
	})
	shift := max(minLevel-top, 0)
	prev := minLevel - 1
	for _, h := range headings {
		h.Level = min(h.Level+shift, prev+1, 6)
		prev = h.Level
	}
}

// linkDest returns the destination a body link gets on the site, or
// ok=false when it must render as plain text.
func (s *Site) linkDest(dest, docPath string) (string, bool) {
	d := strings.TrimSpace(dest)
	if d == "" || strings.HasPrefix(d, "#") {
		return d, true
	}
	// Classify what a browser would see: entities and percent-escapes
	// decoded, and the tabs, newlines and spaces it strips removed.
	norm := normalizeURL(d)
	if hasScheme(norm) || strings.HasPrefix(norm, "//") {
		return d, safeScheme(norm)
	}
	p, frag, _ := strings.Cut(d, "#")
	p, _, _ = strings.Cut(p, "?")
	if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ":") {
		return "", false // "java%73cript:…": not a scheme, but not a path either
	}
	if !strings.HasSuffix(strings.ToLower(p), ".md") {
		return d, true
	}
	if strings.HasPrefix(p, "/") {
		p = strings.TrimPrefix(p, "/")
	} else {
		p = path.Join(path.Dir(docPath), p)
	}
	u := s.x.url(s.x.byPath[p])
	if u == "" {
		return "", false
	}
	if frag != "" {
		u += "#" + frag
	}
	return u, true
}

// normalizeURL decodes HTML entities and percent-escapes in u and removes
// ASCII control characters and spaces.
func normalizeURL(u string) string {
	u = html.UnescapeString(u)
	if d, err := url.PathUnescape(u); err == nil {
		u = d
	}
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, u)
}

// hasScheme reports whether u starts with "scheme:" (RFC 3986).
func hasScheme(u string) bool {
	for i, r := range u {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		case r == ':' && i > 0:
			return true
		default:
			return false
		}
	}
	return false
}

// safeScheme reports whether an absolute URL may be a link: http, https,
// mailto and tel, and protocol-relative URLs. Control characters and
// spaces, which browsers strip, are ignored when reading the scheme.
func safeScheme(u string) bool {
	clean := normalizeURL(u)
	if strings.HasPrefix(clean, "//") {
		return true
	}
	scheme, _, ok := strings.Cut(clean, ":")
	if !ok {
		return false
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// relativeURL reports whether u is a relative reference without scheme or
// host (an image on the site itself).
func relativeURL(u string) bool {
	u = strings.TrimSpace(u)
	return u != "" && !hasScheme(u) && !strings.HasPrefix(u, "//") && !strings.ContainsAny(u, "\\\x00")
}

// plainText returns the text of the tree with blocks separated by spaces
// and every run of white space as one space, none at either end. Raw HTML
// is left out, as the page leaves it out.
func plainText(root ast.Node, source []byte) string {
	var t words
	t.b.Grow(len(source))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				t.gap = true
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			t.write(n.Segment.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				t.gap = true
			}
		case *ast.String:
			t.write(n.Value)
		case *ast.AutoLink:
			t.write(n.Label(source))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				t.write(seg.Value(source))
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return t.b.String()
}

// words writes text with each run of white space (unicode.IsSpace) as one
// space between words.
type words struct {
	b   strings.Builder
	gap bool // white space since the last word
}

func (t *words) write(p []byte) {
	for len(p) > 0 {
		r, n := utf8.DecodeRune(p)
		if unicode.IsSpace(r) {
			t.gap = true
		} else {
			if t.gap && t.b.Len() > 0 {
				t.b.WriteByte(' ')
			}
			t.gap = false
			t.b.Write(p[:n])
		}
		p = p[n:]
	}
}

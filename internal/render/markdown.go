package render

import (
	"bytes"
	"html"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// newMarkdown returns the body renderer: GFM tables and strikethrough,
// heading ids, and no raw HTML (html.WithUnsafe is deliberately absent).
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// reservedIDs are element ids used by the templates; body headings never
// take them.
var reservedIDs = []string{"main", "search-results", "site-search", "banner-title", "content", "top", "noi-dung"}

// markdownOut is a rendered body.
type markdownOut struct {
	HTML []byte
	// Headed is true when the body starts with a heading.
	Headed bool
}

// getMarkdown takes a free goldmark renderer or makes one; putMarkdown
// returns it. The free list is a buffered channel rather than a sync.Pool so
// that renderers survive garbage collections.
func (s *Site) getMarkdown() goldmark.Markdown {
	select {
	case md := <-s.md:
		return md
	default:
		return newMarkdown()
	}
}

func (s *Site) putMarkdown(md goldmark.Markdown) {
	select {
	case s.md <- md:
	default:
	}
}

// renderMarkdown renders src, the body of the document at docPath (a
// content path), rewriting links as the package comment says. minLevel is
// the level the body's top headings are moved to.
//
// Results are cached by their inputs (bodyKey): a document's current page
// and its newest revision's page, and neighbouring revisions that changed
// only front matter, render the same body. The HTML returned must not be
// modified.
func (s *Site) renderMarkdown(src, docPath string, minLevel int) (markdownOut, error) {
	k := bodyKey{src, docPath, minLevel}
	if out, ok := s.bodies.get(k); ok {
		return out, nil
	}
	out, err := s.renderMarkdownUncached(src, docPath, minLevel)
	if err == nil {
		s.bodies.put(k, out)
	}
	return out, err
}

// bodyKey is what a rendered body depends on besides the site's index.
type bodyKey struct {
	src, docPath string
	minLevel     int
}

func (s *Site) renderMarkdownUncached(src, docPath string, minLevel int) (markdownOut, error) {
	if out, ok := s.renderSimple(src, docPath, minLevel); ok {
		return out, nil
	}
	return s.renderGoldmark(src, docPath, minLevel)
}

// renderGoldmark is renderMarkdownUncached by goldmark, for any body.
func (s *Site) renderGoldmark(src, docPath string, minLevel int) (markdownOut, error) {
	md := s.getMarkdown()
	defer s.putMarkdown(md)
	source := []byte(src)
	ids := newHeadingIDs()
	root := md.Parser().Parse(text.NewReader(source), parser.WithContext(parser.NewContext(parser.WithIDs(ids))))
	s.rewrite(root, source, docPath, minLevel)
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, source, root); err != nil {
		return markdownOut{}, err
	}
	_, headed := root.FirstChild().(*ast.Heading)
	return markdownOut{HTML: buf.Bytes(), Headed: headed}, nil
}

// bodyText returns the plain text of a body (for the search index),
// without rendering HTML. A body written in the simple Markdown that
// [simpleText] reads, as most are, is read without goldmark.
func (s *Site) bodyText(src string) string {
	if t, ok := simpleText(src); ok {
		return t
	}
	return s.parsedText(src)
}

// parsedText is bodyText by goldmark: the plain text of the parsed body.
func (s *Site) parsedText(src string) string {
	md := s.getMarkdown()
	defer s.putMarkdown(md)
	source := []byte(src)
	root := md.Parser().Parse(text.NewReader(source), parser.WithContext(parser.NewContext(parser.WithIDs(noIDs{}))))
	return plainText(root, source)
}

// simpleText returns the plain text of a body that uses only the simple
// Markdown most bodies are written in, and reports whether src is such a
// body: lines that are blank, ATX headings ("## Mục đích"), "- " list
// items or paragraph lines, without indentation, whose text has no markup
// but inline links "[text](destination)". For such a body it returns what
// plainText returns on goldmark's tree, without parsing: the text of each
// line with its marker removed, the lines separated by white space.
//
// Everything else is refused and left to goldmark: any character that
// starts inline markup (emphasis, code, raw HTML, autolinks, escapes,
// strikethrough, table cells, images), a line that could start another
// block (indented code, quotes, fences, thematic breaks, setext
// underlines, ordered lists, "*" and "+" items, table delimiter rows),
// control characters and invalid UTF-8. (simpleBlocks in simplehtml.go
// reads a narrower subset, for HTML, where block boundaries and entities
// matter.)
func simpleText(src string) (string, bool) {
	var t spaceCollapser
	t.b.Grow(len(src))
	for src != "" {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		if !simpleLine(&t, line) {
			return "", false
		}
		t.space()
	}
	return t.b.String(), true
}

// simpleLine writes the text of one line of a body for [simpleText], and
// reports false when the line is not simple Markdown.
func simpleLine(t *spaceCollapser, line string) bool {
	if strings.TrimLeft(line, " ") == "" {
		return true // a blank line
	}
	switch line[0] {
	case '#': // an ATX heading: one to six "#" and a space
		n := 1
		for n < len(line) && line[n] == '#' {
			n++
		}
		if n > 6 || n == len(line) || line[n] != ' ' {
			return false
		}
		return simpleInline(t, line[n+1:], false)
	case '-': // a list item: "- " and a paragraph line
		if len(line) < 3 || line[1] != ' ' {
			return false
		}
		line = line[2:]
	}
	return startsParagraph(line) && simpleInline(t, line, false)
}

// startsParagraph reports whether a line that starts with s can start or
// continue only a paragraph: s starts with no indentation, no marker of
// another block, and no "1." or "1)" of an ordered list.
func startsParagraph(s string) bool {
	if s == "" || strings.IndexByte(" #-+*=_>:|`~<", s[0]) >= 0 {
		return false
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i == 0 || i == len(s) || s[i] != '.' && s[i] != ')'
}

// Classes of ASCII bytes in the text of a line, for [simpleInline].
const (
	plainByte = iota // text
	spaceByte        // a space
	stopByte         // markup other than a link, "#" (a heading's closing sequence), a control character (tabs and the like too, which may indent)
	openByte         // "[", a link
	bangByte         // "!", an image when "[" follows
)

// inlineClass is the class of each ASCII byte.
var inlineClass = func() (c [utf8.RuneSelf]uint8) {
	for b := range c {
		switch {
		case b == ' ':
			c[b] = spaceByte
		case b < ' ' || b == 0x7f || strings.IndexByte("\\`*_~|<>#]", byte(b)) >= 0:
			c[b] = stopByte
		case b == '[':
			c[b] = openByte
		case b == '!':
			c[b] = bangByte
		}
	}
	return c
}()

// simpleInline writes the text of s, the content of a line (or, inLink, a
// link's text), to t for [simpleText], and reports false when s is not
// valid UTF-8 or has inline markup other than links "[text](destination)"
// with plain text and a plain destination.
func simpleInline(t *spaceCollapser, s string, inLink bool) bool {
	word := 0 // s[word:i] is the part of a word not written yet
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0xc3 && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			i += 2 // a character U+00C0–U+07FF, none of them white space
			continue
		}
		if c == 0xe1 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 && s[i+1] != 0x9a {
			i += 3 // a character U+1000–U+1FFF but U+1680–U+16BF, so no white space
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return false
			}
			if isWideSpace(r) {
				t.word(s[word:i])
				t.pending = true
				word = i + n
			}
			i += n
			continue
		}
		switch inlineClass[c] {
		case spaceByte:
			t.word(s[word:i])
			t.pending = true
			word = i + 1
		case stopByte:
			return false
		case bangByte:
			if i+1 < len(s) && s[i+1] == '[' {
				return false // an image
			}
		case openByte:
			if inLink {
				return false
			}
			text, rest, ok := strings.Cut(s[i+1:], "](")
			if !ok || text == "" {
				return false
			}
			dest, _, ok := strings.Cut(rest, ")")
			if !ok || dest == "" || strings.ContainsFunc(dest, func(r rune) bool { return !destByte(r) }) {
				return false
			}
			t.word(s[word:i])
			if !simpleInline(t, text, true) {
				return false
			}
			i += 1 + len(text) + 2 + len(dest) // at the ")"
			word = i + 1
		}
		i++
	}
	t.word(s[word:])
	return true
}

// isWideSpace reports whether r, not ASCII, is white space
// (unicode.IsSpace).
func isWideSpace(r rune) bool {
	switch r {
	case 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// destByte reports whether r may be in a link destination that
// [simpleInline] accepts: ASCII letters, digits and URL punctuation, no
// space, bracket, parenthesis, quote or backslash.
func destByte(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r < utf8.RuneSelf && strings.IndexByte("-._/:%?#=&+,;@", byte(r)) >= 0
}

// noIDs gives every heading the same id: bodyText renders no HTML, so the
// ids are never seen and need not be slugged or unique.
type noIDs struct{}

func (noIDs) Generate([]byte, ast.NodeKind) []byte { return []byte("h") }
func (noIDs) Put([]byte)                           {}

// rewrite fixes links, images and heading levels in the tree.
func (s *Site) rewrite(root ast.Node, source []byte, docPath string, minLevel int) {
	var unlink []ast.Node
	var headings []*ast.Heading
	top := 7
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
			top = min(top, n.Level)
		case *ast.Link:
			dest, ok := s.linkDest(string(n.Destination), docPath)
			if !ok {
				unlink = append(unlink, n)
			} else {
				n.Destination = []byte(dest)
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
	// Move the top level to minLevel and close gaps ("##" then "####"),
	// so that the page's headings never skip a level.
	shift := max(minLevel-top, 0)
	prev := minLevel - 1
	for _, h := range headings {
		h.Level = min(h.Level+shift, prev+1, 6)
		prev = h.Level
	}
	for _, n := range unlink {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if al, ok := n.(*ast.AutoLink); ok {
			t := ast.NewString(al.URL(source))
			parent.ReplaceChild(parent, n, t)
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// linkDest returns the destination a body link gets on the site, or
// ok=false when it must render as plain text.
func (s *Site) linkDest(dest, docPath string) (string, bool) {
	if d, ok, fast := s.plainLinkDest(dest, docPath); fast {
		return d, ok
	}
	return s.anyLinkDest(dest, docPath)
}

// anyLinkDest is linkDest for any destination.
func (s *Site) anyLinkDest(dest, docPath string) (string, bool) {
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
	doc := s.x.byPath[p]
	u := s.x.url(doc)
	if u == "" {
		return "", false
	}
	if frag != "" {
		u += "#" + frag
	}
	return u, true
}

// plainLinkDest is anyLinkDest for the destinations nearly every body
// link has: a relative or root-relative path of letters, digits and "./_-"
// ("../../decisions/2016/1060-qd-ubnd.md"), which has nothing for
// normalizeURL to decode or remove, no scheme, query or fragment. It
// resolves such a path against docPath's directory without allocating
// when both are clean (no "." or ".." segment but the path's leading
// ".."), and reports fast=false, leaving dest to anyLinkDest, for any
// other destination.
func (s *Site) plainLinkDest(dest, docPath string) (d string, ok, fast bool) {
	if dest == "" || strings.HasPrefix(dest, "//") {
		return "", false, false
	}
	for i := 0; i < len(dest); i++ {
		if !plainDestByte[dest[i]] {
			return "", false, false
		}
	}
	if n := len(dest); n < 3 || dest[n-3] != '.' || dest[n-2]|0x20 != 'm' || dest[n-1]|0x20 != 'd' {
		return dest, true, true // not a Markdown file: kept as written
	}
	var buf [256]byte
	key, resolved := buf[:0], false
	if dest[0] == '/' {
		key, resolved = append(key, dest[1:]...), true
	} else {
		key, resolved = joinClean(key, docPath, dest)
	}
	if !resolved {
		p := path.Join(path.Dir(docPath), dest)
		key = append(key[:0], p...)
	}
	u := s.x.url(s.x.byPath[string(key)])
	if u == "" {
		return "", false, true
	}
	return u, true, true
}

// plainDestByte marks the bytes of a destination plainLinkDest reads.
var plainDestByte = func() (t [256]bool) {
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./_-") {
		t[c] = true
	}
	return t
}()

// joinClean appends path.Join(path.Dir(docPath), rel) to buf when that
// needs no cleaning beyond rel's leading "../" segments: docPath's
// directory has no empty, "." or ".." segment, rel has none after its
// leading ".." ones, and those do not climb above the root. It reports
// false, having appended nothing, otherwise.
func joinClean(buf []byte, docPath, rel string) ([]byte, bool) {
	dir := ""
	if i := strings.LastIndexByte(docPath, '/'); i >= 0 {
		dir = docPath[:i]
	}
	if !cleanSegments(dir) {
		return buf, false
	}
	for strings.HasPrefix(rel, "../") {
		if dir == "" {
			return buf, false // above the root
		}
		rel = rel[3:]
		if i := strings.LastIndexByte(dir, '/'); i >= 0 {
			dir = dir[:i]
		} else {
			dir = ""
		}
	}
	if !cleanSegments(rel) {
		return buf, false
	}
	if dir != "" {
		buf = append(buf, dir...)
		buf = append(buf, '/')
	}
	return append(buf, rel...), true
}

// cleanSegments reports whether p, a relative path, is empty or has only
// segments that path.Clean keeps as they are: not empty, not "." and not
// "..".
func cleanSegments(p string) bool {
	for p != "" {
		seg, rest, more := strings.Cut(p, "/")
		if seg == "" || seg == "." || seg == ".." || more && rest == "" {
			return false
		}
		p = rest
	}
	return true
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

// plainText returns the text of the tree with blocks separated by spaces:
// every run of white space becomes one space, with none at either end (as
// strings.Join(strings.Fields(text), " ") would give, without the slice).
func plainText(root ast.Node, source []byte) string {
	var t spaceCollapser
	t.b.Grow(len(source))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				t.space()
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			t.write(n.Segment.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				t.space()
			}
		case *ast.String:
			t.write(n.Value)
		case *ast.AutoLink:
			t.write(n.Label(source))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
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

// spaceCollapser writes text with each run of white space (unicode.IsSpace)
// as one space between words.
type spaceCollapser struct {
	b       strings.Builder
	pending bool // white space seen since the last word
}

func (t *spaceCollapser) space() { t.pending = true }

// word writes w, which has no white space, after one space when white
// space came before it.
func (t *spaceCollapser) word(w string) {
	if w == "" {
		return
	}
	if t.pending && t.b.Len() > 0 {
		t.b.WriteByte(' ')
	}
	t.pending = false
	t.b.WriteString(w)
}

// write writes p, which may have white space, a word at a time.
func (t *spaceCollapser) write(p []byte) {
	for i := 0; i < len(p); {
		if n := spaceAt(p, i); n > 0 {
			t.pending = true
			i += n
			continue
		}
		j := i + 1
		for j < len(p) && spaceAt(p, j) == 0 {
			j++
		}
		if t.pending && t.b.Len() > 0 {
			t.b.WriteByte(' ')
		}
		t.pending = false
		t.b.Write(p[i:j])
		i = j
	}
}

// spaceAt returns the length of the character at p[i] when it is white
// space (unicode.IsSpace), else 0. It looks at each byte of the text in
// turn, as decoding it a character at a time would: a byte inside a
// character is never the first byte of a space, and an invalid byte is no
// space, as utf8.RuneError is not.
func spaceAt(p []byte, i int) int {
	c := p[i]
	switch {
	case c < utf8.RuneSelf:
		if c == ' ' || c >= '\t' && c <= '\r' {
			return 1
		}
	case c == 0xc2: // U+0085, U+00A0
		if i+1 < len(p) && (p[i+1] == 0x85 || p[i+1] == 0xa0) {
			return 2
		}
	case c == 0xe1: // U+1680
		if i+2 < len(p) && p[i+1] == 0x9a && p[i+2] == 0x80 {
			return 3
		}
	case c == 0xe2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
		if i+2 < len(p) {
			c1, c2 := p[i+1], p[i+2]
			if c1 == 0x80 && (c2 >= 0x80 && c2 <= 0x8a || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf) || c1 == 0x81 && c2 == 0x9f {
				return 3
			}
		}
	case c == 0xe3: // U+3000
		if i+2 < len(p) && p[i+1] == 0x80 && p[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

// headingIDs gives headings ASCII ids folded from their text
// ("## 1. Mục đích" → "1-muc-dich"), unique within the page. The zero
// value is ready to use.
type headingIDs struct {
	// used are the ids given (and Put), in a slice while there are few,
	// as on nearly every page: a body's few headings then cost no map.
	used []string
	// usedSet has the ids given once there are more than maxListedIDs.
	usedSet map[string]bool
	// slugs, when set, remembers slugify's results (the same headings
	// recur in every document); it is safe for concurrent use.
	slugs *sync.Map
}

// maxListedIDs is how many ids headingIDs keeps in its slice.
const maxListedIDs = 16

func newHeadingIDs() *headingIDs { return &headingIDs{} }

// taken reports whether id is reserved (reservedIDs) or given already.
func (h *headingIDs) taken(id string) bool {
	if slices.Contains(reservedIDs, id) {
		return true
	}
	if h.usedSet != nil {
		return h.usedSet[id]
	}
	for _, u := range h.used {
		if u == id {
			return true
		}
	}
	return false
}

// use records id as given.
func (h *headingIDs) use(id string) {
	if h.usedSet != nil {
		h.usedSet[id] = true
		return
	}
	if len(h.used) < maxListedIDs {
		h.used = append(h.used, id)
		return
	}
	h.usedSet = make(map[string]bool, 2*maxListedIDs)
	for _, u := range h.used {
		h.usedSet[u] = true
	}
	h.usedSet[id] = true
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return []byte(h.generate(string(value)))
}

// generate returns the id of a heading whose text is value.
func (h *headingIDs) generate(value string) string {
	var base string
	if h.slugs == nil {
		base = slugify(value)
	} else if v, ok := h.slugs.Load(value); ok {
		base = v.(string)
	} else {
		base = slugify(value)
		// A copy: value may be part of a body, which the memo must not
		// keep.
		h.slugs.Store(strings.Clone(value), base)
	}
	if base == "" {
		base = "muc"
	}
	id := base
	for i := 2; h.taken(id); i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.use(id)
	return id
}

func (h *headingIDs) Put(value []byte) { h.use(string(value)) }

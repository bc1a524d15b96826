package markup

import (
	"bytes"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// EmailHider is the AST transformer that keeps e-mail addresses out of a
// rendered body, as qms.HideEmails keeps them out of the rest of the site: an
// address in text becomes "(đã ẩn e-mail)", a mailto: link or an e-mail
// autolink becomes its text (hidden the same way), and addresses leave
// link and image titles. A code span with an address becomes its text
// with the address hidden. It runs after the site's link rewriting.
type EmailHider struct{}

func (EmailHider) Transform(root *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	if bytes.IndexByte(source, '@') < 0 {
		return
	}
	var texts, unlink []ast.Node
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			if hasEmail(codeSpanText(n, source)) {
				texts = append(texts, n)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if hasEmail(string(n.Segment.Value(source))) {
				texts = append(texts, n)
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkEmail || hasEmail(string(n.URL(source))) {
				unlink = append(unlink, n)
			}
		case *ast.Link:
			if hasEmail(string(n.Destination)) {
				unlink = append(unlink, n)
			}
			n.Title = []byte(qms.HideEmails(string(n.Title)))
		case *ast.Image:
			n.Title = []byte(qms.HideEmails(string(n.Title)))
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unlink {
		label := ""
		if al, ok := n.(*ast.AutoLink); ok {
			label = qms.HideEmails(string(al.Label(source)))
		}
		Unlink(n, label)
	}
	for _, n := range texts {
		if cs, ok := n.(*ast.CodeSpan); ok {
			// goldmark's code span renderer reads only text segments, so
			// the span becomes plain text.
			cs.Parent().ReplaceChild(cs.Parent(), cs, ast.NewString([]byte(qms.HideEmails(codeSpanText(cs, source)))))
			continue
		}
		splitEmails(n.(*ast.Text), source)
	}
}

// hasEmail reports whether s has an e-mail address.
func hasEmail(s string) bool {
	return strings.IndexByte(s, '@') >= 0 && qms.EmailAddress.MatchString(s)
}

// codeSpanText is the text of a code span as goldmark renders it.
func codeSpanText(n *ast.CodeSpan, source []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			v := t.Segment.Value(source)
			if bytes.HasSuffix(v, []byte("\n")) {
				v = append(v[:len(v)-1:len(v)-1], ' ')
			}
			b.Write(v)
		}
	}
	return b.String()
}

// splitEmails replaces t, whose text has e-mail addresses, with the text
// around them and "(đã ẩn e-mail)" for each; the last piece keeps t's line
// break.
func splitEmails(t *ast.Text, source []byte) {
	parent := t.Parent()
	seg := t.Segment
	if seg.Padding != 0 {
		// Text with tabs expanded: one string (no line break to keep
		// within a paragraph's text).
		parent.ReplaceChild(parent, t, ast.NewString([]byte(qms.HideEmails(string(seg.Value(source))))))
		return
	}
	value := seg.Value(source)
	piece := func(start, stop int) *ast.Text {
		p := ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+stop))
		p.SetRaw(t.IsRaw())
		parent.InsertBefore(parent, t, p)
		return p
	}
	at := 0
	for _, m := range qms.EmailAddress.FindAllIndex(value, -1) {
		if m[0] > at {
			piece(at, m[0])
		}
		parent.InsertBefore(parent, t, ast.NewString([]byte(qms.EmailHidden)))
		at = m[1]
	}
	last := piece(at, len(value))
	last.SetSoftLineBreak(t.SoftLineBreak())
	last.SetHardLineBreak(t.HardLineBreak())
	parent.RemoveChild(parent, t)
}

// Unlink replaces a link or an image with its content, and an autolink
// with the text label.
func Unlink(n ast.Node, label string) {
	parent := n.Parent()
	if _, ok := n.(*ast.AutoLink); ok {
		parent.ReplaceChild(parent, n, ast.NewString([]byte(label)))
		return
	}
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

package render

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// feedEntries is how many entries a feed carries, newest first.
const feedEntries = 50

// atomFeed is an Atom 1.0 feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  *atomPerson `xml:"author,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Link    atomLink   `xml:"link"`
	Author  atomPerson `xml:"author"`
	Summary string     `xml:"summary"`
}

// feedAuthor is the feed's author: the organisation that keeps the
// manual. Entries carry the commit's author.
var feedAuthor = &atomPerson{Name: "Sở Nông nghiệp và PTNT Nghệ An"}

// urnUUID returns a name-based (version 5, SHA-1) UUID URN for name, so
// that ids are stable from build to build and need no domain.
func urnUUID(name string) string {
	// The URL namespace of RFC 9562.
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	x := hex.EncodeToString(u[:])
	return "urn:uuid:" + x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// feedTime formats a git date for Atom (RFC 3339, in the commit's zone).
func feedTime(t time.Time) string { return t.Format(time.RFC3339) }

// abs makes a site-relative URL absolute when the base URL is, else
// path-absolute.
func (s *Site) abs(rel string) string { return s.absBase + rel }

// newest is the date of the newest commit, for a feed without entries.
func (s *Site) newest() time.Time {
	if cs := s.opts.History.Commits; len(cs) > 0 {
		return cs[0].Date
	}
	return time.Unix(0, 0).UTC()
}

func (s *Site) writeSiteFeed(w io.Writer) error {
	f := atomFeed{
		Lang:    "vi",
		ID:      urnUUID("qms-feed:" + s.absBase + "feed.xml"),
		Title:   "Sổ tay chất lượng ISO 9001 — các thay đổi",
		Updated: feedTime(s.newest()),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.abs("feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: s.abs("changes/")},
		},
		Author: feedAuthor,
	}
	es := s.changes.entries
	if len(es) > 0 {
		f.Updated = feedTime(es[0].commit.Date)
	}
	if len(es) > feedEntries {
		es = es[:feedEntries]
	}
	for _, e := range es {
		href := s.abs(e.month.url() + "#c-" + e.commit.Short)
		if len(e.docs) == 1 && e.docs[0].dh != nil {
			href = s.abs(e.docs[0].dh.revisionURL(e.docs[0].rev.Commit.Hash))
		}
		var docs []string
		for i, cd := range e.docs {
			if i == 20 {
				docs = append(docs, "và "+strconv.Itoa(len(e.docs)-20)+" tài liệu khác")
				break
			}
			if cd.dh != nil {
				l := s.x.docLinkOf(cd.dh.doc)
				t := strings.TrimSpace(l.Text + " " + l.Title)
				if cd.dh.gone != "" {
					t += " (đã xóa)"
				}
				docs = append(docs, t)
			} else {
				docs = append(docs, cd.rev.Path+" (đã xóa)")
			}
		}
		sum := "Tài liệu thay đổi: " + strings.Join(docs, "; ") + "."
		f.Entries = append(f.Entries, atomEntry{
			ID:      urnUUID("qms-commit:" + e.commit.Hash),
			Title:   orDash(e.commit.Subject),
			Updated: feedTime(e.commit.Date),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: href},
			Author:  atomPerson{Name: orDash(e.commit.Author)},
			Summary: sum + trailerText(e.commit),
		})
	}
	return writeFeed(w, f)
}

func (s *Site) writeDocFeed(w io.Writer, dh *docHistory) error {
	l := s.x.docLinkOf(dh.doc)
	f := atomFeed{
		Lang:    "vi",
		ID:      urnUUID("qms-feed:" + s.absBase + dh.feedURL()),
		Title:   strings.TrimSpace(l.Text+" "+l.Title) + " — các thay đổi",
		Updated: feedTime(s.newest()),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.abs(dh.feedURL())},
			{Rel: "alternate", Type: "text/html", Href: s.abs(dh.historyURL())},
		},
		Author: feedAuthor,
	}
	revs := dh.revs
	if len(revs) > 0 {
		f.Updated = feedTime(revs[0].Commit.Date)
	}
	if len(revs) > feedEntries {
		revs = revs[:feedEntries]
	}
	for _, rv := range revs {
		c := rv.Commit
		sum := orDash(c.Subject) + "."
		if t := changeText(rv); t != "" {
			sum += " " + t + "."
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:      urnUUID("qms-revision:" + c.Hash + ":" + rv.Path),
			Title:   l.Text + ": " + orDash(c.Subject),
			Updated: feedTime(c.Date),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: s.abs(dh.revisionURL(c.Hash))},
			Author:  atomPerson{Name: orDash(c.Author)},
			Summary: sum + trailerText(c),
		})
	}
	return writeFeed(w, f)
}

// trailerText is a commit's known trailers as sentences.
func trailerText(c *qms.Commit) string {
	var b strings.Builder
	for _, r := range trailerRows(c) {
		b.WriteString(" " + r.Key + ": " + r.Text + ".")
	}
	return b.String()
}

// writeFeed writes f as an Atom document: the bytes encoding/xml's
// Encoder writes with Indent("", " ") after xml.Header (feed_test.go
// compares the two), without its reflection, which cost a build of
// 10,000 documents 0.15 s of CPU for their feeds.
func writeFeed(w io.Writer, f atomFeed) error {
	b := &feedWriter{}
	b.Grow(1024 + 640*len(f.Entries))
	b.WriteString(xml.Header)
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="`)
	b.escape(f.Lang)
	b.WriteString(`">`)
	b.element(1, "id", f.ID)
	b.element(1, "title", f.Title)
	b.element(1, "updated", f.Updated)
	for _, l := range f.Links {
		b.link(1, l)
	}
	if f.Author != nil {
		b.person(1, *f.Author)
	}
	for _, e := range f.Entries {
		b.WriteString("\n <entry>")
		b.element(2, "id", e.ID)
		b.element(2, "title", e.Title)
		b.element(2, "updated", e.Updated)
		b.link(2, e.Link)
		b.person(2, e.Author)
		b.element(2, "summary", e.Summary)
		b.WriteString("\n </entry>")
	}
	b.WriteString("\n</feed>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// feedWriter builds an Atom document.
type feedWriter struct{ bytes.Buffer }

// indent starts a new line at depth.
func (b *feedWriter) indent(depth int) {
	b.WriteByte('\n')
	for range depth {
		b.WriteByte(' ')
	}
}

// element writes <name>text</name> on a line of its own.
func (b *feedWriter) element(depth int, name, text string) {
	b.indent(depth)
	b.WriteByte('<')
	b.WriteString(name)
	b.WriteByte('>')
	b.escape(text)
	b.WriteString("</")
	b.WriteString(name)
	b.WriteByte('>')
}

func (b *feedWriter) link(depth int, l atomLink) {
	b.indent(depth)
	b.WriteString("<link")
	if l.Rel != "" {
		b.WriteString(` rel="`)
		b.escape(l.Rel)
		b.WriteByte('"')
	}
	if l.Type != "" {
		b.WriteString(` type="`)
		b.escape(l.Type)
		b.WriteByte('"')
	}
	b.WriteString(` href="`)
	b.escape(l.Href)
	b.WriteString(`"></link>`)
}

func (b *feedWriter) person(depth int, p atomPerson) {
	b.indent(depth)
	b.WriteString("<author>")
	b.element(depth+1, "name", p.Name)
	b.indent(depth)
	b.WriteString("</author>")
}

// escape writes s as xml.EscapeText does: text that needs no escaping
// (the usual case) is copied as it is.
func (b *feedWriter) escape(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c >= utf8.RuneSelf {
			if !plainXML(s[i:]) {
				_ = xml.EscapeText(b, []byte(s))
				return
			}
			break
		}
	}
	b.WriteString(s)
}

// plainXML reports whether s has nothing xml.EscapeText would change:
// no markup characters, controls, invalid UTF-8 or characters outside
// XML's range.
func plainXML(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x20 || r == '&' || r == '<' || r == '>' || r == '"' || r == '\'':
			return false
		case r == utf8.RuneError:
			return false // invalid UTF-8 (or U+FFFD itself: EscapeText handles both)
		case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
	}
	return true
}

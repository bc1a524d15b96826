package render

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"

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
// manual, by its current name. Entries carry the commit's author.
func (s *Site) feedAuthor() *atomPerson { return &atomPerson{Name: s.org.Name} }

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
		Lang:    s.org.Lang,
		ID:      s.feedID("feed.xml"),
		Title:   s.org.Title + " — các thay đổi",
		Updated: feedTime(s.newest()),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.abs("feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: s.abs("changes/")},
		},
		Author: s.feedAuthor(),
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
	return writeXML(w, f)
}

func (s *Site) writeDocFeed(w io.Writer, dh *docHistory) error {
	l := s.x.docLinkOf(dh.doc)
	f := atomFeed{
		Lang:    s.org.Lang,
		ID:      s.feedID(dh.feedURL()),
		Title:   strings.TrimSpace(l.Text+" "+l.Title) + " — các thay đổi",
		Updated: feedTime(s.newest()),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.abs(dh.feedURL())},
			{Rel: "alternate", Type: "text/html", Href: s.abs(dh.historyURL())},
		},
		Author: s.feedAuthor(),
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
		if t := s.changeText(rv); t != "" {
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
	return writeXML(w, f)
}

// trailerText is a commit's known trailers as sentences.
func trailerText(c *qms.Commit) string {
	var b strings.Builder
	for _, r := range trailerRows(c) {
		b.WriteString(" " + r.Key + ": " + r.Text + ".")
	}
	return b.String()
}

// writeXML writes v as an XML document: the XML declaration, then v
// encoded by encoding/xml, indented one space a level.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

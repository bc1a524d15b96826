package render

import (
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// page is what the base template gets: the frame of every page and, in
// Data, what the page's own template needs.
type page struct {
	Base  string // path-absolute base, ends in "/"
	Title string
	// Description is the page's meta description: for a document, its
	// kind, number or code, title and status (docDescription).
	Description string
	Section     string // "processes", "procedures", ... marks the current menu item
	URL         string // this page's path-absolute URL
	Crumbs      []link
	Banners     []banner
	Errors      []diagView
	AsOf        string // dd/mm/yyyy
	Commit      string
	Scripts     []string
	// Feeds are the Atom feeds advertised in the page's head.
	Feeds []link
	// Changes is the URL of /changes/ when the site has a history.
	Changes string
	// Revision is set on a revision page (see revision.go).
	Revision *revisionView
	// PrintHeader is what a printed document page carries at the top of
	// every sheet (code, revision, effective date; the revision shown),
	// "" on other pages (base.html, style.css).
	PrintHeader string
	// Org is the organisation as this page names it: the current one, or
	// on a past revision's page the name in force on the revision's date.
	Org *orgView
	// Frame is the part of the page that depends only on the site and
	// Section (frame.go); exec sets it.
	Frame *frame
	Data  any
}

// link is a hyperlink; an empty URL renders as plain text.
type link struct {
	Text string
	URL  string
}

// tag is a status label. Class is a colour name used by the style sheet;
// the text alone carries the meaning.
type tag struct {
	Label string
	Class string // "green", "blue", "yellow", "red", "grey"
}

// banner is a notification banner (GOV.UK pattern) at the top of a page.
type banner struct {
	Class   string // "obsolete", "draft", "info"
	Title   string // the banner's small title
	Heading string // the message in bold
	Lines   []bannerLine
}

// bannerLine is a sentence of a banner, optionally followed by links.
type bannerLine struct {
	Text  string
	Links []docLink
}

// row is one row of a summary list (key and value).
type row struct {
	Key   string
	Text  string
	Link  *link
	Links []docLink
	Tag   *tag
	Extra string
}

// docLink shows a reference to a document: its number or code, title,
// status and, for an obsolete decision, the replacement.
type docLink struct {
	Text  string // number or code
	Title string
	URL   string
	Tag   *tag
	Note  string
	Next  *docLink
}

// diagView is a diagnostic as shown on a page.
type diagView struct {
	Line     int
	Severity string
	Check    string
	CheckURL string
	Message  string
}

// count is a figure in a table of counts.
type count struct {
	Label string
	URL   string
	N     int
}

func decisionTag(st qms.Status) *tag {
	t := tag{Label: st.Kind.Label()}
	switch {
	case st.Kind == qms.InForce:
		t.Class = "green"
	case st.Kind == qms.Amended:
		t.Class = "blue"
	case st.Kind == qms.NotYetEffective:
		t.Class = "yellow"
	case st.Kind.Obsolete():
		t.Class = "red"
	default:
		t.Class = "grey"
	}
	return &t
}

func (x *index) processTag(p *qms.Process) *tag {
	switch p.Status {
	case qms.StatusDraft:
		return &tag{"Dự thảo", "grey"}
	case qms.StatusAbolished:
		return &tag{"Hết hiệu lực", "red"}
	}
	if !p.Effective.IsZero() && x.asOf.Before(p.Effective) {
		return &tag{"Chưa có hiệu lực", "yellow"}
	}
	return &tag{"Đang áp dụng", "green"}
}

func (x *index) procedureTag(p *qms.Procedure) *tag {
	if ab, _ := x.procedureAbolished(p); ab {
		return &tag{"Đã bãi bỏ", "red"}
	}
	return &tag{"Còn hiệu lực", "green"}
}

// tagOf returns the status tag of any document.
func (x *index) tagOf(doc qms.Document) *tag {
	switch d := doc.(type) {
	case *qms.Process:
		return x.processTag(d)
	case *qms.Procedure:
		return x.procedureTag(d)
	case *qms.Decision:
		return decisionTag(x.status[d])
	}
	return nil
}

// docLinkOf links to a document with its status.
func (x *index) docLinkOf(doc qms.Document) docLink {
	text := doc.ID()
	if text == "" || text == "/" {
		text = doc.Base().Stem
	}
	return docLink{Text: text, Title: doc.Heading(), URL: x.url(doc), Tag: x.tagOf(doc)}
}

// citationLink links a citation to the decision it names, showing the
// replacement of an obsolete one.
func (x *index) citationLink(c qms.Citation) docLink {
	d := x.lookup(c)
	if d == nil {
		return docLink{Text: c.Text, Note: "không có trong hệ thống tài liệu"}
	}
	l := x.docLinkOf(d)
	st := x.status[d]
	if st.Kind == qms.Superseded && st.By != nil {
		n := x.docLinkOf(st.By)
		l.Note = "thay thế bởi"
		l.Next = &n
	}
	return l
}

// docDescription describes a document for search engines and link
// previews: its kind, number or code, title and, when given, status
// ("Quy trình QT-01: Cấp giấy phép. Tình trạng: đang áp dụng.").
func docDescription(kind, id, title string, t *tag) string {
	d := kind
	if id != "" && id != "/" {
		d += " " + id
	}
	if title = strings.TrimRight(strings.TrimSpace(title), "."); title != "" {
		d += ": " + title
	}
	d += "."
	if t != nil {
		d += " Tình trạng: " + lowerFirst(t.Label) + "."
	}
	return d
}

// dateVN formats a date dd/mm/yyyy, "—" when unset.
func dateVN(d qms.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.VN()
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// paragraphs splits plain text into paragraphs at blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Join(strings.Fields(p), " "))
		}
	}
	return out
}

// safeHTML marks HTML produced by goldmark (which escapes text) as safe.
func safeHTML(b []byte) template.HTML { return template.HTML(b) } //nolint:gosec // goldmark output without unsafe mode

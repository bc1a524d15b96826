package render

import (
	"cmp"
	"net/url"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// orgView is the organisation as the pages name it (qms.yaml, or
// qms.DefaultOrganization): the site's title and language, the
// organisation's name and, on the home page, its former names.
type orgView struct {
	Name string
	// Short is the name for narrow places: ShortName, else Name.
	Short string
	Title string // the site's title
	Lang  string // the pages' language (<html lang>)
	// Former are the former names, oldest first ("trước đây: …").
	Former []formerView
}

// formerView is a former name of the organisation or of a unit: the name,
// its last day (dd/mm/yyyy) and the decision that changed it, linked when
// the decision has a page.
type formerView struct {
	Name     string
	Until    string
	Decision *docLink
}

// newOrgView returns the view of the organisation as it is now.
func newOrgView(x *index, o *qms.Organization) *orgView {
	v := &orgView{Name: o.Name, Short: o.ShortName, Title: o.Site.Title, Lang: o.Site.Language}
	if v.Name == "" {
		v.Name = qms.DefaultOrgName
	}
	if v.Short == "" {
		v.Short = v.Name
	}
	if v.Title == "" {
		v.Title = qms.DefaultSiteTitle
	}
	if v.Lang == "" {
		v.Lang = qms.DefaultLanguage
	}
	v.Former = formerViews(x, o.History)
	return v
}

// on returns the view of the organisation under the name in force on
// date, for a page showing a document as it was then: the same view when
// the name is the current one, else one naming the former name in full
// (the short name is the current name's) and listing no former names.
func (v *orgView) on(o *qms.Organization, date qms.Date) *orgView {
	name := o.NameOn(date)
	if name == "" || name == o.Name {
		return v
	}
	return &orgView{Name: name, Short: name, Title: v.Title, Lang: v.Lang}
}

// formerViews lists former names oldest first (by their last day).
func formerViews(x *index, hs []qms.FormerName) []formerView {
	hs = append([]qms.FormerName(nil), hs...)
	sortByKey(hs, func(h qms.FormerName) qms.Date { return h.Until }, func(a, b qms.Date) int { return a.Compare(b) })
	var out []formerView
	for _, h := range hs {
		f := formerView{Name: h.Name, Until: dateVN(h.Until)}
		if h.Decision != nil {
			l := docLink{Text: h.Decision.Text}
			if d := x.lookup(*h.Decision); d != nil && x.published(d) {
				l.URL = x.url(d)
			}
			f.Decision = &l
		}
		out = append(out, f)
	}
	return out
}

// earliestName is the organisation's oldest recorded name: the former
// name with the earliest last day, else the current name (spaces
// collapsed).
func earliestName(o *qms.Organization) string {
	return strings.Join(strings.Fields(cmp.Or(o.NameOn(qms.Date{}), qms.DefaultOrgName)), " ")
}

// feedID is the id of the feed at rel (site-relative: "feed.xml",
// "processes/qt-01/feed.xml").
//
// An Atom id must not change when the feed moves (RFC 4287 §4.2.6), so it
// is not built from the base URL the site is published at; and the code
// serves any organisation's manual, so it names no agency's domain. The
// id is a name-based UUID (RFC 9562 version 5, SHA-1, urn:uuid) of the
// organisation's earliest recorded name in qms.yaml and the feed's path
// within the site. A rename moves the current name into the history,
// which keeps the earliest name, so ids survive renames; only recording a
// still older name, or moving the feed within the site, changes them.
// Manuals without qms.yaml share the default name and so their ids.
func (s *Site) feedID(rel string) string {
	return urnUUID("qms-feed:" + s.feedName + ":" + (&url.URL{Path: "/" + rel}).EscapedPath())
}

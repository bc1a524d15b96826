package render

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// atomDoc is what TestFeedIDs reads of a feed.
type atomDoc struct {
	ID    string `xml:"id"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID   string `xml:"id"`
		Link struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// TestFeedIDs: a feed's id and its entries' ids do not change with the
// base URL the site is published at (RFC 4287 §4.2.6); its links are
// absolute when the base URL is, else path-absolute.
func TestFeedIDs(t *testing.T) {
	d := newDeletedScenario()
	read := func(base, path string) atomDoc {
		s := newTestSite(t, d.files, func(o *Options) { o.History = d.hist; o.BaseURL = base })
		var f atomDoc
		if err := xml.Unmarshal([]byte(renderFile(t, s, path)), &f); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return f
	}
	for path, id := range map[string]string{
		"feed.xml":                 "tag:snnptnt.nghean.gov.vn,2019-12-16:/feed.xml",
		"processes/qt-01/feed.xml": "tag:snnptnt.nghean.gov.vn,2019-12-16:/processes/qt-01/feed.xml",
	} {
		rel, abs := read("", path), read("https://qms.example.vn/iso/", path)
		if rel.ID != id || abs.ID != id {
			t.Errorf("%s: ids %q and %q, want %q", path, rel.ID, abs.ID, id)
		}
		if len(rel.Entries) == 0 || len(rel.Entries) != len(abs.Entries) {
			t.Fatalf("%s: %d and %d entries", path, len(rel.Entries), len(abs.Entries))
		}
		for i := range rel.Entries {
			if rel.Entries[i].ID != abs.Entries[i].ID {
				t.Errorf("%s: entry %d: ids %q and %q", path, i, rel.Entries[i].ID, abs.Entries[i].ID)
			}
		}
		if self := abs.Links[0]; self.Rel != "self" || self.Href != "https://qms.example.vn/iso/"+path {
			t.Errorf("%s: self link %+v", path, self)
		}
		if self := rel.Links[0]; self.Href != "/"+path {
			t.Errorf("%s: self link without a base URL %+v", path, self)
		}
		if h := abs.Entries[0].Link.Href; !strings.HasPrefix(h, "https://qms.example.vn/iso/") {
			t.Errorf("%s: entry link %q", path, h)
		}
	}
}

func BenchmarkWriteFeed(b *testing.B) {
	f := atomFeed{Lang: "vi", ID: feedID("processes/qt-cl-0041/feed.xml"), Title: "QT-CL-0041 Quy trình cây giống — các thay đổi", Updated: "2021-07-11T11:15:00+07:00",
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: "/processes/qt-cl-0041/feed.xml"}}, Author: feedAuthor}
	for range 3 {
		f.Entries = append(f.Entries, atomEntry{ID: urnUUID("y"), Title: "QT-CL-0041: Sửa đổi lần 2", Updated: "2021-07-11T11:15:00+07:00",
			Link:   atomLink{Rel: "alternate", Type: "text/html", Href: "/processes/qt-cl-0041/history/6b2c2ff5.html"},
			Author: atomPerson{Name: "Dương Thị Quỳnh"}, Summary: "Sửa đổi QT-CL-0041 lần 2. Người phê duyệt: Giám đốc Sở (211/QĐ-SNN-VP)."})
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = writeXML(io.Discard, f)
	}
}

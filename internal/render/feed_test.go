package render

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
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
	// Without qms.yaml the organisation is the default one.
	for path, id := range map[string]string{
		"feed.xml":                 urnUUID("qms-feed:" + qms.DefaultOrgName + ":/feed.xml"),
		"processes/qt-01/feed.xml": urnUUID("qms-feed:" + qms.DefaultOrgName + ":/processes/qt-01/feed.xml"),
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

// TestFeedIDsSurviveRenames: feed ids derive from the organisation's
// earliest recorded name, so renaming it (the old name moves into the
// history) keeps them, and another organisation's manual gets other ids.
func TestFeedIDsSurviveRenames(t *testing.T) {
	d := newDeletedScenario()
	ids := func(orgYAML string) []string {
		files := map[string]string{"qms.yaml": orgYAML}
		for p, s := range d.files {
			files[p] = s
		}
		s := newTestSite(t, files, func(o *Options) { o.History = d.hist })
		var out []string
		for _, path := range []string{"feed.xml", "processes/qt-01/feed.xml"} {
			var f atomDoc
			if err := xml.Unmarshal([]byte(renderFile(t, s, path)), &f); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if !strings.HasPrefix(f.ID, "urn:uuid:") {
				t.Errorf("%s: id %q is not a urn:uuid", path, f.ID)
			}
			out = append(out, f.ID)
		}
		if out[0] == out[1] {
			t.Errorf("two feeds share the id %q", out[0])
		}
		return out
	}
	before := ids("organization:\n  name: UBND xã Hưng Lộc\n")
	after := ids("organization:\n  name: UBND phường Hưng Lộc\n  history:\n    - name: UBND xã Hưng Lộc\n      until: 2025-06-30\n")
	other := ids("organization:\n  name: UBND xã Nghi Phú\n")
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("feed %d: id %q changed to %q by the rename", i, before[i], after[i])
		}
		if before[i] == other[i] {
			t.Errorf("feed %d: two organisations share the id %q", i, before[i])
		}
	}
}

func BenchmarkWriteFeed(b *testing.B) {
	f := atomFeed{Lang: "vi", ID: urnUUID("qms-feed:Cơ quan:/processes/qt-cl-0041/feed.xml"), Title: "QT-CL-0041 Quy trình cây giống — các thay đổi", Updated: "2021-07-11T11:15:00+07:00",
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: "/processes/qt-cl-0041/feed.xml"}}, Author: &atomPerson{Name: "Cơ quan"}}
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

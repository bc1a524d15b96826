package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// writeFeedXML is what writeFeed replaced: encoding/xml's encoder.
func writeFeedXML(w io.Writer, f atomFeed) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// TestWriteFeedMatchesEncodingXML checks that the hand-written Atom writer
// gives encoding/xml's bytes, for text with markup characters, controls,
// invalid UTF-8, characters outside XML's range and Vietnamese.
func TestWriteFeedMatchesEncodingXML(t *testing.T) {
	pieces := []string{"", "a", "Quy trình", "đ", "&", "<", ">", `"`, "'", "\t", "\n", "\r", "\x00", "\x1f",
		"\xff", "\xe1\xba", "\uFFFD", "\uFFFE", "\uFFFF", "\U0001F600", "]]>", "&amp;", " ", "\u00a0", "Ư"}
	r := rand.New(rand.NewPCG(1, 2))
	str := func() string {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for i := range 3000 {
		f := atomFeed{Lang: str(), ID: str(), Title: str(), Updated: str()}
		for range r.IntN(3) {
			f.Links = append(f.Links, atomLink{Rel: str(), Type: str(), Href: str()})
		}
		if r.IntN(2) == 0 {
			f.Author = &atomPerson{Name: str()}
		}
		for range r.IntN(3) {
			f.Entries = append(f.Entries, atomEntry{ID: str(), Title: str(), Updated: str(),
				Link: atomLink{Rel: str(), Type: str(), Href: str()}, Author: atomPerson{Name: str()}, Summary: str()})
		}
		var got, want bytes.Buffer
		if err := writeFeed(&got, f); err != nil {
			t.Fatal(err)
		}
		if err := writeFeedXML(&want, f); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("feed %d (%+v):\ngot  %q\nwant %q", i, f, got.String(), want.String())
		}
	}
}

func BenchmarkWriteFeed(b *testing.B) {
	f := atomFeed{Lang: "vi", ID: urnUUID("x"), Title: "QT-CL-0041 Quy trình cây giống — các thay đổi", Updated: "2021-07-11T11:15:00+07:00",
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: "/processes/qt-cl-0041/feed.xml"}}, Author: feedAuthor}
	for range 3 {
		f.Entries = append(f.Entries, atomEntry{ID: urnUUID("y"), Title: "QT-CL-0041: Sửa đổi lần 2", Updated: "2021-07-11T11:15:00+07:00",
			Link:   atomLink{Rel: "alternate", Type: "text/html", Href: "/processes/qt-cl-0041/history/6b2c2ff5.html"},
			Author: atomPerson{Name: "Dương Thị Quỳnh"}, Summary: "Sửa đổi QT-CL-0041 lần 2. Người phê duyệt: Giám đốc Sở (211/QĐ-SNN-VP)."})
	}
	for _, c := range []struct {
		name  string
		write func(io.Writer, atomFeed) error
	}{{"direct", writeFeed}, {"encoding-xml", writeFeedXML}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = c.write(io.Discard, f)
			}
		})
	}
}

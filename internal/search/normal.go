package search

import "golang.org/x/text/unicode/norm"

// normalize sets *dst to *src with every text valid UTF-8, each invalid
// byte replaced with U+FFFD (as a browser would), and in NFC, the form
// search.js highlights in. It reuses dst.Fields.
func normalize(dst, src *Doc) {
	fields := dst.Fields[:0]
	*dst = *src
	text := func(s string) string { return norm.NFC.String(validUTF8String(s)) }
	dst.Kind, dst.KindLabel, dst.Code = text(src.Kind), text(src.KindLabel), text(src.Code)
	dst.Title, dst.Status, dst.Body = text(src.Title), text(src.Status), text(src.Body)
	for _, f := range src.Fields {
		fields = append(fields, text(f))
	}
	dst.Fields = fields
}

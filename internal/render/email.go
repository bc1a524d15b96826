package render

import (
	"regexp"
	"strings"
)

// emailAddress matches what reads as an e-mail address.
var emailAddress = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

// hideEmails replaces the e-mail addresses in text shown from a document's
// past versions (field values, the diff, the raw file) with "(đã ẩn
// e-mail)": the public site never shows an address, even one written in a
// file.
func hideEmails(s string) string {
	if strings.IndexByte(s, '@') < 0 {
		return s
	}
	return emailAddress.ReplaceAllString(s, "(đã ẩn e-mail)")
}

package qms

import (
	"bytes"
	"regexp"
	"strings"
)

// EmailAddress matches what reads as an e-mail address.
var EmailAddress = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

// EmailHidden replaces an e-mail address on the site and in its data.
const EmailHidden = "(đã ẩn e-mail)"

// HideEmails replaces the e-mail addresses in text the public reads (the
// site's pages and its data) with "(đã ẩn e-mail)": the site never shows
// an address, even one written in a file.
func HideEmails(s string) string {
	if strings.IndexByte(s, '@') < 0 {
		return s
	}
	return EmailAddress.ReplaceAllString(s, EmailHidden)
}

// HideEmailsIn is HideEmails for the bytes of a file of the site.
func HideEmailsIn(b []byte) []byte {
	if bytes.IndexByte(b, '@') < 0 {
		return b
	}
	return EmailAddress.ReplaceAll(b, []byte(EmailHidden))
}

package history

import (
	"regexp"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// parseMessage splits a commit message into subject (the first paragraph,
// lines joined by spaces, as git's %s), body and trailers.
//
// The trailer block is the last paragraph, when it is not the first, and
// every line of it is "Key: value" with Key made of ASCII letters, digits and
// '-', or a continuation line starting with white space (which extends the
// previous value), as git interpret-trailers reads them.
func parseMessage(msg string) (subject, body string, trailers []qms.Trailer) {
	msg = strings.ReplaceAll(msg, "\r\n", "\n")
	var paras [][]string
	var cur []string
	for _, line := range strings.Split(msg, "\n") {
		if strings.TrimSpace(line) == "" {
			if cur != nil {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.TrimRight(line, " \t"))
	}
	if cur != nil {
		paras = append(paras, cur)
	}
	if len(paras) == 0 {
		return "", "", nil
	}
	for i, l := range paras[0] {
		paras[0][i] = strings.TrimSpace(l)
	}
	subject = strings.Join(paras[0], " ")
	rest := paras[1:]
	if n := len(rest); n > 0 {
		if t, ok := parseTrailers(rest[n-1]); ok {
			trailers = t
			rest = rest[:n-1]
		}
	}
	ps := make([]string, len(rest))
	for i, p := range rest {
		ps[i] = strings.Join(p, "\n")
	}
	return subject, strings.Join(ps, "\n\n"), trailers
}

func parseTrailers(lines []string) ([]qms.Trailer, bool) {
	var ts []qms.Trailer
	for _, l := range lines {
		if l[0] == ' ' || l[0] == '\t' {
			if len(ts) == 0 {
				return nil, false
			}
			last := &ts[len(ts)-1]
			last.Value = strings.TrimSpace(last.Value + " " + strings.TrimSpace(l))
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok || !isTrailerKey(k) {
			return nil, false
		}
		ts = append(ts, qms.Trailer{Key: k, Value: strings.TrimSpace(v)})
	}
	return ts, len(ts) > 0
}

func isTrailerKey(k string) bool {
	if k == "" || k[0] == '-' {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// bracketed is an address in angle brackets with the blanks before it,
// as git writes a person ("Nguyễn Văn A <a@b.vn>").
var bracketed = regexp.MustCompile(`[ \t]*<(?:` + qms.EmailAddress.String() + `)>`)

// scrubEmails removes e-mail addresses from s: "<a@b.vn>" disappears with
// the blanks before it ("Nguyễn Văn A <a@b.vn>" → "Nguyễn Văn A"), any
// other address becomes "(đã ẩn e-mail)" (qms.HideEmails).
func scrubEmails(s string) string {
	if strings.IndexByte(s, '@') < 0 {
		return s
	}
	return qms.HideEmails(bracketed.ReplaceAllString(s, ""))
}

package history

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"golang.org/x/text/unicode/norm"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// toCommit makes the reader-facing commit; e-mail addresses are removed from
// every text field. Of the author only the name is kept, the one mm (the
// repository's .mailmap; nil for none) gives: every reader-facing commit is
// made here, so the mailmap applies everywhere authors are shown.
func toCommit(h plumbing.Hash, c *object.Commit, boundary bool, mm *Mailmap) *qms.Commit {
	var ps []string
	for _, p := range c.ParentHashes {
		ps = append(ps, p.String())
	}
	// Text typed on some systems comes decomposed (NFD); readers get it
	// composed (NFC), as the documents are.
	subject, body, trailers := parseMessage(norm.NFC.String(c.Message))
	for i := range trailers {
		trailers[i].Value = scrubEmails(trailers[i].Value)
	}
	return &qms.Commit{
		Hash:       h.String(),
		Author:     scrubEmails(norm.NFC.String(mm.Name(c.Author.Name, c.Author.Email))),
		Date:       c.Author.When,
		CommitDate: c.Committer.When,
		Subject:    scrubEmails(readerSubject(subject, len(c.ParentHashes) > 1)),
		Body:       scrubEmails(body),
		Trailers:   trailers,
		Parents:    ps,
		Merge:      len(c.ParentHashes) > 1,
		Boundary:   boundary,
	}
}

// readerSubject is the subject readers see: the subject git or a forge
// writes for a merge ("Merge branch 'x'", "Merge pull request #1 from …",
// "Merge main into x") says nothing to them, in English, so such a merge
// reads "Hợp nhất các thay đổi"; a merge whose subject an editor wrote
// keeps it.
func readerSubject(subject string, merge bool) string {
	if merge && strings.HasPrefix(subject, "Merge ") {
		return "Hợp nhất các thay đổi"
	}
	return subject
}

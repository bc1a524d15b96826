package history

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// MailmapFile is git's file of canonical author names, at the root of the
// repository.
const MailmapFile = ".mailmap"

// Mailmap maps the author of a commit, as recorded, to the name the
// repository's .mailmap gives, the way git log --use-mailmap does (go-git
// does not apply it). Only names matter here: the site shows no e-mail.
// The zero value and nil map nothing.
type Mailmap struct {
	// byEmail is keyed by the commit e-mail, lower-cased (git compares
	// e-mails and names without case).
	byEmail map[string]*mailmapEntry
}

type mailmapEntry struct {
	name   string            // for any commit name; "" keeps it
	byName map[string]string // lower-cased commit name → name
}

// ParseMailmap reads the lines of a .mailmap:
//
//	Proper Name <commit@e-mail>
//	<proper@e-mail> <commit@e-mail>
//	Proper Name <proper@e-mail> <commit@e-mail>
//	Proper Name <proper@e-mail> Commit Name <commit@e-mail>
//
// A "#" outside <…> starts a comment. Lines that follow none of these
// forms are ignored, as git ignores them; a later line for the same
// commit name and e-mail wins.
func ParseMailmap(data []byte) *Mailmap {
	m := &Mailmap{byEmail: map[string]*mailmapEntry{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		m.parseLine(sc.Text())
	}
	return m
}

func (m *Mailmap) parseLine(line string) {
	name1, email1, rest, ok := mailmapPart(line)
	if !ok {
		return
	}
	name2, email2, _, ok2 := mailmapPart(rest)
	var proper, commitName, commitEmail string
	if ok2 {
		// The second address is the commit's; the first gives the proper
		// name (the proper e-mail is not kept).
		proper, commitName, commitEmail = name1, name2, email2
	} else {
		proper, commitEmail = name1, email1
	}
	if commitEmail == "" && !ok2 {
		return
	}
	key := strings.ToLower(commitEmail)
	e := m.byEmail[key]
	if e == nil {
		e = &mailmapEntry{}
		m.byEmail[key] = e
	}
	if commitName == "" {
		if proper != "" {
			e.name = proper
		}
		return
	}
	if e.byName == nil {
		e.byName = map[string]string{}
	}
	e.byName[strings.ToLower(commitName)] = proper
}

// mailmapPart reads "Name <e-mail>" from the start of s, up to a comment:
// the trimmed name (possibly ""), the e-mail and what follows the ">".
func mailmapPart(s string) (name, email, rest string, ok bool) {
	lt := strings.IndexByte(s, '<')
	if hash := strings.IndexByte(s, '#'); hash >= 0 && (lt < 0 || hash < lt) {
		return "", "", "", false
	}
	if lt < 0 {
		return "", "", "", false
	}
	gt := strings.IndexByte(s[lt:], '>')
	if gt < 0 {
		return "", "", "", false
	}
	return strings.TrimSpace(s[:lt]), strings.TrimSpace(s[lt+1 : lt+gt]), s[lt+gt+1:], true
}

// Name returns the name to show for a commit by name <email>: the name
// .mailmap gives for that e-mail and name, else for that e-mail, else name.
func (m *Mailmap) Name(name, email string) string {
	if m == nil {
		return name
	}
	e := m.byEmail[strings.ToLower(strings.TrimSpace(email))]
	if e == nil {
		return name
	}
	if n, ok := e.byName[strings.ToLower(strings.TrimSpace(name))]; ok && n != "" {
		return n
	}
	if e.name != "" {
		return e.name
	}
	return name
}

// Mailmap reads the .mailmap at the top of the working tree, as git log
// does in a repository with a working tree; nil when there is none or it
// cannot be read (git ignores it then too). It is read on each call, so
// that a long-running server sees an edit at its next load.
func (r *Repo) Mailmap() *Mailmap {
	data, err := os.ReadFile(filepath.Join(r.Root, MailmapFile))
	if err != nil || len(data) > maxMailmapSize {
		return nil
	}
	return ParseMailmap(data)
}

// maxMailmapSize bounds what is read of a .mailmap: far above any real
// one, it keeps a stray large file from being parsed.
const maxMailmapSize = 1 << 20

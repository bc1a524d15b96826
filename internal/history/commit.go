package history

import (
	"bytes"
	"errors"
	"strconv"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// rawCommit is what the walk needs from a commit object.
type rawCommit struct {
	tree    plumbing.Hash
	parents []plumbing.Hash
	// author name and dates; the e-mail address is dropped while parsing.
	author     string
	authorDate time.Time
	commitDate time.Time
	message    string
}

var errBadCommit = errors.New("đối tượng commit hỏng")

// parseCommit parses the raw content of a commit object: header lines
// ("tree", "parent", "author", "committer", others ignored, continuation
// lines starting with a space skipped), a blank line, then the message.
func parseCommit(raw []byte) (*rawCommit, error) {
	c := &rawCommit{}
	seenTree := false
	for len(raw) > 0 {
		nl := bytes.IndexByte(raw, '\n')
		var line []byte
		if nl < 0 {
			line, raw = raw, nil
		} else {
			line, raw = raw[:nl], raw[nl+1:]
		}
		if len(line) == 0 {
			break // end of headers
		}
		if line[0] == ' ' {
			continue // continuation of a multi-line header (gpgsig, mergetag)
		}
		key, val, _ := bytes.Cut(line, []byte{' '})
		switch string(key) {
		case "tree":
			h, ok := parseHash(val)
			if !ok {
				return nil, errBadCommit
			}
			c.tree, seenTree = h, true
		case "parent":
			h, ok := parseHash(val)
			if !ok {
				return nil, errBadCommit
			}
			c.parents = append(c.parents, h)
		case "author":
			c.author, c.authorDate = parseSignature(val)
		case "committer":
			_, c.commitDate = parseSignature(val)
		}
	}
	if !seenTree {
		return nil, errBadCommit
	}
	c.message = string(raw)
	return c, nil
}

func parseHash(b []byte) (plumbing.Hash, bool) {
	var h plumbing.Hash
	if len(b) != 40 {
		return h, false
	}
	for i := 0; i < 20; i++ {
		hi, ok1 := unhex(b[2*i])
		lo, ok2 := unhex(b[2*i+1])
		if !ok1 || !ok2 {
			return h, false
		}
		h[i] = hi<<4 | lo
	}
	return h, true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// parseSignature parses "Name <email> 1700000000 +0700" into the name and
// the time in its zone. The e-mail address is discarded.
func parseSignature(b []byte) (name string, t time.Time) {
	lt := bytes.LastIndexByte(b, '<')
	gt := bytes.LastIndexByte(b, '>')
	if lt < 0 || gt < lt {
		return string(bytes.TrimSpace(b)), time.Time{}
	}
	name = string(bytes.TrimSpace(b[:lt]))
	rest := bytes.Fields(b[gt+1:])
	if len(rest) == 0 {
		return name, time.Time{}
	}
	sec, err := strconv.ParseInt(string(rest[0]), 10, 64)
	if err != nil {
		return name, time.Time{}
	}
	loc := time.UTC
	if len(rest) > 1 && len(rest[1]) == 5 && (rest[1][0] == '+' || rest[1][0] == '-') {
		hh, e1 := strconv.Atoi(string(rest[1][1:3]))
		mm, e2 := strconv.Atoi(string(rest[1][3:5]))
		if e1 == nil && e2 == nil {
			off := hh*3600 + mm*60
			if rest[1][0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
	}
	return name, time.Unix(sec, 0).In(loc)
}

// toCommit makes the reader-facing commit; e-mail addresses are removed from
// every text field.
func toCommit(h plumbing.Hash, c *rawCommit, boundary bool) *qms.Commit {
	var ps []string
	for _, p := range c.parents {
		ps = append(ps, p.String())
	}
	q := &qms.Commit{}
	fillCommit(q, h.String(), ps, c, boundary)
	return q
}

// fillCommit fills q from c, whose hash and parents' hashes are given in
// hexadecimal.
func fillCommit(q *qms.Commit, hash string, parents []string, c *rawCommit, boundary bool) {
	subject, body, trailers := parseMessage(c.message)
	*q = qms.Commit{
		Hash:       hash,
		Author:     scrubEmails(c.author),
		Date:       c.authorDate,
		CommitDate: c.commitDate,
		Subject:    scrubEmails(subject),
		Body:       scrubEmails(body),
		Trailers:   trailers,
		Parents:    parents,
		Merge:      len(c.parents) > 1,
		Boundary:   boundary,
	}
	for i := range q.Trailers {
		q.Trailers[i].Value = scrubEmails(q.Trailers[i].Value)
	}
}

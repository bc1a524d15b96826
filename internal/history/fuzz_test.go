package history

import (
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// The parsers read bytes from repositories that may be corrupt or hostile:
// they must return errors, never panic.

func FuzzParseTree(f *testing.F) {
	f.Add([]byte("100644 a.md\x00" + strings.Repeat("\x01", 20) + "40000 d\x00" + strings.Repeat("\x02", 20)))
	f.Add([]byte("100644 \x00"))
	f.Add([]byte("9 x\x00"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		// The differ's unparsed reading never panics and always moves on.
		for i := 0; i < len(raw); {
			if n := skipEntry(raw, i); n >= 0 && (n <= i || n > len(raw)) {
				t.Fatalf("skipEntry(%d) = %d", i, n)
			}
			_, next, err := nextEntry(raw, i)
			if err != nil {
				break
			}
			if next <= i || next > len(raw) {
				t.Fatalf("nextEntry(%d) moved to %d", i, next)
			}
			i = next
		}
		lookupEntry(raw, "a.md")
	})
}

// FuzzParseCommit: no e-mail address of a commit decoded by go-git is
// left in what readers see.
func FuzzParseCommit(f *testing.F) {
	f.Add([]byte("tree 0123456789012345678901234567890123456789\nparent 0123456789012345678901234567890123456789\n" +
		"author A <a@b.c> 1700000000 +0700\ncommitter A <a@b.c> 1700000000 -0130\ngpgsig x\n y\n\nS\n\nB\n\nK: v\n"))
	f.Add([]byte("tree zz\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		obj := &plumbing.MemoryObject{}
		obj.SetType(plumbing.CommitObject)
		obj.Write(raw)
		c := &object.Commit{}
		if err := c.Decode(obj); err != nil {
			return
		}
		q := toCommit(c.TreeHash, c, false, nil)
		for _, s := range []string{q.Author, q.Subject, q.Body} {
			if scrubEmails(s) != s {
				t.Errorf("an address is left in %q", s)
			}
		}
	})
}

func FuzzParseMessage(f *testing.F) {
	f.Add("S\n\nB\n\nApproved-by: X <x@y.z>\n  tiếp\n")
	f.Add("\n\n\n")
	f.Add("a@b.c <d@e.f> @ @@ x@y")
	f.Fuzz(func(t *testing.T, msg string) {
		parseMessage(msg)
		if s := scrubEmails(msg); scrubEmails(s) != s {
			t.Errorf("scrubEmails(%q) = %q still holds an address", msg, s)
		}
	})
}

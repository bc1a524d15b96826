package qms

import "time"

// Commit is one git commit as readers see it. It never carries an e-mail
// address: Author is the author's name only, and addresses written in the
// message or its trailers are removed when the commit is read.
type Commit struct {
	// Hash is the full hexadecimal object name.
	Hash string
	// Short is the shortest prefix of Hash (at least 7 characters) that is
	// unique among the commits of the history it belongs to.
	Short string
	// Author is the author's name.
	Author string
	// Date is the author date, in the author's time zone.
	Date time.Time
	// CommitDate is the committer date, in the committer's time zone.
	CommitDate time.Time
	// Subject is the first line of the message.
	Subject string
	// Body is the message after the subject, without the trailer block;
	// leading and trailing blank lines removed, "" when there is none.
	Body string
	// Trailers is the "Key: value" block at the end of the message
	// (Approved-by:, Change-reason:, ...), in message order.
	Trailers []Trailer
	// Parents are the full hashes of the parent commits, first parent first.
	Parents []string
	// Merge reports whether the commit has more than one parent.
	Merge bool
	// Boundary reports whether the commit's parents are missing from the
	// repository because it is a shallow clone: history before this commit
	// is unknown.
	Boundary bool
}

// Trailer is one "Key: value" line of a commit message's trailer block.
type Trailer struct {
	Key   string
	Value string
}

// Trailer returns the value of the first trailer whose key equals key
// (ASCII case-insensitive), or "".
func (c *Commit) Trailer(key string) string {
	for _, t := range c.Trailers {
		if equalFoldASCII(t.Key, key) {
			return t.Value
		}
	}
	return ""
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// Change is what a revision did to a document's file.
type Change string

// The kinds of change. ChangeUnknown is used for the revision at a shallow
// clone's boundary: the file existed there, but whether that commit changed
// it is not known.
const (
	ChangeUnknown  Change = ""
	ChangeAdded    Change = "added"
	ChangeModified Change = "modified"
	ChangeDeleted  Change = "deleted"
	ChangeRenamed  Change = "renamed"
)

// Revision is one entry of a document's history: a commit that changed the
// document's file.
type Revision struct {
	Commit *Commit
	// Path is the file's path at that commit, relative to the content root,
	// '/'-separated. It differs from the current path for revisions made
	// before a rename.
	Path string
	// OldPath is the path before the commit when Change is ChangeRenamed.
	OldPath string
	// Blob is the hash of the file's content after the commit; "" when the
	// commit deleted it.
	Blob string
	// ParentBlob is the hash of the file's content in the commit's first
	// parent (at OldPath for a rename); "" when the file did not exist there
	// or at a shallow boundary. Diff Blob against ParentBlob to see what the
	// commit changed: with branches, the previous entry of the history is not
	// always the commit's parent version.
	ParentBlob string
	Change     Change
	// Boundary reports that Commit is a shallow clone's boundary: this is the
	// oldest known state of the file, not necessarily its creation.
	Boundary bool
}

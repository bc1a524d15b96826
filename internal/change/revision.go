package change

import (
	"bytes"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// revisions runs CC001 and CC002 over the paired processes.
func (c *comparison) revisions() {
	for _, h := range c.head.Corpus.Processes {
		b, ok := c.pairs.toBase[h].(*qms.Process)
		if !ok || h.Revision == 0 || b.Revision == 0 {
			continue
		}
		switch {
		case h.Revision > b.Revision:
			c.newRevision(b, h)
		case h.Status == qms.StatusActive && b.Status != qms.StatusDraft && contentChanged(b, h):
			if h.Revision < b.Revision {
				c.report(RevisionNotRaised, h.At("revision"),
					"lần ban hành (revision) giảm từ %d ở %s xuống %d; quy trình đã sửa phải có revision %d",
					b.Revision, c.baseName(), h.Revision, b.Revision+1)
				continue
			}
			c.report(RevisionNotRaised, h.At("revision"),
				"quy trình đang áp dụng %s đã được sửa nhưng revision vẫn là %d như ở %s; hãy nâng lên %d và ghi effective, approved_by của lần ban hành mới",
				h.Code, h.Revision, c.baseName(), b.Revision+1)
		}
	}
}

// newRevision checks a raised revision (CC002): a new approving decision,
// issued after the previous one, and a later effective date.
func (c *comparison) newRevision(b, h *qms.Process) {
	if h.Status == qms.StatusDraft || b.Status == qms.StatusDraft {
		return // drafts are not promulgated: nothing to compare with
	}
	if !b.Effective.IsZero() && !h.Effective.IsZero() && !h.Effective.After(b.Effective) {
		c.report(RevisionNotApproved, h.At("effective"),
			"lần ban hành %d phải có ngày hiệu lực sau ngày %s của lần %d, không phải %s",
			h.Revision, b.Effective.VN(), b.Revision, h.Effective.VN())
	}
	if h.ApprovedBy == nil || !h.ApprovedBy.Valid() {
		return // the loader reports a missing or malformed approved_by
	}
	nd := c.head.Corpus.Lookup(h.ApprovedBy.Ref)
	if nd == nil {
		return // XR001/XR002 report it
	}
	if b.ApprovedBy == nil || !b.ApprovedBy.Valid() {
		return
	}
	od := c.base.Corpus.Lookup(b.ApprovedBy.Ref)
	if od == nil {
		return
	}
	if od.Number.Key() == nd.Number.Key() && od.Issued == nd.Issued {
		c.report(RevisionNotApproved, h.ApprovedBy.Pos,
			"revision tăng từ %d lên %d nhưng approved_by vẫn là %s, quyết định đã ban hành lần %d; hãy dẫn quyết định phê duyệt lần ban hành %d",
			b.Revision, h.Revision, nd.Number, b.Revision, h.Revision)
		return
	}
	if !od.Issued.IsZero() && !nd.Issued.IsZero() && !nd.Issued.After(od.Issued) {
		c.report(RevisionNotApproved, h.ApprovedBy.Pos,
			"quyết định phê duyệt lần ban hành %d (%s, ký ngày %s) không mới hơn quyết định đã ban hành lần %d (%s, ký ngày %s)",
			h.Revision, nd.Number, nd.Issued.VN(), b.Revision, od.Number, od.Issued.VN())
	}
}

// contentChanged reports whether a process's file changed other than in
// its record-keeping fields: review_by (the next review date), under_review
// (a review in progress) and revisions (the amendment record). Those say
// how the document is managed, not what the issued document says.
func contentChanged(b, h *qms.Process) bool {
	return !bytes.Equal(withoutRecordKeeping(b.Source), withoutRecordKeeping(h.Source))
}

// recordKeeping are the top-level front-matter fields contentChanged
// ignores.
var recordKeeping = []string{"review_by", "under_review", "revisions"}

// withoutRecordKeeping drops the front matter's top-level recordKeeping
// fields, each with its value's lines (indented, or a block list's "- "
// items).
func withoutRecordKeeping(src []byte) []byte {
	var out []byte
	rest := src
	inFront, skipping := false, false
	for i := 0; len(rest) > 0; i++ {
		line := rest
		if n := bytes.IndexByte(rest, '\n'); n >= 0 {
			line, rest = rest[:n+1], rest[n+1:]
		} else {
			rest = nil
		}
		trimmed := bytes.TrimRight(line, " \t\r\n")
		if string(trimmed) == "---" {
			if i == 0 {
				inFront = true
			} else if inFront {
				out = append(out, line...)
				return append(out, rest...)
			}
		}
		if inFront {
			continued := len(trimmed) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '-'
			if skipping && continued {
				continue
			}
			skipping = false
			for _, k := range recordKeeping {
				if bytes.HasPrefix(line, []byte(k+":")) {
					skipping = true
				}
			}
			if skipping {
				continue
			}
		}
		out = append(out, line...)
	}
	return out
}

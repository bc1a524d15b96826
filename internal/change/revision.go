package change

import (
	"bytes"
	"reflect"

	"gopkg.in/yaml.v3"

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
// how the document is managed, not what the issued document says. The
// front matters are compared as the values yaml.v3 decodes, so that
// comments and the quoting of a value are not changes.
func contentChanged(b, h *qms.Process) bool {
	if bytes.Equal(b.Source, h.Source) {
		return false
	}
	if b.Body != h.Body {
		return true
	}
	fb, okB := issuedFields(b)
	fh, okH := issuedFields(h)
	if !okB || !okH {
		return !bytes.Equal(b.Source, h.Source)
	}
	return !reflect.DeepEqual(fb, fh)
}

// recordKeeping are the top-level front-matter fields contentChanged
// ignores.
var recordKeeping = []string{"review_by", "under_review", "revisions"}

// issuedFields decodes a process's front matter without its record-keeping
// fields; false when it cannot be decoded.
func issuedFields(p *qms.Process) (map[string]any, bool) {
	front, ok := bytes.CutSuffix(p.Source, []byte(p.Body))
	if !ok {
		return nil, false
	}
	var m map[string]any
	if err := yaml.Unmarshal(front, &m); err != nil {
		return nil, false
	}
	for _, k := range recordKeeping {
		delete(m, k)
	}
	return m, true
}

package checks

import (
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// amendmentField names a field of a row of a process's amendment record
// for messages: "approved_by của lần ban hành 2 trong revisions".
func amendmentField(a qms.Amendment, field string) string {
	if a.Revision == 0 {
		return field + " trong revisions"
	}
	return fmt.Sprintf("%s của lần ban hành %d trong revisions", field, a.Revision)
}

// rowKey is the key path of a field of row i of a process's revisions:
// "revisions.1.effective".
func rowKey(i int, field string) string { return fmt.Sprintf("revisions.%d.%s", i, field) }

// revisionName names a row for messages: "lần ban hành 2".
func revisionName(a qms.Amendment) string {
	if a.Revision == 0 {
		return "lần ban hành này"
	}
	return fmt.Sprintf("lần ban hành %d", a.Revision)
}

// recordOrdered reports whether a process's revisions rise in revision and
// in effective date, row after row (RV001 reports the rows that do not).
// The other rules of a record skip one that is out of order: its last row
// is then not the current issue, and comparing it would report the same
// mistake again.
func recordOrdered(p *qms.Process) bool {
	for i := 1; i < len(p.Revisions); i++ {
		if badRevision, badEffective := rowOrder(p.Revisions[i-1], p.Revisions[i]); badRevision || badEffective {
			return false
		}
	}
	return true
}

// rowOrder compares row a of a record with the row before it, prev: a's
// revision is not above prev's, or its effective date is not after
// prev's (each when both are written).
func rowOrder(prev, a qms.Amendment) (badRevision, badEffective bool) {
	badRevision = prev.Revision > 0 && a.Revision > 0 && a.Revision <= prev.Revision
	badEffective = !prev.Effective.IsZero() && !a.Effective.IsZero() && !a.Effective.After(prev.Effective)
	return badRevision, badEffective
}

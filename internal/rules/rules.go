// Package rules is the one list of every check qms knows: the corpus rules
// of internal/check/checks, the placeholder rule of `qms new`
// (internal/scaffold) and the change-control rules that run with
// `qms check --base` (internal/change). `qms check -list`, the build and the
// site's /checks/ page all read it.
package rules

import (
	"github.com/snnptnt-nghean/qms/internal/change"
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/check/checks"
	"github.com/snnptnt-nghean/qms/internal/scaffold"
)

// All returns every check in the order -list prints them. The
// change-control checks have a nil Run: they report only through
// change.Compare.
func All() []*check.Check {
	out := make([]*check.Check, 0, len(checks.All)+len(scaffold.Checks)+len(change.Checks))
	out = append(out, checks.All...)
	out = append(out, scaffold.Checks...)
	return append(out, change.Checks...)
}

// Package check runs named checks over a loaded corpus and prints their
// diagnostics.
//
// A check is a value (*Check) with a stable ID ("XR001": a category prefix
// and a number never reused), a short name, a default severity and a Doc
// whose first line is its title. The rules live in package
// internal/check/checks in one explicit list; loader problems (malformed
// YAML, missing fields ...) are reported by internal/content under IDs
// that are also listed there, with a nil Run.
//
// Diagnostics print as "path:line:col: message (ID)", sorted by position,
// followed by a summary line; as one JSON object; or as GitHub Actions
// workflow commands. Exit codes follow go vet: 0 no error (warnings
// allowed), 1 errors, 2 usage or I/O failure.
package check

import (
	"fmt"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Check is one named rule.
type Check struct {
	// ID is stable and never reused: "LD001", "XR001" ...
	ID string
	// Name is a short kebab-case name: "unresolved-ref".
	Name string
	// Severity is the default severity of the check's findings.
	Severity qms.Severity
	// Doc explains the rule; its first line is the title.
	Doc string
	// Run reports findings through the pass. It returns an error only
	// when the check cannot run. Nil for problems the loader reports.
	Run func(*Pass) error
}

// Title is the first line of Doc.
func (c *Check) Title() string {
	t, _, _ := strings.Cut(c.Doc, "\n")
	return strings.TrimSpace(t)
}

// Body is Doc without its first line.
func (c *Check) Body() string {
	_, b, _ := strings.Cut(c.Doc, "\n")
	return strings.TrimSpace(b)
}

// Pass is what a check sees while it runs.
type Pass struct {
	Corpus *qms.Corpus
	// Today is the date statuses are evaluated at ("as of today").
	Today qms.Date
	Check *Check
	diags *[]qms.Diagnostic
}

// Reportf reports a finding at pos with the check's default severity.
func (p *Pass) Reportf(pos qms.Pos, format string, args ...any) {
	p.ReportSeverityf(p.Check.Severity, pos, format, args...)
}

// ReportSeverityf reports a finding with an explicit severity.
func (p *Pass) ReportSeverityf(sev qms.Severity, pos qms.Pos, format string, args ...any) {
	*p.diags = append(*p.diags, qms.Diagnostic{
		Pos: pos, Severity: sev, Check: p.Check.ID, Message: fmt.Sprintf(format, args...),
	})
}

// Run runs every check with a non-nil Run over c and returns the sorted
// diagnostics. A check that fails to run is an error.
func Run(c *qms.Corpus, checks []*Check, today qms.Date) ([]qms.Diagnostic, error) {
	var diags []qms.Diagnostic
	for _, ch := range checks {
		if ch.Run == nil {
			continue
		}
		p := &Pass{Corpus: c, Today: today, Check: ch, diags: &diags}
		if err := ch.Run(p); err != nil {
			return nil, fmt.Errorf("check %s: %w", ch.ID, err)
		}
	}
	return qms.SortDiagnostics(diags), nil
}

// Find returns the check with the given ID (case-insensitive) or name.
func Find(checks []*Check, id string) *Check {
	for _, c := range checks {
		if strings.EqualFold(c.ID, id) || c.Name == id {
			return c
		}
	}
	return nil
}

package qms

import (
	"fmt"
	"sort"
)

// Severity says whether a diagnostic fails the check (Error) or not.
type Severity int

// Severities.
const (
	Warning Severity = iota + 1
	Error
)

// String is "error" or "warning", as in JSON output.
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Label is the Vietnamese label.
func (s Severity) Label() string {
	if s == Error {
		return "Lỗi"
	}
	return "Cảnh báo"
}

// Diagnostic is one finding about the content, at a position.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	// Check is the stable ID of the check that found it ("XR001").
	Check   string
	Message string
}

// String formats d as "path:line:col: message (ID)".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s (%s)", d.Pos, d.Message, d.Check)
}

// SortDiagnostics orders diagnostics by position, then check ID, then
// message, and removes exact duplicates.
func SortDiagnostics(ds []Diagnostic) []Diagnostic {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos != b.Pos {
			return a.Pos.Less(b.Pos)
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		return a.Message < b.Message
	})
	out := ds[:0]
	for i, d := range ds {
		if i > 0 && d == ds[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// CountSeverity returns the number of errors and warnings in ds.
func CountSeverity(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

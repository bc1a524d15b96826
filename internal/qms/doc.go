// Package qms holds the domain types of the quality management system: the
// three kinds of document (decisions, procedures, processes), references
// between them, positions for diagnostics, civil dates, durations, document
// numbers ("số và ký hiệu"), the status of a decision as of a date, a
// process's amendment record (Process.Record, IssueOn) and the
// organisation of qms.yaml with its former names (Organization).
//
// It imports only the standard library. Loading (internal/content), checking
// (internal/check), history (internal/history) and rendering
// (internal/render) are built on these types.
package qms

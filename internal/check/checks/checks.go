// Package checks holds the rules of `qms check`, one file each, in one
// explicit list, All.
//
// Every rule is a *check.Check value with a stable ID (a category prefix and
// a number never reused), a kebab-case name, a default severity and a
// Vietnamese Doc whose first line is the title. The categories are:
//
//	LD  problems the loader (internal/content) reports; Run is nil
//	XR  references that do not resolve to exactly one document
//	ST  reliance of an active process on an obsolete document
//	DT  dates that contradict each other
//	TM  step times over a procedure's time limit
//	PR  processes and procedures: abolition, coverage, review, a process's
//	    step forms and body sections
//	GR  the supersession and amendment graph, and the legal rank it must
//	    respect
//	RV  records: a process's amendment record (revisions), the procedures
//	    recorded against a decision's announced count
//	ID  identities: duplicate IDs, file names, the spelling of a decision's
//	    number and of unit names
//	LK  links in Markdown bodies, and the headings they point to
//
// A rule reports each problem once, at the exact front-matter value or link
// it concerns, and does not report what another rule or the loader already
// reports: a citation that failed to parse (Citation.Valid is false), a
// reference that does not resolve, and a reference to a document whose ID
// was edited in place (its file name still gives the old ID: ID002) are
// skipped by every rule but the one that owns them. TestOneFindingPerMistake
// holds the rules to this: it breaks each reference, code, date, link and ID
// of a clean manual in turn and wants exactly one diagnostic each.
package checks

import "github.com/snnptnt-nghean/qms/internal/check"

// All lists every check, by category in the order above, each category in
// ID order. cmd/qms runs the ones with a Run;
// `qms check -list`, `qms check -explain ID` and the site's checks page
// show them all.
var All = []*check.Check{
	frontMatter,
	yamlSyntax,
	missingField,
	wrongType,
	invalidDate,
	invalidEnum,
	unknownKey,
	invalidNumber,
	invalidDuration,
	wrongFolder,
	invalidEncoding,
	unreadableFile,

	unresolvedRef,
	ambiguousRef,
	refDiacritics,
	refDateMismatch,
	sourceOtherDocument,

	reliesOnObsolete,

	citedBeforeIssued,
	approvedAfterEffective,

	stepTimeOverLimit,

	implementsAbolished,
	coverage,
	reviewOverdue,
	statusMismatch,
	stepForm,
	missingSections,

	supersessionCycle,
	selfReference,
	legalRank,

	revisionOrder, recordCurrent, revisionApprovedLate, announcedOver,

	duplicateID,
	fileName,
	numberDiacritics,
	unitSpelling,
	undeclaredUnit,
	formerUnitName,

	brokenLink,
	brokenAnchor,
}

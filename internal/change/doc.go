// Package change compares two states of the manual — the working tree of a
// pull request and the base revision it targets, or two points of the
// history — and reports what the comparison means for document control
// (ISO 9001 clause 7.5).
//
// # Pairing documents
//
// A document of the base is paired with the document of the same kind and
// identity (a process's or procedure's code, a decision's number; for
// decisions sharing a number, also the issued date) in the head, preferring
// the same path: a file moved or renamed keeps its identity and is the same
// document. A head document with no partner whose path held another document
// in the base changed its identity in place; a base document with no
// partner whose file is gone was deleted. A file that exists but whose front
// matter cannot be read is never counted as deleted: the loader reports it.
//
// # Change-control rules (Compare)
//
// The rules are values in Checks, with IDs CC001–CC005, listed by
// `qms check -list` with the other checks; their Run is nil because they
// need two corpora, so Compare runs them:
//
//   - CC001: an active process changed while its revision did not rise
//     (a change limited to review_by, which records a periodic review, does
//     not count);
//   - CC002: a revision rose without a new approving decision (approved_by
//     other than the one of the previous revision, issued after it) or
//     without a later effective date;
//   - CC003: a process, procedure or decision file was deleted: obsolete
//     documents are kept and marked (status: abolished, abolished_by,
//     supersedes, repealed, expires);
//   - CC004: a document's identity changed in place (same file, another
//     code or number);
//   - CC005 (a warning): a suspect link. When a decision or a procedure
//     changes — its status as of today, its dates, what it supersedes or
//     amends, what supersedes or amends it, a procedure's time limit,
//     announcing decisions, legal basis or abolition — every process that
//     relies on it (legal_basis, approved_by, procedures, and the
//     announcing decisions of its procedures) and that the change did not
//     itself re-approve (its revision did not rise) is to be re-reviewed;
//     the message names what changed. A reliance that ST001
//     (internal/check/checks) reports, on a decision obsolete as of
//     today, is not reported again.
//
// Diagnostics are positioned in the head (the working tree), at the value
// concerned; a deleted file's diagnostic names its base path.
//
// # Impact and review rounds
//
// Impact lists everything that relies on a document, directly or through a
// procedure, with each item's status as of a date. Round counts the figures
// of a review round between two states: processes new, amended (revision
// raised) and abolished; procedures added and abolished; decisions added.
package change

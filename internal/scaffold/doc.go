// Package scaffold writes new documents from Vietnamese templates for
// `qms new`, a new manual for `qms init` (Init: qms.yaml and the four
// framework processes as drafts, with no placeholder so that a new manual
// passes `qms check`), and holds the rule that keeps unfilled templates out of the
// manual.
//
// A new process, procedure or decision gets every required front-matter
// field and, for a process, the standard sections of a Vietnamese ISO
// process (Mục đích, Phạm vi, Tài liệu viện dẫn, Định nghĩa và chữ viết tắt,
// Nội dung quy trình, Biểu mẫu, Hồ sơ cần lưu). Values given on the command
// line are filled in; every other value is a placeholder written
// "<điền …>" that says what to write. A process is created as a draft,
// revision 1.
//
// Identities: a process gets the next free code of its unit
// (QT-<prefix>-NN, where the prefix is the one the unit's existing
// processes use, or the initials of the unit's name, e.g. Chi cục Thủy sản
// → TS; a framework process gets QT-NN); a procedure without --code gets
// the next local code of its field (NA-<initials of the field>-NN, or
// continuing the field's existing local codes); a decision needs its
// number. The file name is the identity's slug, as check ID002 wants.
//
// The rule PH001 (Placeholder, in Checks) reports every "<điền" left in a
// document, so a template that is not filled in fails `qms check`.
package scaffold

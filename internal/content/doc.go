// Package content loads a manual into a *qms.Corpus: the Markdown
// documents under processes/, procedures/ and decisions/ (sub-folders
// allowed; the folder decides the kind) and qms.yaml at the root.
//
// A document is UTF-8 (a BOM is dropped, CRLF read as LF), normalised to
// NFC before anything looks at it, at most MaxFileSize bytes, and not a
// symbolic link resolving outside the root. It starts with a line "---",
// YAML front matter, a line "---", then the Markdown body. The front
// matter is decoded by yaml.v3 into nodes, so every value keeps its line
// and column, and validated against the schema of docs/mo-hinh-noi-dung.md:
// required fields, types, dates (YYYY-MM-DD, real, 1945 to fifty years
// ahead), enums, document numbers, durations, unknown keys (the nearest
// known one suggested). qms.yaml holds the organisation, the site and the
// units; without it Corpus.Org is qms.DefaultOrganization.
// The body is parsed with the project's one goldmark configuration
// (internal/markup) only to find relative links and their positions.
//
// Every problem becomes a qms.Diagnostic at path:line:col, in Vietnamese,
// under the loader's check IDs LD001–LD012 (an unreadable file, LD012, also makes LoadDir fail); loading goes on with the next
// value and the next file, and no input makes it panic. A document whose
// front matter has a syntax error keeps the top-level fields that parse
// on their own and is marked Partial, so that other documents still find
// it; one with nothing readable is left out.
package content

// Loader check IDs; their documentation lives in internal/check/checks.
const (
	idFrontMatter = "LD001"
	idYAML        = "LD002"
	idMissing     = "LD003"
	idType        = "LD004"
	idDate        = "LD005"
	idEnum        = "LD006"
	idUnknownKey  = "LD007"
	idNumber      = "LD008"
	idDuration    = "LD009"
	idFolder      = "LD010"
	idEncoding    = "LD011"
	idUnreadable  = "LD012"
)

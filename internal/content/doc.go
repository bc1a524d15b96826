// Package content loads the manual's Markdown files into a *qms.Corpus.
//
// Every file with the extension .md under processes/, procedures/ and
// decisions/ (sub-folders allowed) is one document; its kind is decided by
// the top-level folder, never by a field. A file is UTF-8 (an initial BOM is
// dropped), may use CRLF line endings (read as LF), and is normalised to
// Unicode NFC before anything else looks at it, so positions count lines and
// runes of the normalised text.
//
// A file starts with a line "---", then YAML front matter, then a line
// "---", then the Markdown body. The front matter is decoded as yaml.v3
// nodes so every value keeps its line and column; it is validated against
// the schema of content-model.md: required fields, types, dates
// (YYYY-MM-DD, real calendar dates), enums, document numbers, durations and
// unknown keys (with the nearest known key suggested). The body is parsed
// with goldmark (raw HTML is never interpreted here) only to find relative
// links and their positions.
//
// Every problem becomes a qms.Diagnostic with the file's path relative to
// the content root and the line and column of the offending value, under
// the loader's check IDs LD001–LD011; loading always continues with the next
// value and the next file, and no input makes it panic. A document whose
// front matter cannot be read at all is left out of the corpus.
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
)

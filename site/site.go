// Package site is the theme of the public manual: the HTML templates and
// the static files (style sheet, scripts) embedded in the qms binary.
//
// templates/ holds html/template files read by internal/render; static/ is
// copied as is to static/ under the output directory.
package site

import "embed"

// FS holds templates/ and static/.
//
//go:embed templates static
var FS embed.FS

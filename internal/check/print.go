package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// WriteText prints one line per diagnostic, "path:line:col: message (ID)"
// (a warning's message starts with "cảnh báo: "), and a summary line.
// Control characters in paths and messages (a newline from a
// percent-encoded link, say) are written %XX as in the GitHub format, so
// that each diagnostic stays on one line and no terminal escape passes.
func WriteText(w io.Writer, ds []qms.Diagnostic) error {
	var b strings.Builder
	for _, d := range ds {
		msg := d.Message
		if d.Severity == qms.Warning {
			msg = "cảnh báo: " + msg
		}
		fmt.Fprintf(&b, "%s: %s (%s)\n", escControl(d.Pos.String()), escControl(msg), d.Check)
	}
	e, wn := qms.CountSeverity(ds)
	fmt.Fprintf(&b, "%d lỗi, %d cảnh báo\n", e, wn)
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Check    string `json:"check"`
	Message  string `json:"message"`
}

type jsonReport struct {
	Diagnostics []jsonDiag `json:"diagnostics"`
	Errors      int        `json:"errors"`
	Warnings    int        `json:"warnings"`
}

// WriteJSON prints exactly one JSON object:
// {"diagnostics":[...],"errors":N,"warnings":M}.
func WriteJSON(w io.Writer, ds []qms.Diagnostic) error {
	r := jsonReport{Diagnostics: []jsonDiag{}}
	for _, d := range ds {
		line, col := d.Pos.Line, d.Pos.Col
		if line <= 0 {
			line, col = 1, 1
		}
		if col <= 0 {
			col = 1
		}
		r.Diagnostics = append(r.Diagnostics, jsonDiag{
			File: d.Pos.Path, Line: line, Column: col,
			Severity: d.Severity.String(), Check: d.Check, Message: d.Message,
		})
	}
	r.Errors, r.Warnings = qms.CountSeverity(ds)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteGitHub prints GitHub Actions workflow commands
// (::error file=…,line=…,col=…,title=…::message).
func WriteGitHub(w io.Writer, ds []qms.Diagnostic) error {
	var b strings.Builder
	for _, d := range ds {
		line, col := d.Pos.Line, d.Pos.Col
		if line <= 0 {
			line, col = 1, 1
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n",
			d.Severity, ghProp(d.Pos.Path), line, col, ghProp(d.Check), ghData(d.Message))
	}
	e, wn := qms.CountSeverity(ds)
	fmt.Fprintf(&b, "%d lỗi, %d cảnh báo\n", e, wn)
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow-command message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow-command property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// escControl writes the control characters of s (C0, DEL, C1 and the
// Unicode line and paragraph separators) as the percent-encoding of their
// UTF-8 bytes: "\n" → "%0A".
func escControl(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isControl(r) {
			b.WriteRune(r)
			continue
		}
		for _, c := range []byte(string(r)) {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 || 0x7f <= r && r < 0xa0 || r == 0x2028 || r == 0x2029
}

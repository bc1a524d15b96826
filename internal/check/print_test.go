package check

import (
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestWriteTextEscapesControls: a newline or a terminal escape in a path
// or a message (from a percent-encoded link destination) does not break
// the one-line-per-diagnostic format.
func TestWriteTextEscapesControls(t *testing.T) {
	ds := []qms.Diagnostic{{
		Pos:      qms.Pos{Path: "processes/a\nb.md", Line: 3, Col: 1},
		Severity: qms.Error, Check: "LK001",
		Message: "liên kết “x\ny\x1b[31m\u2028z” hỏng",
	}}
	var b strings.Builder
	if err := WriteText(&b, ds); err != nil {
		t.Fatal(err)
	}
	want := "processes/a%0Ab.md:3:1: liên kết “x%0Ay%1B[31m%E2%80%A8z” hỏng (LK001)\n1 lỗi, 0 cảnh báo\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
	if escControl("Chi cục Thủy sản 50%") != "Chi cục Thủy sản 50%" {
		t.Error("escControl changed plain text")
	}
}

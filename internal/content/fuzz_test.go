package content

import (
	"testing"
)

// FuzzParseFile asserts that no input makes the loader panic and that every
// diagnostic points inside the file. Its seed corpus is in
// testdata/fuzz/FuzzParseFile.
func FuzzParseFile(f *testing.F) {
	f.Add("processes/qt-01.md", []byte(goodProcess))
	f.Add("decisions/a.md", []byte(goodDecision))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		_, diags := ParseFile(path, data)
		lines := 1
		for _, b := range data {
			if b == '\n' || b == '\r' {
				lines++
			}
		}
		for _, d := range diags {
			if d.Pos.Line < 1 || d.Pos.Line > lines+1 || d.Pos.Col < 1 {
				t.Fatalf("diagnostic outside the file (%d lines): %v", lines, d)
			}
		}
	})
}

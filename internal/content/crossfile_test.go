package content_test

import (
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/rules"
)

// TestBrokenFileStaysLocal breaks one file of the repository's own
// manual at a time and runs every check: the diagnostics of the other
// files must not change (a syntax error in one file must not make its
// code or number unresolved elsewhere).
func TestBrokenFileStaysLocal(t *testing.T) {
	base := fstest.MapFS{}
	for _, dir := range []string{"processes", "procedures", "decisions"} {
		err := fs.WalkDir(os.DirFS("../.."), dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(os.DirFS("../.."), p)
			base[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	today := qms.Date{Year: 2026, Month: 6, Day: 1}
	run := func(fsys fs.FS) (*qms.Corpus, map[string][]qms.Diagnostic) {
		c, diags := content.Load(fsys)
		found, err := check.Run(c, rules.All(), today)
		if err != nil {
			t.Fatal(err)
		}
		byFile := map[string][]qms.Diagnostic{}
		for _, d := range append(diags, found...) {
			byFile[d.Pos.Path] = append(byFile[d.Pos.Path], d)
		}
		return c, byFile
	}
	_, want := run(base)
	for _, tc := range []struct {
		path, old, new string
	}{
		{"processes/qt-ts-01.md", "kind: task\n", "kind: task\n\tunit: x\n"},                           // a tab
		{"procedures/na-ts-01.md", "field: Thủy sản\n", "field: \"Thủy sản\n"},                         // an unterminated quote
		{"procedures/na-ts-01.md", "  - \"3464/QĐ-UBND\"\n---\n", "  - \"3464/QĐ-UBND\"\n"},            // no closing line
		{"decisions/2020/3464-qd-ubnd.md", "type: quyet-dinh\n", "type: quyet-dinh\ntitle: a: b: c\n"}, // a colon
	} {
		t.Run(tc.path, func(t *testing.T) {
			f, ok := base[tc.path]
			if !ok || !strings.Contains(string(f.Data), tc.old) {
				t.Fatalf("%s does not contain %q", tc.path, tc.old)
			}
			broken := fstest.MapFS{}
			for p, f := range base {
				broken[p] = f
			}
			broken[tc.path] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), tc.old, tc.new, 1))}
			c, got := run(broken)
			if len(got[tc.path]) == 0 || got[tc.path][0].Check != "LD001" && got[tc.path][0].Check != "LD002" {
				t.Errorf("%s: diagnostics %v, want a syntax error first", tc.path, got[tc.path])
			}
			for p := range got {
				if p != tc.path && !reflect.DeepEqual(got[p], want[p]) {
					t.Errorf("%s: diagnostics changed:\n%v\nwant:\n%v", p, got[p], want[p])
				}
			}
			for _, d := range c.Documents() {
				if d.Base().Path == tc.path && !d.Base().Partial {
					t.Errorf("%s is not marked Partial", tc.path)
				}
			}
		})
	}
}

// TestTaskListLinkChecked: "- [x](y.md)" in a body is a link for the
// checks as for the pages, so a missing target is reported at it; an
// unfilled placeholder date is reported once, by PH001.
func TestTaskListLinkChecked(t *testing.T) {
	src, err := os.ReadFile("../../processes/qt-ts-01.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "effective: 2020-12-01", "effective: \"<điền ngày hiệu lực>\"", 1) + "\n- [x](khong-co.md)\n"
	line := strings.Count(text, "\n")
	fsys := fstest.MapFS{"processes/qt-ts-01.md": {Data: []byte(text)}}
	c, diags := content.Load(fsys)
	found, err := check.Run(c, rules.All(), qms.Date{Year: 2026, Month: 6, Day: 1})
	if err != nil {
		t.Fatal(err)
	}
	link, placeholder := false, 0
	for _, d := range append(diags, found...) {
		switch {
		case d.Pos.Line == line && d.Pos.Col == 3 && strings.Contains(d.Message, "khong-co.md"):
			link = true
		case d.Pos.Line == 7:
			placeholder++
			if d.Check != "PH001" {
				t.Errorf("placeholder date: %s %s", d.Check, d.Message)
			}
		}
	}
	if !link || placeholder != 1 {
		t.Errorf("link reported: %v, placeholder diagnostics: %d", link, placeholder)
	}
}

package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// diagStrings formats diagnostics as "path:line:col ID message".
func diagStrings(diags []qms.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%s %s %s", d.Pos, d.Check, d.Message))
	}
	return out
}

// TestTaskListLink: "- [x](y.md)" is a link in a list item, not a task
// list check box, as on the pages.
func TestTaskListLink(t *testing.T) {
	got := findLinks("processes/p.md", "Danh sách:\n\n- [x](y.md)\n- [ ] [a](b.md)\n* [X](../z.md)\n", 10)
	want := []string{"y.md@12:3", "b.md@13:7", "../z.md@14:3"}
	var g []string
	for _, l := range got {
		g = append(g, fmt.Sprintf("%s@%d:%d", l.Dest, l.Pos.Line, l.Pos.Col))
	}
	if strings.Join(g, " ") != strings.Join(want, " ") {
		t.Errorf("links %v, want %v", g, want)
	}
}

// TestLargeBody loads a body of many paragraphs with a link each, with
// the positions of the last links right, and refuses a file larger than
// MaxFileSize at its first line without parsing it.
func TestLargeBody(t *testing.T) {
	var b strings.Builder
	b.WriteString(goodDecision)
	n := 0
	for b.Len() < 2<<20 {
		n++
		fmt.Fprintf(&b, "Đoạn %d theo [quy trình](../../processes/qt-%d.md).\n\n", n, n)
	}
	doc, diags := ParseFile("decisions/big.md", []byte(b.String()))
	if len(diags) != 0 || doc == nil {
		t.Fatalf("diags %v", diagStrings(diags))
	}
	links := doc.Base().Links
	if len(links) != n+1 {
		t.Fatalf("%d links, want %d", len(links), n+1)
	}
	last := links[n]
	if wantLine := 9 + 2*n; last.Dest != fmt.Sprintf("../../processes/qt-%d.md", n) || last.Pos.Line != wantLine || last.Pos.Col != len([]rune(fmt.Sprintf("Đoạn %d theo ", n)))+1 {
		t.Errorf("last link %+v, want line %d", last, wantLine)
	}

	huge := goodDecision + strings.Repeat("Nội dung rất dài.\n", (MaxFileSize+1<<20)/18)
	for _, load := range []func() []qms.Diagnostic{
		func() []qms.Diagnostic {
			d, diags := ParseFile("decisions/huge.md", []byte(huge))
			if d != nil {
				t.Error("ParseFile parsed a file over the limit")
			}
			return diags
		},
		func() []qms.Diagnostic {
			c, diags := Load(fstest.MapFS{"decisions/huge.md": {Data: []byte(huge)}})
			if len(c.Decisions) != 0 {
				t.Error("Load parsed a file over the limit")
			}
			return diags
		},
	} {
		got := diagStrings(load())
		if len(got) != 1 || !strings.HasPrefix(got[0], "decisions/huge.md:1:1 LD011 tệp quá lớn") || !strings.Contains(got[0], "giới hạn 10 MB") {
			t.Errorf("diagnostics %q, want one LD011 at 1:1 about the size", got)
		}
	}
}

// TestSymlinks: a document that is a symbolic link resolving outside the
// content root is refused at the file and its text is not loaded; one
// resolving inside is a document like any other.
func TestSymlinks(t *testing.T) {
	const outside = "không được lọt vào"
	secret := strings.Replace(goodDecision, "Nội dung.", outside, 1)
	fsys := fstest.MapFS{
		"decisions/real.md":     {Data: []byte(goodDecision)},
		"decisions/inside.md":   {Data: []byte("real.md"), Mode: fs.ModeSymlink},
		"decisions/up.md":       {Data: []byte("../../secret.md"), Mode: fs.ModeSymlink},
		"decisions/abs.md":      {Data: []byte("/etc/secret.md"), Mode: fs.ModeSymlink},
		"decisions/chain.md":    {Data: []byte("inside2.md"), Mode: fs.ModeSymlink},
		"decisions/inside2.md":  {Data: []byte("../decisions/../../x.md"), Mode: fs.ModeSymlink},
		"processes/not-doc.txt": {Data: []byte("x")},
	}
	c, diags := Load(fsys)
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+d.Check)
		if !strings.Contains(d.Message, "liên kết tượng trưng") {
			t.Errorf("message %q", d.Message)
		}
	}
	want := "decisions/abs.md:1:1 LD010 decisions/chain.md:1:1 LD010 decisions/inside2.md:1:1 LD010 decisions/up.md:1:1 LD010"
	if strings.Join(got, " ") != want {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	if len(c.Decisions) != 2 || c.Decisions[0].Path != "decisions/inside.md" || c.Decisions[1].Path != "decisions/real.md" {
		t.Errorf("decisions %d", len(c.Decisions))
	}

	// The same on disk, through LoadDir.
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	if err := os.MkdirAll(filepath.Join(root, "decisions"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.md"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "secret.md"), filepath.Join(root, "decisions", "abs.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink("../../secret.md", filepath.Join(root, "decisions", "rel.md")); err != nil {
		t.Fatal(err)
	}
	c, diags, err := LoadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 2 || diags[0].Pos.String() != "decisions/abs.md:1:1" || diags[1].Pos.String() != "decisions/rel.md:1:1" || len(c.Decisions) != 0 {
		t.Errorf("LoadDir: diagnostics %q, %d decisions", diagStrings(diags), len(c.Decisions))
	}
}

// TestPartialDocument: a file whose front matter cannot be read whole
// keeps the top-level fields that can, is marked Partial and reports
// only its syntax error.
func TestPartialDocument(t *testing.T) {
	tests := []struct {
		name, src, want string
		code            string
		procedures      int
	}{
		{"tab", strings.Replace(goodProcess, "kind: task\n", "kind: task\n\tx: y\n", 1), "processes/qt-01.md:4:1 LD002", "QT-TY-01", 1},
		{"quote", strings.Replace(goodProcess, "title: Quy", "title: \"Quy", 1), "processes/qt-01.md:3:8 LD002", "QT-TY-01", 1},
		{"no closing line", strings.Replace(goodProcess, "---\n## 1.", "## 1.", 1), "processes/qt-01.md:1:1 LD001", "QT-TY-01", 1},
		{"broken code", strings.Replace(goodProcess, "code: QT-TY-01", "code: [QT", 1), "processes/qt-01.md:2:7 LD002", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := ParseFile("processes/qt-01.md", []byte(tt.src))
			got := diagStrings(diags)
			if len(got) != 1 || !strings.HasPrefix(got[0], tt.want+" ") {
				t.Fatalf("diagnostics %q, want one at %s", got, tt.want)
			}
			p, ok := doc.(*qms.Process)
			if !ok || !p.Partial || p.Code != tt.code || len(p.Procedures) != tt.procedures || p.Links != nil {
				t.Fatalf("document %+v", doc)
			}
		})
	}
	if doc, _ := ParseFile("processes/qt-01.md", []byte("---\n\tcode: x\n---\n")); doc != nil {
		t.Errorf("a front matter with nothing readable gave %+v", doc)
	}
}

package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// failingFS is a MapFS whose file bad cannot be opened, as a file without
// read permission or on a failing disk.
type failingFS struct {
	fstest.MapFS
	bad string
}

func (f failingFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func (f failingFS) ReadFile(name string) ([]byte, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.ReadFile(name)
}

// TestUnreadableFile: a file that cannot be read is reported at its path
// under its own ID (LD012), which LoadDir turns into an error (the
// commands exit 2 on an I/O failure, 1 on content mistakes); the other
// files still load.
func TestUnreadableFile(t *testing.T) {
	good := "---\nnumber: 1/QĐ-UBND\ntype: quyet-dinh\nissuer: UBND tỉnh\nissued: 2024-01-02\ntitle: Một\n---\n"
	fsys := failingFS{MapFS: fstest.MapFS{
		"decisions/2024/1-qd-ubnd.md": {Data: []byte(good)},
		"decisions/2024/2-qd-ubnd.md": {Data: []byte(good)},
	}, bad: "decisions/2024/2-qd-ubnd.md"}
	c, diags := Load(fsys)
	var unreadable []string
	for _, d := range diags {
		if d.Check == idUnreadable {
			unreadable = append(unreadable, d.Pos.Path+": "+d.Message)
		}
	}
	if len(c.Decisions) != 1 {
		t.Errorf("%d decisions loaded, want 1", len(c.Decisions))
	}
	if len(unreadable) != 1 || !strings.HasPrefix(unreadable[0], "decisions/2024/2-qd-ubnd.md: không có quyền đọc") || diags[0].Check != "LD012" {
		t.Errorf("unreadable = %q", unreadable)
	}
	if len(diags) != 1 || diags[0].Pos.Path != "decisions/2024/2-qd-ubnd.md" {
		t.Errorf("diagnostics %v", diags)
	}
}

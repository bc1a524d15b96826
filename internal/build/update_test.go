package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpdateWriter: whatever the recycled file held, it ends up holding
// exactly the new bytes, and a file that already holds them is not
// written to (its modification time stays).
func TestUpdateWriter(t *testing.T) {
	long := strings.Repeat("trang chủ ", 2000)
	cases := []struct{ old, new string }{
		{"", ""}, {"", "mới"}, {"cũ", ""}, {"giống", "giống"}, {"abc", "abd"},
		{"abcdef", "abc"}, {"abc", "abcdef"}, {long, long}, {long, long[:len(long)-1] + "!"},
		{long + "thừa", long}, {"x" + long, long}, {long, long + long},
	}
	dir := t.TempDir()
	for _, whole := range []bool{false, true} {
		for i, c := range cases {
			p := filepath.Join(dir, "f")
			if err := os.WriteFile(p, []byte(c.old), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := createFile(p, true)
			if err != nil {
				t.Fatal(err)
			}
			u := &updateWriter{}
			u.reset(f)
			// Write in one piece, as bufio does for a page smaller than its
			// buffer, or in uneven chunks, as for a large page.
			for s := c.new; len(s) > 0; {
				n := min(len(s), 7+len(s)/3)
				if whole {
					n = len(s)
				}
				if m, err := u.Write([]byte(s[:n])); err != nil || m != n {
					t.Fatalf("case %d: Write = %d, %v", i, m, err)
				}
				s = s[n:]
			}
			if err := u.finish(); err != nil {
				t.Fatalf("case %d: finish: %v", i, err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.new {
				t.Errorf("case %d (whole %v): file holds %d bytes %.20q…, want %d bytes %.20q…", i, whole, len(got), got, len(c.new), c.new)
			}
		}
	}
}

// TestUpdateWriterSkipsSameFile: rewriting a file with its own content
// writes nothing.
func TestUpdateWriterSkipsSameFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte("nội dung"), 0o444); err != nil {
		t.Fatal(err)
	}
	// A read-only file cannot be opened for writing, so open it for
	// reading only: any write then fails.
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u := &updateWriter{f: f, same: true}
	if _, err := u.Write([]byte("nội dung")); err != nil {
		t.Fatalf("Write of the same bytes wrote: %v", err)
	}
	if err := u.finish(); err != nil {
		t.Fatalf("finish: %v", err)
	}
	if _, err := u.Write([]byte("thêm")); err == nil {
		t.Fatal("Write of new bytes to a read-only file succeeded; the test proves nothing")
	}
}

package history

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// TestVerifyBlobs damages two old blobs (one still inflates to other
// content, one is not even zlib) and expects VerifyBlobs to name each
// document and the commit that made the content, and nothing else.
func TestVerifyBlobs(t *testing.T) {
	b := newBuilder(t)
	v1 := map[string]string{
		"processes/qt-01.md": "---\ntitle: QT 01\n---\nlần 1\n",
		"decisions/a.md":     "---\ntitle: A\n---\nlần 1\n",
	}
	c1 := b.Commit("refs/heads/master", nil, v1, "Ada", "Nhập\n")
	v2 := edit(v1, "processes/qt-01.md", "---\ntitle: QT 01\n---\nlần 2\n", "decisions/a.md", "---\ntitle: A\n---\nlần 2\n")
	c2 := b.Commit("refs/heads/master", []plumbing.Hash{c1}, v2, "Ben", "Sửa\n")
	b.checkout(c2)
	b.Damage(b.Blob(v1["processes/qt-01.md"]), plumbing.BlobObject, "nội dung khác\n")
	if err := os.WriteFile(b.ObjectPath(b.Blob(v1["decisions/a.md"])), []byte("không phải zlib"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, h := load(t, b.Dir)
	if _, err := r.Blob(b.Blob(v1["processes/qt-01.md"]).String()); err == nil || !strings.Contains(err.Error(), "không khớp mã băm") {
		t.Errorf("Blob of the damaged object: %v", err)
	}
	bad, err := h.VerifyBlobs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range bad {
		got = append(got, u.String())
	}
	short := c1.String()[:7]
	want := []string{
		"không đọc được nội dung của decisions/a.md ở lần ghi thay đổi " + short + ": ",
		"không đọc được nội dung của processes/qt-01.md ở lần ghi thay đổi " + short + ": ",
	}
	if len(got) != len(want) {
		t.Fatalf("VerifyBlobs = %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}

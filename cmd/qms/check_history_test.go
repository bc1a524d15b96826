package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/snnptnt-nghean/qms/internal/gittest"
)

// TestCheckWarnsUnreadableHistory: qms check, like qms build, warns on
// stderr about a past version of a document that cannot be read, naming
// the file and the commit; the content itself is clean, so it exits 0.
func TestCheckWarnsUnreadableHistory(t *testing.T) {
	g := gittest.New(t, time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC), time.Hour)
	const path = "decisions/2024/1-qd-ubnd.md"
	doc := func(title string) string {
		return "---\nnumber: 1/QĐ-UBND\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2024-01-02\ntitle: " + title + "\n---\n"
	}
	first := g.Commit("refs/heads/master", nil, map[string]string{path: doc("Quyết định thứ nhất")}, "An", "thêm quyết định")
	second := g.Commit("refs/heads/master", []plumbing.Hash{first}, map[string]string{path: doc("Quyết định đã sửa tên")}, "An", "sửa tên")
	g.Checkout(second, g.Dir)
	g.Damage(g.Blob(g.Files(first)[path]), plumbing.BlobObject, "hỏng\n")

	var stdout, stderr syncBuffer
	code := run(context.Background(), []string{"check", "--root", g.Dir, "--as-of", "2024-06-01"}, &stdout, &stderr)
	want := "cảnh báo: không đọc được nội dung của " + path + " ở lần ghi thay đổi " + first.String()[:7]
	if code != exitOK || !strings.Contains(stderr.String(), want) {
		t.Errorf("exit %d, stderr %q; want exit 0 and %q", code, stderr.String(), want)
	}
}

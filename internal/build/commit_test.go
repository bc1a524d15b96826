package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHeadCommit reads HEAD through a loose ref, packed-refs, a detached
// HEAD and a worktree's .git file.
func TestHeadCommit(t *testing.T) {
	const h1 = "0123456789abcdef0123456789abcdef01234567"
	const h2 = "fedcba9876543210fedcba9876543210fedcba98"
	write := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loose := t.TempDir()
	write(filepath.Join(loose, ".git", "HEAD"), "ref: refs/heads/main\n")
	write(filepath.Join(loose, ".git", "refs", "heads", "main"), h1+"\n")
	os.MkdirAll(filepath.Join(loose, "content", "processes"), 0o755)

	packed := t.TempDir()
	write(filepath.Join(packed, ".git", "HEAD"), "ref: refs/heads/main\n")
	write(filepath.Join(packed, ".git", "packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"+h2+" refs/heads/main\n")

	detached := t.TempDir()
	write(filepath.Join(detached, ".git", "HEAD"), h2+"\n")

	worktree := t.TempDir()
	write(filepath.Join(worktree, "main", ".git", "HEAD"), "ref: refs/heads/main\n")
	write(filepath.Join(worktree, "main", ".git", "refs", "heads", "main"), h2+"\n")
	write(filepath.Join(worktree, "main", ".git", "worktrees", "wt", "HEAD"), "ref: refs/heads/topic\n")
	write(filepath.Join(worktree, "main", ".git", "worktrees", "wt", "commondir"), "../..\n")
	write(filepath.Join(worktree, "main", ".git", "refs", "heads", "topic"), h1+"\n")
	write(filepath.Join(worktree, "wt", ".git"), "gitdir: ../main/.git/worktrees/wt\n")

	unborn := t.TempDir()
	write(filepath.Join(unborn, ".git", "HEAD"), "ref: refs/heads/main\n")

	tests := []struct{ dir, want string }{
		{loose, "0123456"},
		{filepath.Join(loose, "content", "processes"), "0123456"},
		{packed, "fedcba9"},
		{detached, "fedcba9"},
		{filepath.Join(worktree, "wt"), "0123456"},
		{unborn, ""},
	}
	for _, tt := range tests {
		if got := HeadCommit(tt.dir); got != tt.want {
			t.Errorf("HeadCommit(%s) = %q, want %q", tt.dir, got, tt.want)
		}
	}
}

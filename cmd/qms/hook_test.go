package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestHookScripts runs scripts/pre-commit in real git repositories
// (testdata/hook): the hook is copied into each script's work directory as
// "pre-commit", and "qms" on its PATH is this program.
func TestHookScripts(t *testing.T) {
	hook, err := os.ReadFile(filepath.Join("..", "..", "scripts", "pre-commit"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("the pre-commit tests need git:", err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/hook",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "Asia/Ho_Chi_Minh")
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_AUTHOR_NAME", "Biên tập viên")
			env.Setenv("GIT_AUTHOR_EMAIL", "bientap@example.invalid")
			env.Setenv("GIT_COMMITTER_NAME", "Biên tập viên")
			env.Setenv("GIT_COMMITTER_EMAIL", "bientap@example.invalid")
			return os.WriteFile(filepath.Join(env.WorkDir, "pre-commit"), hook, 0o755)
		},
	})
}

package main

import (
	"os"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestHistoryScripts runs the qms history scenarios in testdata/history.
// Repositories are built with go-git (gitc, see script_git_test.go); gitcf
// commits with a message read from a file, for messages with trailers.
func TestHistoryScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/history",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "Asia/Ho_Chi_Minh")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"gitc": cmdGitc,
			"gitcf": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: gitcf MESSAGE-FILE")
				}
				msg, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				repo, err := git.PlainOpen(ts.MkAbs("."))
				ts.Check(err)
				ts.Check(gitcCommit(repo, string(msg)))
			},
		},
	})
}

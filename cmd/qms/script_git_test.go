package main

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestChangeScripts runs the change-control scenarios in testdata/change:
// pull requests checked with --base, review-round reports, impact and new.
// Their git repositories are built with go-git by the gitc command, with
// a fixed author and dates, so the scenarios need no git binary.
func TestChangeScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/change",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "Asia/Ho_Chi_Minh")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"gitc":   cmdGitc,
			"fillph": cmdFillPlaceholders,
		},
	})
}

// cmdGitc is a small git for scripts, run in the current directory:
//
//	gitc init              create a repository on branch main
//	gitc commit MESSAGE    commit every file not under a dot-directory,
//	                       deletions included; the author is "Biên tập
//	                       viên", dated 2024-01-02 09:00 +07:00 plus one
//	                       day per earlier commit
//	gitc tag NAME          tag HEAD
//	gitc ref NAME          point reference NAME (refs/remotes/origin/main)
//	                       at HEAD
func cmdGitc(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("gitc does not support !")
	}
	if len(args) == 0 {
		ts.Fatalf("usage: gitc init|commit|tag|ref ...")
	}
	dir := ts.MkAbs(".")
	if args[0] == "init" {
		_, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
			InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
		})
		ts.Check(err)
		return
	}
	repo, err := git.PlainOpen(dir)
	ts.Check(err)
	switch {
	case args[0] == "commit" && len(args) == 2:
		ts.Check(gitcCommit(repo, args[1]))
	case args[0] == "tag" && len(args) == 2:
		head, err := repo.Head()
		ts.Check(err)
		_, err = repo.CreateTag(args[1], head.Hash(), nil)
		ts.Check(err)
	case args[0] == "ref" && len(args) == 2:
		head, err := repo.Head()
		ts.Check(err)
		ts.Check(repo.Storer.SetReference(plumbing.NewHashReference(plumbing.ReferenceName(args[1]), head.Hash())))
	default:
		ts.Fatalf("usage: gitc init|commit MESSAGE|tag NAME|ref NAME")
	}
}

func gitcCommit(repo *git.Repository, msg string) error {
	wt, err := repo.Worktree()
	if err != nil {
		return err
	}
	ents, err := os.ReadDir(wt.Filesystem.Root())
	if err != nil {
		return err
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := wt.AddWithOptions(&git.AddOptions{All: true, Path: e.Name()}); err != nil {
			return err
		}
	}
	n := 0
	if head, err := repo.Head(); err == nil {
		c, err := repo.CommitObject(head.Hash())
		for err == nil {
			n++
			if c.NumParents() == 0 {
				break
			}
			c, err = c.Parent(0)
		}
	} else if !errors.Is(err, plumbing.ErrReferenceNotFound) {
		return err
	}
	when := time.Date(2024, 1, 2, 9, 0, 0, 0, time.FixedZone("", 7*3600)).AddDate(0, 0, n)
	sig := &object.Signature{Name: "Biên tập viên", Email: "bientap@example.invalid", When: when}
	_, err = wt.Commit(msg, &git.CommitOptions{All: true, Author: sig, Committer: sig, AllowEmptyCommits: true})
	return err
}

var scriptPlaceholder = regexp.MustCompile(`<điền[^>\n]*>?`)

// cmdFillPlaceholders fills every "<điền …>" of a file with a plausible
// value for what it asks (a date, a duration, a document number, a code,
// else some text), the way an editor would:
//
//	fillph FILE [NUMBER]
//
// NUMBER is the decision number to write where one is asked for
// (default 61/2018/NĐ-CP).
func cmdFillPlaceholders(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: fillph FILE [NUMBER]")
	}
	number := "61/2018/NĐ-CP"
	if len(args) == 2 {
		number = args[1]
	}
	p := ts.MkAbs(args[0])
	b, err := os.ReadFile(p)
	ts.Check(err)
	out := scriptPlaceholder.ReplaceAllStringFunc(string(b), func(ph string) string {
		switch {
		case strings.Contains(ph, "YYYY-MM-DD"):
			return "2024-03-01"
		case strings.Contains(ph, "thời gian, ví dụ"):
			return "04 giờ làm việc"
		case strings.Contains(ph, "thời hạn giải quyết, ví dụ"):
			return "07 ngày làm việc"
		case strings.Contains(ph, "số văn bản"), strings.Contains(ph, "số quyết định"):
			return number
		case strings.Contains(ph, "mã thủ tục"):
			return "NA-TS-01"
		}
		return "Nội dung đã điền"
	})
	ts.Check(os.WriteFile(p, []byte(out), 0o644))
}

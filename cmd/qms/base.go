package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/snnptnt-nghean/qms/internal/change"
	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/history"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/rules"
)

// allChecks is every rule `qms check` knows (internal/rules).
func allChecks() []*check.Check { return rules.All() }

// checkBase compares the content root's working tree with its state at the
// git revision ref and returns the change-control diagnostics (CC001…).
// The base is read from the repository's objects, so ref must be in the
// local repository (in CI: fetch with full history). head is the working
// tree's corpus, already loaded by the other checks.
func checkBase(e *env, root, ref string, head *qms.Corpus, today qms.Date) ([]qms.Diagnostic, error) {
	abs := absRoot(e, root)
	repo, err := history.Open(abs)
	if errors.Is(err, history.ErrNotRepo) {
		return nil, fmt.Errorf("--base %s: %s không nằm trong một kho git", ref, root)
	}
	if err != nil {
		return nil, fmt.Errorf("--base %s: %w", ref, err)
	}
	defer repo.Close()
	snap, err := repo.Snapshot(ref)
	if err != nil {
		return nil, fmt.Errorf("--base: %w", err)
	}
	return compareWith(abs, snap, head, today, ref), nil
}

// checkBaseDir is checkBase with the base read from the folder dir (a
// content root) instead of a git revision: the pre-commit hook exports the
// last commit's documents there and compares the staged ones with them.
func checkBaseDir(e *env, root, dir string, head *qms.Corpus, today qms.Date) ([]qms.Diagnostic, error) {
	abs := absRoot(e, dir)
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--base-dir: %s không phải thư mục", dir)
	}
	return compareWith(absRoot(e, root), os.DirFS(abs), head, today, "lần ghi thay đổi trước"), nil
}

// compareWith runs the change-control rules on the working tree at root
// (its corpus head) against the content root base, named name in the
// findings. The base loader's diagnostics are not this change's; the
// head's were reported by the other checks.
func compareWith(root string, base fs.FS, head *qms.Corpus, today qms.Date, name string) []qms.Diagnostic {
	b, _ := change.LoadTree(base)
	headTree := change.NewTree(head, change.ListFiles(os.DirFS(root)))
	return change.Compare(b, headTree, change.Options{Today: today, BaseName: name})
}

// warnUnreadableHistory reads every past version of the documents once
// and prints a warning on stderr for each that cannot be read (a damaged
// object names its commit and path), as qms build does: otherwise only
// that revision's page would say so. Outside a git repository, or when
// the history cannot be loaded at all, it says nothing: check does not
// need git.
func warnUnreadableHistory(ctx context.Context, e *env, root string) {
	repo, err := history.Open(absRoot(e, root))
	if err != nil {
		return
	}
	defer repo.Close()
	h, err := repo.Load(ctx)
	if err != nil {
		return
	}
	bad, err := h.VerifyBlobs(ctx)
	if err != nil {
		return
	}
	for _, u := range bad {
		fmt.Fprintf(e.Stderr, "cảnh báo: %s\n", u)
	}
}

// Package corpusgen generates synthetic quality manuals in the qms schema
// (docs/mo-hinh-noi-dung.md), for measuring `qms build` and the history extraction
// at scale. Output is deterministic for given Options.
//
// Documents: a fifth are decisions (the Department's approval decisions,
// national decrees and circulars, UBND decisions announcing procedures, and
// uncited letters and plans), the rest administrative procedures and the
// task processes implementing them, in sub-folders (decisions by year,
// procedures by field, processes by unit). Every reference resolves, every
// process cites only documents issued on or before its effective date, step
// times fit the procedure's time limit and every body link points at an
// existing file, so `qms check` reports no error.
//
// History (WriteRepo, WriteStream): the first commit imports most
// documents, the rest are added along the way; other commits edit one to
// five documents (half of the picks among a "hot" tenth), a fraction move a
// process or procedure to another sub-folder (a rename with a small edit)
// or delete an uncited decision; a fraction of the changes go through side
// branches merged with real two-parent merge commits, some of which resolve
// a conflict with a version that differs from both parents. Process edits
// raise `revision` and carry `Approved-by:` and `Change-reason:` trailers.
// A file path is never reused by another document or by a document that
// left it. WriteRepo needs the git binary (tooling only; qms itself never
// runs git).
package corpusgen

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Options control the generated corpus.
type Options struct {
	// Docs is the number of documents at the end (deletes remove a few).
	Docs int
	// Commits is the number of commits, merges included.
	Commits int
	// PR is the fraction of changes made on merged side branches (0.3).
	PR float64
	// Renames and Deletes are the fractions of commits that move or delete
	// a document (0.01, 0.005).
	Renames, Deletes float64
	// Seed seeds the generator (1).
	Seed int64
}

func (o Options) withDefaults() Options {
	if o.Docs <= 0 {
		o.Docs = 1000
	}
	if o.PR == 0 {
		o.PR = 0.3
	}
	if o.PR < 0 {
		o.PR = 0
	}
	if o.Renames == 0 {
		o.Renames = 0.01
	}
	if o.Deletes == 0 {
		o.Deletes = 0.005
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

// Stats describe a generated history.
type Stats struct {
	Commits, Merges, Renames, Deletes int
	// Docs is the number of documents at the end.
	Docs int
	// Head maps each path at the end to its content.
	Head map[string]string
}

// WriteFiles writes a corpus without history into dir (created if needed)
// and returns the number of files written.
func WriteFiles(dir string, opt Options) (int, error) {
	files := Files(opt)
	if err := writeTree(dir, files); err != nil {
		return 0, err
	}
	return len(files), nil
}

func writeTree(dir string, files map[string]string) error {
	made := map[string]bool{}
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteRepo creates a git repository in dir (which must not exist) holding
// the generated history on branch main, packed as a fresh clone is (`git
// repack -adf`), with main checked out. It runs the git binary; progress
// and git's messages go to log.
func WriteRepo(ctx context.Context, dir string, opt Options, log io.Writer) (Stats, error) {
	if _, err := os.Stat(dir); err == nil {
		return Stats{}, fmt.Errorf("%s đã tồn tại", dir)
	}
	git := func(args ...string) error {
		c := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
		c.Stdout, c.Stderr = log, log
		if err := c.Run(); err != nil {
			return fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	if err := git("init", "-q", "-b", "main"); err != nil {
		return Stats{}, err
	}
	imp := exec.CommandContext(ctx, "git", "-C", dir, "fast-import", "--quiet")
	var stderr bytes.Buffer
	imp.Stderr = &stderr
	in, err := imp.StdinPipe()
	if err != nil {
		return Stats{}, err
	}
	if err := imp.Start(); err != nil {
		return Stats{}, fmt.Errorf("git fast-import: %w", err)
	}
	st, werr := WriteStream(in, opt)
	in.Close()
	if err := imp.Wait(); err != nil {
		return Stats{}, fmt.Errorf("git fast-import: %w: %s", err, stderr.String())
	}
	if werr != nil {
		return Stats{}, werr
	}
	out, err := exec.CommandContext(ctx, "git", "-C", dir, "for-each-ref", "--format=%(refname)", "refs/heads/pr-*").Output()
	if err != nil {
		return Stats{}, fmt.Errorf("git for-each-ref: %w", err)
	}
	for _, ref := range strings.Fields(string(out)) {
		if err := git("update-ref", "-d", ref); err != nil {
			return Stats{}, err
		}
	}
	for _, args := range [][]string{{"repack", "-adf", "-q"}, {"prune"}, {"checkout", "-q", "-f", "main"}} {
		if err := git(args...); err != nil {
			return Stats{}, err
		}
	}
	return st, nil
}

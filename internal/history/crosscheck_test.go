package history

import (
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// gitOut runs the git binary (installed wherever the tests run; qms itself
// never needs it) and returns its output.
func gitOut(t testing.TB, dir string, args ...string) string {
	t.Helper()
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).Output()
	if err != nil {
		t.Fatalf("git %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// TestAgainstGit compares every document's revisions on a generated
// repository (merges, conflict resolutions, discarded side changes, moves,
// deletions) with what `git log -- FILE` lists for each path the document
// had, and the commit order with `git log`.
func TestAgainstGit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "repo")
	st, err := corpusgen.WriteRepo(context.Background(), dir,
		corpusgen.Options{Docs: 250, Commits: 700, Renames: 0.04, Deletes: 0.02}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	_, h := load(t, dir)
	n := compareWithGit(t, dir, h)
	t.Logf("%d commits, %d merges; %+v", st.Commits, st.Merges, n)
	// The corpus must exercise what this test is about.
	if n.renames == 0 || n.resolutions == 0 || n.sideCommits == 0 || len(h.Deleted()) == 0 {
		t.Errorf("corpus too tame: %+v, %d deleted", n, len(h.Deleted()))
	}

	// A shallow clone (CI's fetch-depth): git log stops at the boundary and
	// lists it as adding every file it has; so must we, marked Boundary.
	shallow := filepath.Join(t.TempDir(), "shallow")
	gitOut(t, ".", "clone", "-q", "--depth", "40", "file://"+dir, shallow)
	_, hs := load(t, shallow)
	if !hs.Shallow || hs.ShallowSince.IsZero() {
		t.Fatalf("shallow clone: Shallow %v, since %v", hs.Shallow, hs.ShallowSince)
	}
	ns := compareWithGit(t, shallow, hs)
	t.Logf("shallow clone (depth 40): %+v, complete since %s", ns, hs.ShallowSince.Format("02/01/2006"))
	if ns.boundary == 0 {
		t.Errorf("shallow clone: no boundary revisions: %+v", ns)
	}
	for _, p := range hs.Paths() {
		revs := hs.Revisions(p)
		if last := revs[len(revs)-1]; last.Boundary != last.Commit.Boundary || last.Boundary && last.Change != "" {
			t.Errorf("shallow clone, %s: oldest revision %+v", p, last)
		}
	}
}

// gitCounts says what a comparison met.
type gitCounts struct {
	paths, renames, resolutions, sideCommits, boundary int
}

// compareWithGit checks h against the git binary on repository dir.
func compareWithGit(t *testing.T, dir string, h *History) gitCounts {
	t.Helper()
	var n gitCounts
	var got []string
	for _, c := range h.Commits {
		got = append(got, c.Hash)
	}
	if want := strings.Fields(gitOut(t, dir, "log", "--format=%H")); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("commit order differs from git log (%d vs %d commits)", len(got), len(want))
	}

	var atHead []string
	for _, p := range strings.Fields(gitOut(t, dir, "ls-tree", "-r", "--name-only", "HEAD")) {
		if strings.HasSuffix(p, ".md") {
			atHead = append(atHead, p)
		}
	}
	if strings.Join(atHead, " ") != strings.Join(h.Paths(), " ") {
		t.Errorf("Paths() has %d files, HEAD has %d", len(h.Paths()), len(atHead))
	}

	docs := append(append([]string(nil), h.Paths()...), h.Deleted()...)
	for _, doc := range docs {
		revs := h.Revisions(doc)
		if len(revs) == 0 {
			t.Errorf("%s: no revisions", doc)
			continue
		}
		// Each path the document had, with the revisions made at it.
		byPath := map[string][]string{}
		var order []string
		for _, r := range revs {
			if _, ok := byPath[r.Path]; !ok {
				order = append(order, r.Path)
			}
			byPath[r.Path] = append(byPath[r.Path], r.Commit.Hash)
			if r.OldPath != "" {
				n.renames++
			}
			if r.Commit.Merge {
				n.resolutions++
			}
			if h.MergedBy(r.Commit.Hash) != nil {
				n.sideCommits++
			}
			if r.Boundary {
				n.boundary++
			}
		}
		for _, p := range order {
			want := movesAway(t, dir, p, strings.Fields(gitOut(t, dir, "log", "--format=%H", "--", p)))
			if strings.Join(byPath[p], " ") != strings.Join(want, " ") {
				t.Errorf("%s, path %s:\n got %q\nwant %q (git log -- %s, without moves away)", doc, p, byPath[p], want, p)
			}
			n.paths++
		}
	}
	return n
}

// movesAway drops from commits (git log -- p) those that moved p away: p is
// gone after the commit, which added a file of the same name elsewhere (the
// generator keeps file names when it moves a document). git lists such a
// commit in the old path's log; the document's history lists it at the new
// path, as a rename.
func movesAway(t *testing.T, dir, p string, commits []string) []string {
	var out []string
	base := p[strings.LastIndex(p, "/")+1:]
	for _, c := range commits {
		if exec.Command("git", "-C", dir, "cat-file", "-e", c+":"+p).Run() == nil {
			out = append(out, c)
			continue
		}
		parents := strings.Fields(gitOut(t, dir, "rev-list", "--parents", "-n1", c))[1:]
		if len(parents) == 0 {
			out = append(out, c)
			continue
		}
		moved := false
		for _, line := range strings.Split(gitOut(t, dir, "diff-tree", "-r", "--no-renames", "--name-status", parents[0], c), "\n") {
			if st, path, ok := strings.Cut(line, "\t"); ok && st == "A" && strings.HasSuffix(path, "/"+base) {
				moved = true
			}
		}
		if !moved {
			out = append(out, c)
		}
	}
	return out
}

// TestPacked reads the scenario repository loose (through go-git), then
// packed with deltas against base offsets and with deltas against base
// hashes (as some servers send them), and expects the same history.
func TestPacked(t *testing.T) {
	s := newScenario(t)
	root := filepath.Join(s.b.Dir, "manual")
	snapshot := func() string {
		_, h := load(t, root)
		var b strings.Builder
		for _, p := range append(h.Paths(), h.Deleted()...) {
			for _, line := range s.describe(h.Revisions(p)) {
				b.WriteString(line + "\n")
			}
		}
		for _, c := range h.Commits {
			b.WriteString(s.name(c.Hash) + " " + c.Subject + "\n")
		}
		return b.String()
	}
	loose := snapshot()
	for _, mode := range []string{"false", "true"} {
		gitOut(t, s.b.Dir, "-c", "repack.useDeltaBaseOffset="+mode, "repack", "-adf", "-q", "--window=50", "--depth=50")
		gitOut(t, s.b.Dir, "prune")
		if out := gitOut(t, s.b.Dir, "count-objects", "-v"); !strings.Contains(out, "count: 0\n") || !strings.Contains(out, "packs: 1\n") {
			t.Fatalf("repack left loose objects:\n%s", out)
		}
		idx, _ := filepath.Glob(filepath.Join(s.b.Dir, ".git", "objects", "pack", "*.idx"))
		deltas := 0
		for _, line := range strings.Split(gitOut(t, s.b.Dir, append([]string{"verify-pack", "-v"}, idx...)...), "\n") {
			if f := strings.Fields(line); len(f) == 7 && (f[1] == "tree" || f[1] == "blob") {
				deltas++
			}
		}
		if deltas == 0 {
			t.Fatalf("useDeltaBaseOffset=%s: the pack has no deltas to resolve", mode)
		}
		if got := snapshot(); got != loose {
			t.Errorf("useDeltaBaseOffset=%s: packed history differs:\n%s\nloose:\n%s", mode, got, loose)
		}
	}
}

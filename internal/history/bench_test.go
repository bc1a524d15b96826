package history

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

// BenchmarkLoad measures Open+Load on a generated repository and reports
// the ratio to the floor, one `git log --raw -c --no-abbrev` over the same
// repository. QMS_BENCH_REPO names a repository to
// use instead, e.g. one made by
//
//	go run ./internal/cmd/gencorpus -out /tmp/q10k -n 10000 -m 5000
//
// The target (issue 11) is at most 2× git log;
// scripts/bench-history.sh measures wall time and peak memory per process.
func BenchmarkLoad(b *testing.B) {
	dir := os.Getenv("QMS_BENCH_REPO")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "repo")
		if _, err := corpusgen.WriteRepo(context.Background(), dir, corpusgen.Options{Docs: 1000, Commits: 2000}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	floor := gitLogTime(b, dir)
	b.ReportAllocs()
	b.ResetTimer()
	var revs int
	for b.Loop() {
		r, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		h, err := r.Load(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		revs = 0
		for _, p := range h.Paths() {
			revs += len(h.Revisions(p))
		}
		r.Close()
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(perOp/floor.Seconds(), "x-gitlog")
	b.ReportMetric(float64(revs), "revisions")
}

// gitLogTime is the median of five runs of the floor command.
func gitLogTime(b *testing.B, dir string) time.Duration {
	var ts []time.Duration
	for i := 0; i < 5; i++ {
		c := exec.Command("git", "-C", dir, "log", "--raw", "-c", "--no-abbrev", "--format=%H%x1f%P%x1f%an%x1f%aI%x1f%s")
		c.Stdout = io.Discard
		start := time.Now()
		if err := c.Run(); err != nil {
			b.Fatal(err)
		}
		ts = append(ts, time.Since(start))
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	return ts[len(ts)/2]
}

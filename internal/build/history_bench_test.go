package build

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// BenchmarkBuildHistory measures a whole build of a generated repository
// with its history (every history page, revision page and feed) and
// without it, and reports the files written. QMS_BENCH_REPO names a
// repository to use instead, e.g. the 10,000-document one of
// scripts/bench-history.sh:
//
//	go run ./internal/cmd/gencorpus -out /tmp/q10k -n 10000 -m 5000
//	QMS_BENCH_REPO=/tmp/q10k go test ./internal/build -run '^$' -bench BuildHistory -benchtime 3x
//
// The target (issue 4) is half of Hugo's wall time and peak memory on the
// 10,000-document repository; the script measures those per process.
func BenchmarkBuildHistory(b *testing.B) {
	dir := os.Getenv("QMS_BENCH_REPO")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "repo")
		if _, err := corpusgen.WriteRepo(context.Background(), dir, corpusgen.Options{Docs: 1000, Commits: 1000}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(b.TempDir(), "public")
	for _, c := range []struct {
		name      string
		noHistory bool
	}{{"history", false}, {"no-history", true}} {
		b.Run(c.name, func(b *testing.B) {
			var res *Result
			for b.Loop() {
				var err error
				res, err = Build(context.Background(), Options{Root: dir, Out: out, AsOf: qms.Date{Year: 2025, Month: 6, Day: 1}, NoHistory: c.noHistory})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Files), "files")
			b.ReportMetric(float64(res.Files)/(b.Elapsed().Seconds()/float64(b.N)), "files/s")
		})
	}
}

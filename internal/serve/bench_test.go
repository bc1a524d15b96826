package serve

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// BenchmarkScan measures one look at the files of a generated corpus of
// 10,000 documents, as Watch does every Interval (the interval stretches
// to five scans, so that watching takes at most a fifth of a CPU).
func BenchmarkScan(b *testing.B) {
	root := b.TempDir()
	if _, err := corpusgen.WriteFiles(root, corpusgen.Options{Docs: 10000}); err != nil {
		b.Fatal(err)
	}
	var dirs []watched
	for _, k := range qms.Kinds {
		dirs = append(dirs, watched{dir: filepath.Join(root, k.Dir()), keep: contentFile})
	}
	// As Watch sees them: written long enough ago not to be hashed.
	now := time.Now().Add(time.Minute)
	t, _, err := scan(dirs, nil, now)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(t)), "files")
	for b.Loop() {
		var diff []string
		if t, diff, err = scan(dirs, t, now); err != nil || len(diff) != 0 {
			b.Fatalf("scan: %v, %d changed", err, len(diff))
		}
	}
}

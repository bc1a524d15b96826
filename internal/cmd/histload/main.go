// Command histload reads the git history of every document of a content
// root once (history.Open + Load) and prints what it found. It exists to
// time the extraction alone: scripts/bench-history.sh runs it under
// /usr/bin/time next to `git log` and Hugo.
//
// Usage:
//
//	go run ./internal/cmd/histload [-n RUNS] CONTENT_ROOT
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/snnptnt-nghean/qms/internal/history"
)

func main() {
	runs := flag.Int("n", 1, "số lần nạp (in thời gian từng lần)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "cách dùng: histload [-n RUNS] CONTENT_ROOT")
		os.Exit(2)
	}
	for i := 0; i < *runs; i++ {
		if err := load(flag.Arg(0), *runs > 1); err != nil {
			fmt.Fprintln(os.Stderr, "histload:", err)
			os.Exit(1)
		}
	}
}

func load(root string, timing bool) error {
	start := time.Now()
	r, err := history.Open(root)
	if err != nil {
		return err
	}
	defer r.Close()
	h, err := r.Load(context.Background())
	if err != nil {
		return err
	}
	revs := 0
	for _, p := range h.Paths() {
		revs += len(h.Revisions(p))
	}
	fmt.Printf("%d commit, %d tài liệu, %d tài liệu đã xoá, %d phiên bản, %d merge được gom nhóm, shallow=%v\n",
		len(h.Commits), len(h.Paths()), len(h.Deleted()), revs, len(h.Groups), h.Shallow)
	if timing {
		fmt.Fprintf(os.Stderr, "%.3fs\n", time.Since(start).Seconds())
	}
	return nil
}

//go:build unix

// Command writefloor measures the file-system floor of a site build: it
// reads a built site into memory and times writing the same files again,
// with one writer per CPU as qms build has. By default it rewrites them in
// place, as a generator does over its previous output (Hugo overwrites
// public/, qms recycles it); with -fresh it creates the directories and
// files in a new directory next to the site, as a build from a clean
// checkout does. No site generator can write that tree faster on the
// machine, so scripts/bench-history.sh prints it beside qms build and Hugo.
//
// Usage:
//
//	go run ./internal/cmd/writefloor [-n RUNS] [-fresh] SITE_DIR
//
// Each run starts after sync(2), so that it does not pay for writing back
// the previous run's files or their removal.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"syscall"
	"time"
)

type file struct {
	rel  string
	data []byte
}

func main() {
	runs := flag.Int("n", 3, "số lần đo")
	fresh := flag.Bool("fresh", false, "tạo cây thư mục mới thay vì ghi đè các tệp sẵn có")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "cách dùng: writefloor [-n RUNS] SITE_DIR")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *runs, *fresh); err != nil {
		fmt.Fprintln(os.Stderr, "writefloor:", err)
		os.Exit(1)
	}
}

func run(site string, runs int, fresh bool) error {
	var dirs []string
	var files []file
	var size int64
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(site, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if rel != "." {
				dirs = append(dirs, rel)
			}
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		size += int64(len(b))
		files = append(files, file{rel, b})
		return nil
	})
	if err != nil {
		return err
	}
	var times []time.Duration
	// Fresh trees are removed only after the last run: deleting tens of
	// thousands of files leaves the file system work that would slow the
	// next run down (measured here: 2 s for the first run, 17 and 31 s for
	// runs that followed a removal).
	var made []string
	defer func() {
		for _, d := range made {
			_ = os.RemoveAll(d)
		}
	}()
	for r := 0; r < runs; r++ {
		dst := site
		if fresh {
			if dst, err = os.MkdirTemp(filepath.Dir(filepath.Clean(site)), ".writefloor-"); err != nil {
				return err
			}
			made = append(made, dst)
		}
		syscall.Sync()
		t0 := time.Now()
		err = write(dst, dirs, files, fresh)
		elapsed := time.Since(t0)
		if err != nil {
			return err
		}
		times = append(times, elapsed)
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	how := "rewritten in place"
	if fresh {
		how = "created afresh"
	}
	fmt.Printf("%d files, %d directories, %.1f MiB %s: median %.3f s (runs: %v)\n",
		len(files), len(dirs), float64(size)/(1<<20), how, times[len(times)/2].Seconds(), times)
	return nil
}

// write makes dirs (parents first, as WalkDir listed them) when fresh,
// and writes files on one goroutine per CPU.
func write(dst string, dirs []string, files []file, fresh bool) error {
	for _, d := range dirs {
		if !fresh {
			break
		}
		if err := os.Mkdir(filepath.Join(dst, d), 0o755); err != nil {
			return err
		}
	}
	jobs := make(chan file)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range jobs {
				if err := os.WriteFile(filepath.Join(dst, f.rel), f.data, 0o644); err != nil {
					errs <- err
					for range jobs {
					}
					return
				}
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

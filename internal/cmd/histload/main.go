// Command histload reads the git history of every document of a content
// root once (history.Open + Load) and prints what it found. It exists to
// time the extraction alone: scripts/bench-history.sh runs it under
// /usr/bin/time next to `git log` and Hugo.
//
// With -dump it prints everything Load found instead (every commit, every
// document's revisions, the merge groups) and reads every revision's blobs
// through Repo.Blob, checking each against its hash, so that two versions
// of the history package can be compared on a real repository. With
// -blobs it reads those blobs after the load (from -j goroutines), to time
// Repo.Blob. With -verify it runs History.VerifyBlobs after the load (as
// qms build does) and prints what cannot be read.
//
// Usage:
//
//	go run ./internal/cmd/histload [-n RUNS] [-dump] [-blobs] [-j N] [-verify] [-cpuprofile FILE] CONTENT_ROOT
package main

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/snnptnt-nghean/qms/internal/history"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

func main() {
	runs := flag.Int("n", 1, "số lần nạp (in thời gian từng lần)")
	dump := flag.Bool("dump", false, "in toàn bộ lịch sử và kiểm tra mọi blob")
	blobs := flag.Bool("blobs", false, "đọc mọi blob của các phiên bản sau khi nạp")
	jobs := flag.Int("j", 1, "số goroutine đọc blob (với -blobs)")
	verify := flag.Bool("verify", false, "đọc nội dung mọi phiên bản một lần (VerifyBlobs) sau khi nạp")
	prof := flag.String("cpuprofile", "", "ghi hồ sơ CPU vào tệp này")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "cách dùng: histload [-n RUNS] [-dump] [-blobs] [-j N] [-verify] [-cpuprofile FILE] CONTENT_ROOT")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *runs, *dump, *blobs, *verify, *jobs, *prof); err != nil {
		fmt.Fprintln(os.Stderr, "histload:", err)
		os.Exit(1)
	}
}

func run(root string, runs int, dump, blobs, verify bool, jobs int, prof string) error {
	if prof != "" {
		f, err := os.Create(prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	for i := 0; i < runs; i++ {
		if err := load(root, runs > 1, dump, blobs, verify, jobs); err != nil {
			return err
		}
	}
	return nil
}

func load(root string, timing, dump, blobs, verify bool, jobs int) error {
	start, cpu := time.Now(), cpuTime()
	r, err := history.Open(root)
	if err != nil {
		return err
	}
	defer r.Close()
	h, err := r.Load(context.Background())
	if err != nil {
		return err
	}
	if dump {
		w := bufio.NewWriter(os.Stdout)
		if err := dumpHistory(w, r, h); err != nil {
			return err
		}
		return w.Flush()
	}
	revs := 0
	for _, p := range h.Paths() {
		revs += len(h.Revisions(p))
	}
	fmt.Printf("%d commit, %d tài liệu, %d tài liệu đã xóa, %d phiên bản, %d merge được gom nhóm, shallow=%v\n",
		len(h.Commits), len(h.Paths()), len(h.Deleted()), revs, len(h.Groups), h.Shallow)
	if timing {
		fmt.Fprintf(os.Stderr, "nạp %.3fs (CPU %.3fs)\n", time.Since(start).Seconds(), (cpuTime() - cpu).Seconds())
	}
	if verify {
		t, cpu := time.Now(), cpuTime()
		bad, err := h.VerifyBlobs(context.Background())
		if err != nil {
			return err
		}
		for _, u := range bad {
			fmt.Println(u)
		}
		fmt.Printf("%d nội dung không đọc được\n", len(bad))
		if timing {
			fmt.Fprintf(os.Stderr, "kiểm tra blob %.3fs (CPU %.3fs)\n", time.Since(t).Seconds(), (cpuTime() - cpu).Seconds())
		}
	}
	if blobs {
		t, cpu := time.Now(), cpuTime()
		n, size, err := readBlobs(r, h, jobs)
		if err != nil {
			return err
		}
		fmt.Printf("%d blob, %d byte\n", n, size)
		if timing {
			fmt.Fprintf(os.Stderr, "đọc blob %.3fs (CPU %.3fs)\n", time.Since(t).Seconds(), (cpuTime() - cpu).Seconds())
		}
	}
	return nil
}

// revisionBlobs lists the distinct blobs of every revision, in document
// order (as revision pages read them).
func revisionBlobs(h *history.History) []string {
	seen := map[string]bool{}
	var out []string
	add := func(b string) {
		if b != "" && !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	for _, ps := range [][]string{h.Paths(), h.Deleted()} {
		for _, p := range ps {
			for _, rv := range h.Revisions(p) {
				add(rv.Blob)
				add(rv.ParentBlob)
			}
		}
	}
	return out
}

// readBlobs reads every revision blob through Repo.Blob from jobs
// goroutines and checks each against its hash.
func readBlobs(r *history.Repo, h *history.History, jobs int) (n int, size int64, err error) {
	bs := revisionBlobs(h)
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := 0
	for j := 0; j < max(1, jobs); j++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if next == len(bs) || err != nil {
					mu.Unlock()
					return
				}
				b := bs[next]
				next++
				mu.Unlock()
				data, e := r.Blob(b)
				if e == nil && blobHash(data) != b {
					e = fmt.Errorf("blob %s: nội dung đọc được có mã băm %s", b, blobHash(data))
				}
				mu.Lock()
				if e != nil && err == nil {
					err = e
				}
				n++
				size += int64(len(data))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return n, size, err
}

func blobHash(b []byte) string {
	s := sha1.New()
	io.WriteString(s, "blob "+strconv.Itoa(len(b))+"\x00")
	s.Write(b)
	return hex.EncodeToString(s.Sum(nil))
}

func dumpHistory(w io.Writer, r *history.Repo, h *history.History) error {
	fmt.Fprintf(w, "shallow=%v since=%v\n", h.Shallow, h.ShallowSince)
	for _, c := range h.Commits {
		dumpCommit(w, "commit", c)
	}
	if h.Head != nil {
		fmt.Fprintf(w, "head %s\n", h.Head.Hash)
	}
	dumpRevs := func(kind string, ps []string) {
		for _, p := range ps {
			fmt.Fprintf(w, "%s %q\n", kind, p)
			for _, rv := range h.Revisions(p) {
				dumpRev(w, rv)
			}
		}
	}
	dumpRevs("doc", h.Paths())
	dumpRevs("deleted", h.Deleted())
	for _, g := range h.Groups {
		fmt.Fprintf(w, "group %s paths=%q\n", g.Merge.Hash, g.Paths)
		for _, c := range g.Commits {
			fmt.Fprintf(w, "  member %s mergedby=%s\n", c.Hash, h.MergedBy(c.Hash).Hash)
		}
	}
	hashes := make([]string, len(h.Commits))
	for i, c := range h.Commits {
		hashes[i] = c.Hash
	}
	sort.Strings(hashes)
	for _, c := range hashes {
		if rs := h.Changes(c); len(rs) > 0 {
			fmt.Fprintf(w, "changes %s\n", c)
			for _, rv := range rs {
				dumpRev(w, rv)
			}
		}
		if h.Commit(c) == nil || h.Commit(c).Hash != c {
			return fmt.Errorf("Commit(%s) không tìm thấy", c)
		}
	}
	n, size, err := readBlobs(r, h, 1)
	fmt.Fprintf(w, "%d blob, %d byte\n", n, size)
	return err
}

func dumpCommit(w io.Writer, kind string, c *qms.Commit) {
	fmt.Fprintf(w, "%s %s %s %q %v %v %q %q %q %v %v %v\n", kind, c.Hash, c.Short, c.Author,
		c.Date.Format(time.RFC3339Nano), c.CommitDate.Format(time.RFC3339Nano),
		c.Subject, c.Body, c.Trailers, c.Parents, c.Merge, c.Boundary)
}

func dumpRev(w io.Writer, rv qms.Revision) {
	fmt.Fprintf(w, "  %s %q %q %s %s %v %v\n", rv.Commit.Hash, rv.Path, rv.OldPath, rv.Blob, rv.ParentBlob, rv.Change, rv.Boundary)
}

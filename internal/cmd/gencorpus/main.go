// Command gencorpus generates a synthetic quality manual in the qms schema,
// for measurements (see package corpusgen).
//
// Usage:
//
//	go run ./internal/cmd/gencorpus -out /tmp/corpus/files10k -n 10000            # files only
//	go run ./internal/cmd/gencorpus -out /tmp/corpus/n10k -n 10000 -m 5000         # git repository
//	go run ./internal/cmd/gencorpus -stream /tmp/n1k.fi -n 1000 -m 2000            # fast-import stream
//
// With -m, the repository is made with `git fast-import` and `git repack`
// (the git binary is needed for this tool only).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
)

func main() {
	out := flag.String("out", "", "thư mục tạo ra (chưa tồn tại khi có -m)")
	stream := flag.String("stream", "", "ghi luồng git fast-import vào tệp này thay vì tạo kho")
	var o corpusgen.Options
	flag.IntVar(&o.Docs, "n", 1000, "số tài liệu")
	flag.IntVar(&o.Commits, "m", 0, "số commit (0: chỉ tạo tệp, không có git)")
	flag.Float64Var(&o.PR, "pr", 0.3, "tỉ lệ thay đổi qua nhánh phụ được merge")
	flag.Float64Var(&o.Renames, "renames", 0.01, "tỉ lệ commit chuyển thư mục một tài liệu")
	flag.Float64Var(&o.Deletes, "deletes", 0.005, "tỉ lệ commit xóa một văn bản")
	flag.Int64Var(&o.Seed, "seed", 1, "hạt giống ngẫu nhiên")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *out, *stream, o); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out, stream string, o corpusgen.Options) error {
	start := time.Now()
	switch {
	case stream != "":
		if o.Commits < 1 {
			return fmt.Errorf("-stream cần -m")
		}
		f, err := os.Create(stream)
		if err != nil {
			return err
		}
		st, err := corpusgen.WriteStream(f, o)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		report(stream, st, start)
	case out == "":
		return fmt.Errorf("cần -out DIR hoặc -stream FILE")
	case o.Commits == 0:
		n, err := corpusgen.WriteFiles(out, o)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "đã tạo %s: %d tài liệu, %.1fs\n", out, n, time.Since(start).Seconds())
	default:
		st, err := corpusgen.WriteRepo(ctx, out, o, os.Stderr)
		if err != nil {
			return err
		}
		report(out, st, start)
	}
	return nil
}

func report(where string, st corpusgen.Stats, start time.Time) {
	fmt.Fprintf(os.Stderr, "đã tạo %s: %d commit (%d merge), %d tài liệu, %d lần chuyển, %d lần xóa, %.1fs\n",
		where, st.Commits, st.Merges, st.Docs, st.Renames, st.Deletes, time.Since(start).Seconds())
}

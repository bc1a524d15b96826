package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/snnptnt-nghean/qms/internal/build"
)

var cmdServe = &command{
	Name:  "serve",
	Usage: "serve [--root DIR] [--addr 127.0.0.1:8080] [--drafts] [--as-of YYYY-MM-DD]",
	Short: "dựng site vào thư mục tạm và mở để đọc trên máy này",
	Long: `Serve dựng site như "qms build" vào một thư mục tạm rồi phục vụ nó qua HTTP tại --addr
(mặc định 127.0.0.1:8080, chỉ máy này truy cập được) và in địa chỉ để mở trong trình duyệt.

Khác với build, serve vẫn dựng khi nội dung có lỗi: lỗi được in ra và hiện trên trang của
tài liệu bị lỗi, để người soạn thấy ngay. Nhấn Ctrl+C để dừng; thư mục tạm được xóa.`,
	Run: runServe,
}

func runServe(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("serve", e)
	var f siteFlags
	f.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "địa chỉ lắng nghe host:cổng")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.Stderr, "qms serve: tham số thừa %q\n", fs.Arg(0))
		return exitUsage
	}
	asOf, err := buildDate(f.asOf)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms serve: %v\n", err)
		return exitUsage
	}
	tmp, err := os.MkdirTemp("", "qms-serve-")
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms serve: %v\n", err)
		return exitUsage
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "site")
	res, err := build.Build(ctx, build.Options{
		Root: absRoot(e, f.root), Out: out, Drafts: f.drafts, Force: true, AsOf: asOf, Stderr: e.Stderr,
	})
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms serve: %v\n", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms serve: %v\n", err)
		return exitUsage
	}
	srv := &http.Server{Handler: siteHandler(out), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(e.Stdout, "Đã dựng %d tệp; hiệu lực tính đến %s.\nMở http://%s/ trong trình duyệt (Ctrl+C để dừng).\n",
		res.Files, asOf.VN(), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		return exitOK
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return exitOK
		}
		fmt.Fprintf(e.Stderr, "qms serve: %v\n", err)
		return exitUsage
	}
}

// siteHandler serves the static site in dir the way a static host does: a
// directory serves its index.html, a missing file the site's 404.html with
// status 404, and there are no directory listings.
func siteHandler(dir string) http.Handler {
	notFound := func(w http.ResponseWriter) {
		b, err := os.ReadFile(filepath.Join(dir, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if err == nil {
			_, _ = w.Write(b)
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		full := filepath.Join(dir, filepath.FromSlash(p))
		st, err := os.Stat(full)
		if err == nil && st.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			full = filepath.Join(full, "index.html")
			st, err = os.Stat(full)
		}
		if err != nil || st.IsDir() {
			notFound(w)
			return
		}
		http.ServeFile(w, r, full)
	})
}

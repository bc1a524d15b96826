package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/snnptnt-nghean/qms/internal/build"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/serve"
)

var cmdServe = &command{
	Name:  "serve",
	Usage: "serve [--root DIR] [--addr 127.0.0.1:8080] [--theme DIR] [--drafts] [--as-of YYYY-MM-DD]",
	Short: "dựng trang web và mở để xem trên máy này; tự dựng lại và tải lại trang khi sửa tệp",
	Long: `Lệnh serve dựng trang web như "qms build" (trong bộ nhớ, không ghi ra đĩa) rồi phục vụ nó qua HTTP
tại --addr (mặc định 127.0.0.1:8080, chỉ máy này truy cập được) và in địa chỉ để mở trong
trình duyệt.

Serve theo dõi processes/, procedures/ và decisions/: khi một tệp được lưu, trang web được dựng
lại sau chưa đầy một giây và trang đang mở trong trình duyệt tự tải lại. Khác với build,
serve vẫn dựng khi nội dung có lỗi: mọi lỗi và cảnh báo được in ra và hiện ở đầu trang
của tài liệu liên quan, để người soạn thấy ngay. Nếu không dựng lại được (ví dụ không đọc
được thư mục), serve tiếp tục phục vụ bản dựng trước và báo trên trang.

Hiệu lực của văn bản và hạn rà soát được xét tại ngày --as-of nếu có, hoặc ngày của
SOURCE_DATE_EPOCH. Nếu không có cả hai, chúng được xét tại ngày hôm nay (giờ Việt Nam):
khi sang ngày mới, trang web được dựng lại theo ngày mới và trang đang mở tự tải lại.

Giao diện (mẫu trang và tệp tĩnh) được nhúng trong chương trình, nên sửa giao diện cần
chạy lại lệnh. Người sửa giao diện dùng --theme DIR (ví dụ --theme site) để đọc giao diện
từ thư mục DIR (có templates/ và static/) và dựng lại mỗi khi sửa.

Nhấn Ctrl+C để dừng.`,
	Run: runServe,
}

func runServe(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("serve", e)
	var f siteFlags
	f.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "địa chỉ lắng nghe host:cổng")
	themeDir := fs.String("theme", "", "đọc giao diện từ thư mục này (có templates/ và static/) và dựng lại khi sửa")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.Stderr, "qms serve: tham số thừa %q\n", fs.Arg(0))
		return exitUsage
	}
	asOf, fixed, err := buildDateFixed(f.asOf)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms serve: %v\n", err)
		return exitUsage
	}
	// Without a fixed date, the date follows the clock: a session left
	// open past midnight shows the new day's statuses.
	follow := !fixed
	opts := serve.Options{
		Build:       build.Options{Root: absRoot(e, f.root), Drafts: f.drafts, AsOf: asOf, Stderr: e.Stderr, ShowUncommitted: true},
		Log:         e.Stdout,
		FollowClock: follow,
	}
	if *themeDir != "" {
		dir := absRoot(e, *themeDir)
		if st, err := os.Stat(filepath.Join(dir, "templates")); err != nil || !st.IsDir() {
			fmt.Fprintf(e.Stderr, "qms serve: --theme %s: không có thư mục templates/\n", *themeDir)
			return exitUsage
		}
		opts.ThemeDir = dir
		opts.Build.Theme = os.DirFS(dir)
	}
	// Listen first: a wrong or busy address fails before the build.
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		fmt.Fprintf(e.Stderr, "qms serve: --addr %s không đúng dạng host:cổng (ví dụ 127.0.0.1:8080)\n", *addr)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms serve: không mở được --addr %s: %s\n", *addr, listenText(err))
		return exitUsage
	}
	defer ln.Close()
	start := time.Now()
	srv, err := serve.New(ctx, opts)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms serve: %s\n", errorText(err))
		return exitUsage
	}
	hs := srv.HTTPServer(ctx, serve.Hosts(*addr, ln.Addr())) // ctx ends the event streams on Ctrl+C
	nerr, nwarn := qms.CountSeverity(srv.Snapshot().Result.Diagnostics)
	date := srv.AsOf().VN()
	if follow {
		date += " (hôm nay; sang ngày mới thì tự dựng lại)"
	}
	fmt.Fprintf(e.Stdout, "Đã dựng %d trang trong %s (%d lỗi, %d cảnh báo); hiệu lực tính đến %s.\n",
		srv.Snapshot().Result.Files, time.Since(start).Round(time.Millisecond), nerr, nwarn, date)
	watching := "processes/, procedures/, decisions/"
	if opts.ThemeDir != "" {
		watching += " và giao diện " + opts.ThemeDir
	}
	url, warning := serveURL(*addr, ln.Addr())
	if warning != "" {
		fmt.Fprintf(e.Stderr, "qms serve: cảnh báo: %s\n", warning)
	}
	fmt.Fprintf(e.Stdout, "Mở %s trong trình duyệt (Ctrl+C để dừng).\nĐang theo dõi %s: sửa tệp thì trang tự tải lại.\n",
		url, watching)
	go srv.Watch(ctx)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
		return exitOK
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return exitOK
		}
		fmt.Fprintf(e.Stderr, "qms serve: %s\n", errorText(err))
		return exitUsage
	}
}

// listenText is why listening failed, in Vietnamese.
func listenText(err error) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return "cổng này đang được một chương trình khác dùng; chọn cổng khác"
	case errors.Is(err, syscall.EACCES):
		return "không có quyền mở cổng này (cổng dưới 1024 cần quyền quản trị); chọn cổng khác"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return "máy này không có địa chỉ đó"
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "không tìm thấy máy có tên " + dns.Name
	}
	return err.Error()
}

// serveURL returns the address to open the served site at in a browser on
// this machine, and, when the listener is not on loopback, the warning
// that other machines can open it too (with their address for it).
func serveURL(addr string, ln net.Addr) (url, warning string) {
	tcp, ok := ln.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return "http://" + ln.String() + "/", ""
	}
	port := strconv.Itoa(tcp.Port)
	if !tcp.IP.IsUnspecified() {
		url = "http://" + net.JoinHostPort(tcp.IP.String(), port) + "/"
		return url, fmt.Sprintf("--addr %s không phải địa chỉ nội bộ (loopback): máy khác trong mạng mở được trang web này tại %s, kể cả các sửa đổi chưa ghi.", addr, url)
	}
	there := ""
	if name, err := os.Hostname(); err == nil && name != "" {
		there = " tại http://" + net.JoinHostPort(name, port) + "/"
	}
	return "http://127.0.0.1:" + port + "/", fmt.Sprintf("--addr %s nghe trên mọi giao diện mạng: máy khác trong mạng mở được trang web này%s, kể cả các sửa đổi chưa ghi. Dùng --addr 127.0.0.1:%s để chỉ máy này truy cập được.", addr, there, port)
}

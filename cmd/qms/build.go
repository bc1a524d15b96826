package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/snnptnt-nghean/qms/internal/build"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var cmdBuild = &command{
	Name:  "build",
	Usage: "build [--root DIR] [--out DIR] [--base-url URL] [--drafts] [--force] [--as-of YYYY-MM-DD]",
	Short: "dựng sổ tay chất lượng thành một trang web tĩnh (mặc định vào public/)",
	Long: `Lệnh build nạp mọi tài liệu dưới thư mục gốc (--root, mặc định thư mục hiện tại), chạy mọi
quy tắc kiểm tra rồi dựng trang web tĩnh vào --out (mặc định public/ dưới thư mục gốc).

Khi có lỗi, build in các lỗi ra và không ghi gì; --force vẫn dựng và hiện lỗi trên trang
của tài liệu bị lỗi. --drafts đăng cả quy trình dự thảo. --base-url là địa chỉ trang web sẽ
được đăng (ví dụ https://example.gov.vn/iso/; mặc định: site.base_url trong qms.yaml); mọi
liên kết đi theo đường dẫn của nó.

Tình trạng hiệu lực được tính đến ngày --as-of; nếu không có, đến ngày của biến môi
trường SOURCE_DATE_EPOCH; nếu không có nữa, đến hôm nay (giờ Việt Nam). Hai lần dựng
cùng nội dung và cùng ngày cho ra các tệp giống hệt nhau. Thư mục xuất được thay thế
nguyên khối: bản dựng lỗi hay bị ngắt giữa chừng để nguyên trang web cũ. Chỉ thư mục do qms
tạo ra (có tệp .qms-site) mới được thay thế; một thư mục khác đã có nội dung thì bị từ chối.
Không có --base-url hay site.base_url thì không tạo sitemap.xml (sitemap cần địa chỉ đầy đủ).

Mã thoát: 0 khi dựng xong, 1 khi nội dung có lỗi, 2 khi dùng sai lệnh hoặc lỗi đọc/ghi.`,
	Run: runBuild,
}

// siteFlags are the flags shared by build and serve.
type siteFlags struct {
	root   string
	drafts bool
	force  bool
	asOf   string
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.root, "root", ".", "thư mục gốc của nội dung")
	fs.BoolVar(&f.drafts, "drafts", false, "đăng cả quy trình dự thảo")
	fs.StringVar(&f.asOf, "as-of", "", "ngày xét hiệu lực YYYY-MM-DD (mặc định: SOURCE_DATE_EPOCH, rồi hôm nay)")
}

// buildMemoryLimit is the soft memory limit of a build (issue 4: at most
// half of Hugo's peak memory on the 10,000-document repository; the
// figures are in the commit messages). The build's live heap stays well
// under it, so the collector runs at GOGC's pace until the heap nears the
// limit, and then collects earlier instead of letting the heap grow.
const buildMemoryLimit = 380 << 20

// buildGCPercent is the build's GOGC: under the soft memory limit the heap
// cannot outgrow it anyway, and letting it grow to five times the live
// heap instead of twice runs the collector less often.
const buildGCPercent = 400

// limitMemory sets the build's soft memory limit and GC percentage unless
// GOMEMLIMIT or GOGC set them, and returns the function that restores the
// previous values.
func limitMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(buildMemoryLimit)
	prevGC := -2
	if os.Getenv("GOGC") == "" {
		prevGC = debug.SetGCPercent(buildGCPercent)
	}
	return func() {
		debug.SetMemoryLimit(prev)
		if prevGC != -2 {
			debug.SetGCPercent(prevGC)
		}
	}
}

// buildDate returns the date statuses are evaluated at: --as-of, else the
// date of SOURCE_DATE_EPOCH, else today, all in Vietnam's time zone.
func buildDate(asOf string) (qms.Date, error) {
	d, _, err := buildDateFixed(asOf)
	return d, err
}

// vietnam is Vietnam's time zone (UTC+7), where the manual's dates are.
var vietnam = time.FixedZone("ICT", 7*3600)

// todayVN is today's date in Vietnam.
func todayVN() qms.Date { return qms.DateOf(time.Now().In(vietnam)) }

// buildDateFixed is buildDate that also reports whether the date is fixed
// (--as-of or SOURCE_DATE_EPOCH) rather than today's, which qms serve
// follows past midnight.
func buildDateFixed(asOf string) (d qms.Date, fixed bool, err error) {
	if asOf != "" {
		d, err := qms.ParseDate(asOf)
		if err != nil {
			return qms.Date{}, true, fmt.Errorf("--as-of: %w", err)
		}
		return d, true, nil
	}
	if s := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH")); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return qms.Date{}, true, fmt.Errorf("SOURCE_DATE_EPOCH=%q không phải một số giây kể từ 01/01/1970 (Unix time)", s)
		}
		return qms.DateOf(time.Unix(sec, 0).In(vietnam)), true, nil
	}
	return todayVN(), false, nil
}

func runBuild(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("build", e)
	var f siteFlags
	f.register(fs)
	fs.BoolVar(&f.force, "force", false, "vẫn dựng khi nội dung có lỗi; lỗi hiện trên trang")
	out := fs.String("out", "", "thư mục xuất (mặc định: public/ dưới thư mục gốc)")
	baseURL := fs.String("base-url", "", "địa chỉ trang web sẽ được đăng, ví dụ https://example.gov.vn/iso/ (mặc định: site.base_url trong qms.yaml)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.Stderr, "qms build: tham số thừa %q\n", fs.Arg(0))
		return exitUsage
	}
	asOf, err := buildDate(f.asOf)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms build: %v\n", err)
		return exitUsage
	}
	outDir := *out
	if outDir != "" {
		outDir = absRoot(e, outDir)
	}
	defer limitMemory()()
	start := time.Now()
	res, err := build.Build(ctx, build.Options{
		Root: absRoot(e, f.root), Out: outDir, BaseURL: *baseURL,
		Drafts: f.drafts, Force: f.force, AsOf: asOf, Stderr: e.Stderr,
	})
	if errors.Is(err, build.ErrChecks) {
		fmt.Fprintf(e.Stderr, "qms build: %v\n", err)
		return exitFail
	}
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms build: %s\n", errorText(err))
		return exitUsage
	}
	fmt.Fprintf(e.Stdout, "Đã dựng %d tệp (%s) vào %s trong %s; hiệu lực tính đến %s.\n",
		res.Files, sizeText(res.Bytes), res.Out, time.Since(start).Round(time.Millisecond), asOf.VN())
	return exitOK
}

// errorText is err for people, in Vietnamese: a file-system failure as
// the path and the reason, a run stopped by Ctrl+C or SIGTERM as such;
// any other error as it is, without the package's prefix.
func errorText(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.Is(err, context.Canceled):
		return "đã dừng giữa chừng (Ctrl+C hoặc SIGTERM); thư mục xuất được giữ nguyên"
	case errors.As(err, &pe):
		return fmt.Sprintf("lỗi đọc/ghi %s: %s", pe.Path, reasonText(pe.Err))
	case errors.As(err, &le):
		return fmt.Sprintf("không đổi tên được %s thành %s: %s", le.Old, le.New, reasonText(le.Err))
	}
	s := err.Error()
	for _, p := range []string{"build: ", "serve: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// reasonText is the reason of a file-system failure in Vietnamese.
func reasonText(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "không tồn tại"
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền truy cập"
	case errors.Is(err, fs.ErrExist):
		return "đã tồn tại"
	case errors.Is(err, syscall.ENOTDIR):
		return "một phần của đường dẫn là tệp, không phải thư mục"
	case errors.Is(err, syscall.EISDIR):
		return "là thư mục, không phải tệp"
	case errors.Is(err, syscall.ENOSPC):
		return "ổ đĩa đã đầy"
	case errors.Is(err, syscall.EROFS):
		return "ổ đĩa chỉ cho đọc"
	}
	return err.Error()
}

// sizeText formats a byte count for people.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

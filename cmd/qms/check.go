package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/rules"
)

var cmdCheck = &command{
	Name:  "check",
	Usage: "check [--root DIR] [--format text|json|github] [--as-of YYYY-MM-DD] [--base REF | --base-dir DIR] [-list] [-explain ID]",
	Short: "kiểm tra tham chiếu, hiệu lực văn bản, thời hạn và định dạng của mọi tài liệu",
	Long: `Lệnh check nạp mọi tài liệu trong processes/, procedures/ và decisions/ dưới thư mục gốc
(--root, mặc định là thư mục hiện tại), rồi chạy mọi quy tắc kiểm tra.

Mỗi phát hiện in ra một dòng "đường-dẫn:dòng:cột: thông báo (MÃ)", sau cùng là dòng tổng kết.
--format json in đúng một đối tượng JSON; --format github in lệnh chú thích của GitHub Actions.
--as-of chọn ngày xét hiệu lực văn bản (mặc định: hôm nay).
--base REF so với phiên bản git REF (nhánh đích của đề nghị thay đổi — pull request, ví dụ origin/main) và chạy thêm
các quy tắc kiểm soát thay đổi CC001–CC005; cần đủ lịch sử git (fetch-depth: 0).
--base-dir DIR làm như --base, với bản gốc là nội dung trong thư mục DIR (hook kiểm tra trước khi ghi
thay đổi xuất bản đã ghi ra một thư mục tạm và so với các tệp đã "git add").
-list liệt kê các quy tắc (với --format markdown: kèm giải thích, như trong docs/huong-dan-bien-tap.md);
-explain MÃ giải thích một quy tắc.

Mã thoát: 0 khi không có lỗi (có thể có cảnh báo), 1 khi có lỗi, 2 khi dùng sai lệnh hoặc lỗi đọc/ghi.`,
	Run: runCheck,
}

// checkFlags are the flags shared by commands that run the checks.
type checkFlags struct {
	root   string
	format string
	asOf   string
}

func (f *checkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.root, "root", ".", "thư mục gốc của nội dung")
	fs.StringVar(&f.format, "format", "text", "định dạng kết quả: text, json hoặc github")
	fs.StringVar(&f.asOf, "as-of", "", "ngày xét hiệu lực YYYY-MM-DD (mặc định: hôm nay)")
}

// today returns the date statuses are evaluated at: --as-of, else today in
// Vietnam's time zone (UTC+7).
func (f *checkFlags) today() (qms.Date, error) {
	if f.asOf != "" {
		return qms.ParseDate(f.asOf)
	}
	return todayVN(), nil
}

func runCheck(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("check", e)
	var f checkFlags
	f.register(fs)
	list := fs.Bool("list", false, "liệt kê các quy tắc kiểm tra")
	explain := fs.String("explain", "", "giải thích quy tắc có mã `ID`")
	base := fs.String("base", "", "so với phiên bản git `REF` (nhánh đích của đề nghị thay đổi) và chạy thêm các quy tắc kiểm soát thay đổi CC")
	baseDir := fs.String("base-dir", "", "so với nội dung trong thư mục `DIR` (hook kiểm tra trước khi ghi thay đổi: bản đã ghi) và chạy thêm các quy tắc kiểm soát thay đổi CC")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.Stderr, "qms check: tham số thừa %q\n", fs.Arg(0))
		return exitUsage
	}
	if *list {
		var b strings.Builder
		switch f.format {
		case "markdown", "md":
			if err := rules.WriteMarkdown(&b, allChecks()); err != nil {
				fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
				return exitUsage
			}
		case "text", "":
			for _, c := range allChecks() {
				fmt.Fprintf(&b, "%s  %-28s %-8s %s\n", c.ID, c.Name, c.Severity, c.Title())
			}
		default:
			fmt.Fprintln(e.Stderr, "qms check: -list nhận --format text hoặc markdown")
			return exitUsage
		}
		if _, err := io.WriteString(e.Stdout, b.String()); err != nil {
			fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	if *explain != "" {
		c := check.Find(allChecks(), *explain)
		if c == nil {
			fmt.Fprintf(e.Stderr, "qms check: không có quy tắc %q; xem \"qms check -list\"\n", *explain)
			return exitUsage
		}
		if _, err := fmt.Fprintf(e.Stdout, "%s %s (%s, %s)\n\n%s\n", c.ID, c.Title(), c.Name, c.Severity, c.Body()); err != nil {
			fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	write, err := writer(f.format)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
		return exitUsage
	}
	today, err := f.today()
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms check: --as-of: %v\n", err)
		return exitUsage
	}
	corpus, diags, err := loadAndCheck(e, f.root, today)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
		return exitUsage
	}
	if *base != "" && *baseDir != "" {
		fmt.Fprintln(e.Stderr, "qms check: chỉ dùng một trong hai tùy chọn --base và --base-dir")
		return exitUsage
	}
	if *baseDir != "" {
		cc, err := checkBaseDir(e, f.root, *baseDir, corpus, today)
		if err != nil {
			fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
			return exitUsage
		}
		diags = qms.SortDiagnostics(append(diags, cc...))
	}
	if *base != "" {
		cc, err := checkBase(e, f.root, *base, corpus, today)
		if err != nil {
			fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
			return exitUsage
		}
		diags = qms.SortDiagnostics(append(diags, cc...))
	}
	if corpus.Org.Default {
		if err := noteNoOrg(e, f.format, f.root); err != nil {
			fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
			return exitUsage
		}
	}
	if err := write(e.Stdout, diags); err != nil {
		fmt.Fprintf(e.Stderr, "qms check: %v\n", err)
		return exitUsage
	}
	warnUnreadableHistory(ctx, e, f.root)
	if n, _ := qms.CountSeverity(diags); n > 0 {
		return exitFail
	}
	return exitOK
}

// noteNoOrg says, once, that the manual has no qms.yaml and how to make
// one. It is a note, not a diagnostic: a manual without qms.yaml is valid
// and its counts and exit code do not change. Text and GitHub output carry
// it on stdout (before the diagnostics; a GitHub notice); JSON output is
// one object, so the note goes to stderr.
func noteNoOrg(e *env, format, root string) error {
	msg := fmt.Sprintf("không có %s: dùng tên cơ quan và tiêu đề trang mặc định; tạo tệp này bằng \"qms init --config-only %s\" rồi sửa tên cơ quan trong đó",
		content.OrgFile, root)
	var err error
	switch format {
	case "json":
		_, err = fmt.Fprintf(e.Stderr, "ghi chú: %s\n", msg)
	case "github":
		_, err = fmt.Fprintf(e.Stdout, "::notice title=%s::%s\n", content.OrgFile, msg)
	default:
		_, err = fmt.Fprintf(e.Stdout, "ghi chú: %s\n", msg)
	}
	return err
}

// loadAndCheck loads the content root and runs every check; it returns the
// corpus too, for the comparison with a base revision.
func loadAndCheck(e *env, root string, today qms.Date) (*qms.Corpus, []qms.Diagnostic, error) {
	corpus, diags, err := content.LoadDir(absRoot(e, root))
	if err != nil {
		return nil, nil, err
	}
	found, err := check.Run(corpus, allChecks(), today)
	if err != nil {
		return nil, nil, err
	}
	return corpus, qms.SortDiagnostics(append(diags, found...)), nil
}

func absRoot(e *env, root string) string {
	if filepath.IsAbs(root) {
		return root
	}
	return filepath.Join(e.Dir, root)
}

func writer(format string) (func(io.Writer, []qms.Diagnostic) error, error) {
	switch format {
	case "text", "":
		return check.WriteText, nil
	case "json":
		return check.WriteJSON, nil
	case "github":
		return check.WriteGitHub, nil
	}
	return nil, errors.New("--format phải là text, json hoặc github")
}

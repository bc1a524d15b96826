package main

import (
	"context"
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/export"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var cmdExport = &command{
	Name:  "export",
	Usage: "export [--root DIR] [--as-of YYYY-MM-DD] [--format json] [--drafts] [--schema]",
	Short: "xuất sổ tay thành dữ liệu JSON, với hiệu lực tính đến một ngày",
	Long: `Lệnh export nạp mọi tài liệu dưới thư mục gốc (--root, mặc định là thư mục hiện tại) và in sổ tay
thành đúng một đối tượng JSON: tên cơ quan, mọi quy trình, thủ tục hành chính và văn bản, với tình
trạng, lần ban hành đang áp dụng và các quan hệ giữa tài liệu, tính đến ngày --as-of (mặc định:
ngày của biến môi trường SOURCE_DATE_EPOCH, như "qms build"; nếu không có, hôm nay). Với --as-of, quy trình mang lần ban hành có hiệu lực vào ngày đó theo bảng theo dõi sửa
đổi; tên cơ quan là tên dùng vào ngày đó.

Nội dung đọc là nội dung hiện có trong thư mục; muốn xem sổ tay đúng như đã lưu ở một thời điểm,
lấy phiên bản git tương ứng trước (ví dụ git worktree) rồi chạy export trên thư mục đó.

Định dạng được mô tả trong docs/du-lieu-so-tay.md và trong lược đồ JSON Schema mà --schema in ra
(trang web đăng hai tệp này tại /data/manual.json và /data/manual.schema.json).
--drafts coi quy trình dự thảo là có trang (như trang web dựng với --drafts).
Tài liệu có phần đầu YAML sai cú pháp không được xuất; chạy "qms check" để xem lỗi.
Mã thoát: 0 khi thành công, 2 khi dùng sai lệnh hoặc lỗi đọc/ghi.`,
	Run: runExport,
}

func runExport(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("export", e)
	var f checkFlags
	fs.StringVar(&f.root, "root", ".", "thư mục gốc của nội dung")
	fs.StringVar(&f.format, "format", "json", "định dạng kết quả: json")
	fs.StringVar(&f.asOf, "as-of", "", "ngày xét hiệu lực YYYY-MM-DD (mặc định: SOURCE_DATE_EPOCH, rồi hôm nay)")
	drafts := fs.Bool("drafts", false, "quy trình dự thảo có trang (như khi dựng trang với --drafts)")
	schema := fs.Bool("schema", false, "in lược đồ JSON Schema của dữ liệu thay cho dữ liệu")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.Stderr, "qms export: tham số thừa %q\n", fs.Arg(0))
		return exitUsage
	}
	if f.format != "json" {
		fmt.Fprintln(e.Stderr, "qms export: --format chỉ nhận json")
		return exitUsage
	}
	if *schema {
		if _, err := e.Stdout.Write(export.Schema); err != nil {
			fmt.Fprintf(e.Stderr, "qms export: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	asOf, err := buildDate(f.asOf)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms export: %v\n", err)
		return exitUsage
	}
	c, diags, err := content.LoadDir(absRoot(e, f.root))
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms export: %v\n", err)
		return exitUsage
	}
	if n, _ := qms.CountSeverity(diags); n > 0 {
		fmt.Fprintf(e.Stderr, "qms export: lưu ý: khi đọc tệp có %d lỗi; tài liệu không đọc được phần đầu thì không được xuất. Chạy \"qms check\" để xem lỗi.\n", n)
	}
	out, err := export.New(c, export.Options{AsOf: asOf, Drafts: *drafts}).JSON()
	if err == nil {
		_, err = e.Stdout.Write(out)
	}
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms export: %v\n", err)
		return exitUsage
	}
	return exitOK
}

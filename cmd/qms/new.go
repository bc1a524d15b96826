package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/scaffold"
)

const newUsage = "new process|procedure|decision [--root DIR] [--title TÊN] [--code MÃ] [--number SỐ] [--unit ĐƠN-VỊ] [--kind task|framework] [...]"

var cmdNew = &command{
	Name:  "new",
	Usage: newUsage,
	Short: "tạo tài liệu mới từ mẫu: quy trình, thủ tục hoặc văn bản",
	Long: `Lệnh new tạo một tệp tài liệu mới từ mẫu tiếng Việt, với mọi trường bắt buộc và (với quy trình) các
mục chuẩn Mục đích … Hồ sơ cần lưu, rồi in đường dẫn tệp vừa tạo. Giá trị nào không ghi trên dòng
lệnh là một chỗ trống "<điền …>"; "qms check" báo lỗi (PH001) cho đến khi mọi chỗ trống được điền.
Không bao giờ ghi đè tệp đã có.

  qms new process   --unit "Chi cục Thủy sản" --title "Quy trình …" [--kind task|framework]
                    [--code QT-TS-09 | --prefix TS] [--effective YYYY-MM-DD]
                    [--procedure MÃ]... [--legal-basis SỐ]...
      Mã mặc định: mã kế tiếp của đơn vị (QT-TS-09); quy trình khung: QT-NN. Tạo ở trạng thái
      dự thảo (status: draft), lần ban hành 1.
  qms new procedure --field "Thủy sản" --title "…" [--code 1.004359] [--level tinh|huyen|xa]
                    [--agency …] [--receiving …] [--time-limit "07 ngày làm việc"] [--fee …]
                    [--announced-by SỐ]... [--legal-basis SỐ]...
      Mã mặc định: mã nội bộ kế tiếp của lĩnh vực (NA-TS-15).
  qms new decision  --number 1234/QĐ-UBND [--issued YYYY-MM-DD] [--type quyet-dinh] [--issuer …]
                    [--title …] [--effective YYYY-MM-DD] [--supersedes SỐ]... [--amends SỐ]... [--source URL]
      Tệp nằm trong decisions/<năm>/.

Các cờ lặp lại được (--procedure, --legal-basis, ...) cũng nhận danh sách cách nhau bằng dấu phẩy.
Mã thoát: 0 khi đã tạo tệp, 2 khi dùng sai lệnh, tệp đã có hoặc lỗi đọc/ghi.`,
	Run: runNew,
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func runNew(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(e.Stderr, "qms new: cần loại tài liệu: process, procedure hoặc decision")
		fmt.Fprintf(e.Stderr, "Cách dùng: qms %s\n", newUsage)
		return exitUsage
	}
	kind := args[0]
	fs := newFlagSet("new "+kind, e)
	root := fs.String("root", ".", "thư mục gốc của nội dung")
	var make func(*qms.Corpus) (*scaffold.File, error)
	switch kind {
	case "process":
		var p scaffold.ProcessParams
		str(fs, &p.Code, "code", "mã quy trình (mặc định: mã kế tiếp của đơn vị)")
		str(fs, &p.Prefix, "prefix", "tiền tố mã theo đơn vị, ví dụ TS (mặc định: suy từ --unit)")
		str(fs, &p.Title, "title", "tên quy trình")
		str(fs, &p.Kind, "kind", "task (quy trình giải quyết công việc) hoặc framework (quy trình hệ thống)")
		str(fs, &p.Unit, "unit", "đơn vị chủ trì")
		str(fs, &p.Effective, "effective", "ngày hiệu lực YYYY-MM-DD")
		fs.Var((*listFlag)(&p.Procedures), "procedure", "mã thủ tục quy trình thực hiện (lặp lại được)")
		fs.Var((*listFlag)(&p.LegalBasis), "legal-basis", "số văn bản làm căn cứ (lặp lại được)")
		make = func(c *qms.Corpus) (*scaffold.File, error) { return scaffold.Process(c, p) }
	case "procedure":
		var p scaffold.ProcedureParams
		str(fs, &p.Code, "code", "mã thủ tục: mã quốc gia như 1.004359 (mặc định: mã nội bộ kế tiếp của lĩnh vực)")
		str(fs, &p.Title, "title", "tên thủ tục")
		str(fs, &p.Field, "field", "lĩnh vực, ví dụ Thủy sản")
		str(fs, &p.Level, "level", "cấp thực hiện: tinh, huyen hoặc xa")
		str(fs, &p.Agency, "agency", "cơ quan giải quyết")
		str(fs, &p.Receiving, "receiving", "nơi tiếp nhận hồ sơ và trả kết quả")
		str(fs, &p.TimeLimit, "time-limit", "thời hạn giải quyết, ví dụ \"07 ngày làm việc\"")
		str(fs, &p.Fee, "fee", "phí, lệ phí")
		fs.Var((*listFlag)(&p.AnnouncedBy), "announced-by", "số quyết định công bố (lặp lại được)")
		fs.Var((*listFlag)(&p.LegalBasis), "legal-basis", "số văn bản làm căn cứ (lặp lại được)")
		make = func(c *qms.Corpus) (*scaffold.File, error) { return scaffold.Procedure(c, p) }
	case "decision":
		var p scaffold.DecisionParams
		str(fs, &p.Number, "number", "số và ký hiệu, ví dụ 1234/QĐ-UBND (bắt buộc)")
		str(fs, &p.Type, "type", "loại văn bản: quyet-dinh, nghi-dinh, … (mặc định: suy từ số)")
		str(fs, &p.Issuer, "issuer", "cơ quan ban hành")
		str(fs, &p.Issued, "issued", "ngày ký YYYY-MM-DD")
		str(fs, &p.Effective, "effective", "ngày có hiệu lực YYYY-MM-DD, nếu khác ngày ký")
		str(fs, &p.Title, "title", "trích yếu")
		str(fs, &p.Source, "source", "địa chỉ trang có toàn văn")
		fs.Var((*listFlag)(&p.Supersedes), "supersedes", "số văn bản bị thay thế (lặp lại được)")
		fs.Var((*listFlag)(&p.Amends), "amends", "số văn bản được sửa đổi (lặp lại được)")
		make = func(c *qms.Corpus) (*scaffold.File, error) { return scaffold.Decision(c, p) }
	default:
		fmt.Fprintf(e.Stderr, "qms new: loại tài liệu %q không có; dùng process, procedure hoặc decision\n", kind)
		return exitUsage
	}
	if err := fs.Parse(args[1:]); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.Stderr, "qms new: tham số thừa %q (giá trị có khoảng trắng cần đặt trong dấu nháy)\n", fs.Arg(0))
		return exitUsage
	}
	c, _, err := content.LoadDir(absRoot(e, *root)) // the corpus's own problems are for qms check
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms new: %v\n", err)
		return exitUsage
	}
	f, err := make(c)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms new %s: %v\n", kind, err)
		return exitUsage
	}
	if err := scaffold.Write(absRoot(e, *root), f); err != nil {
		fmt.Fprintf(e.Stderr, "qms new: %v\n", err)
		return exitUsage
	}
	fmt.Fprintln(e.Stdout, filepath.ToSlash(filepath.Join(*root, filepath.FromSlash(f.Path))))
	for _, n := range f.Notes {
		fmt.Fprintf(e.Stderr, "Lưu ý: %s\n", n)
	}
	if n := strings.Count(string(f.Data), scaffold.Marker); n > 0 {
		fmt.Fprintf(e.Stderr, "Còn %d chỗ trống \"<điền …>\" cần điền; sau đó chạy \"qms check\".\n", n)
	}
	return exitOK
}

func str(fs *flag.FlagSet, p *string, name, usage string) { fs.StringVar(p, name, "", usage) }

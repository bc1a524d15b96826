package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/change"
	"github.com/snnptnt-nghean/qms/internal/content"
)

var cmdImpact = &command{
	Name:  "impact",
	Usage: "impact [--root DIR] [--as-of YYYY-MM-DD] [--format text|json] SỐ|MÃ",
	Short: "liệt kê mọi tài liệu dựa vào một văn bản, thủ tục hay quy trình",
	Long: `Lệnh impact tìm tài liệu có số văn bản hoặc mã (quy trình, thủ tục) đã cho và liệt kê mọi tài liệu
dựa vào nó, kèm tình trạng của từng tài liệu tính đến ngày --as-of (mặc định: hôm nay):

  - với văn bản: chuỗi thay thế, sửa đổi (cả hai chiều); thủ tục được văn bản công bố, dựa vào
    hoặc bị văn bản bãi bỏ; quy trình dẫn văn bản (legal_basis, approved_by, abolished_by) hoặc
    thực hiện một thủ tục kể trên;
  - với thủ tục: quy trình thực hiện thủ tục;
  - với mọi tài liệu: tài liệu có liên kết tới nó trong nội dung.

Số văn bản có thể kèm ngày khi nhiều văn bản cùng số: "3463/QĐ-UBND ngày 06/10/2020".
--format json in đúng một đối tượng JSON.
Mã thoát: 0 khi tìm thấy, 2 khi không tìm thấy, dùng sai lệnh hoặc lỗi đọc.`,
	Run: runImpact,
}

func runImpact(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("impact", e)
	var f checkFlags
	f.register(fs)
	query, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(query) == 0 {
		fmt.Fprintln(e.Stderr, "qms impact: cần số văn bản hoặc mã tài liệu")
		return exitUsage
	}
	write := change.WriteImpactText
	switch f.format {
	case "text", "":
	case "json":
		write = change.WriteImpactJSON
	default:
		fmt.Fprintln(e.Stderr, "qms impact: --format phải là text hoặc json")
		return exitUsage
	}
	today, err := f.today()
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms impact: --as-of: %v\n", err)
		return exitUsage
	}
	c, _, err := content.LoadDir(absRoot(e, f.root))
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms impact: %v\n", err)
		return exitUsage
	}
	// A dated reference may arrive as several arguments: 3463/QĐ-UBND ngày 06/10/2020.
	doc, err := change.Lookup(c, strings.Join(query, " "))
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms impact: %v\n", err)
		return exitUsage
	}
	if err := write(e.Stdout, change.ImpactOf(c, doc, today)); err != nil {
		fmt.Fprintf(e.Stderr, "qms impact: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// parseInterspersed parses args with fs, accepting flags after positional
// arguments ("qms impact 3463/QĐ-UBND --as-of 2020-01-01"), and returns the
// positional arguments. Everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/scaffold"
)

var cmdInit = &command{
	Name:  "init",
	Usage: "init [--name TÊN-CƠ-QUAN] [--unit ĐƠN-VỊ] [--effective YYYY-MM-DD] [--config-only] THƯ-MỤC",
	Short: "tạo sổ tay chất lượng mới cho một cơ quan: qms.yaml và bốn quy trình khung dự thảo",
	Long: `Lệnh init tạo sổ tay chất lượng mới trong THƯ-MỤC (chưa có, hoặc đang trống):

  qms.yaml          tên cơ quan, tiêu đề trang web, danh sách đơn vị; có ghi chú cách sửa
  processes/        bốn quy trình khung ở trạng thái dự thảo (status: draft):
                    QT-01 Kiểm soát thông tin dạng văn bản, QT-02 Đánh giá nội bộ,
                    QT-03 Kiểm soát sự không phù hợp và hành động khắc phục,
                    QT-04 Xem xét của lãnh đạo
  procedures/       thủ tục hành chính (thêm bằng "qms new procedure")
  decisions/        văn bản pháp lý (thêm bằng "qms new decision")

Các bước, thời gian, biểu mẫu của quy trình khung là mẫu chung để cơ quan điều chỉnh trước khi
trình phê duyệt. Sổ tay vừa tạo qua được "qms check" và dựng được trang bằng "qms build".

--name ghi tên cơ quan vào qms.yaml (mặc định: "Cơ quan", cần sửa lại).
--unit là đơn vị chủ trì các quy trình khung (mặc định: "Văn phòng").
--effective là ngày hiệu lực dự kiến của các dự thảo (mặc định: hôm nay).
--config-only chỉ tạo qms.yaml trong THƯ-MỤC là một sổ tay đã có (mặc định: thư mục hiện tại).

Không ghi vào thư mục đã có tệp (trừ --config-only), không ghi đè qms.yaml đã có.
Mã thoát: 0 khi đã tạo, 2 khi dùng sai lệnh, thư mục không trống hoặc lỗi đọc/ghi.`,
	Run: runInit,
}

func runInit(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("init", e)
	var p scaffold.InitParams
	fs.StringVar(&p.Name, "name", "", "tên đầy đủ hiện nay của cơ quan")
	fs.StringVar(&p.Unit, "unit", "", "đơn vị chủ trì các quy trình khung")
	fs.StringVar(&p.Effective, "effective", "", "ngày hiệu lực dự kiến YYYY-MM-DD (mặc định: hôm nay)")
	configOnly := fs.Bool("config-only", false, "chỉ tạo qms.yaml trong một sổ tay đã có")
	// The folder may come before the flags too: "qms init so-tay --name …".
	var dirs []string
	for {
		if err := fs.Parse(args); err != nil {
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		dirs, args = append(dirs, fs.Arg(0)), fs.Args()[1:]
	}
	if len(dirs) > 1 {
		fmt.Fprintf(e.Stderr, "qms init: tham số thừa %q (tên có khoảng trắng cần đặt trong dấu nháy)\n", dirs[1])
		return exitUsage
	}
	dir := ""
	if len(dirs) == 1 {
		dir = dirs[0]
	}
	if dir == "" && !*configOnly {
		fmt.Fprintln(e.Stderr, "qms init: cần thư mục của sổ tay mới, ví dụ: qms init so-tay")
		return exitUsage
	}
	if dir == "" {
		dir = "."
	}
	if p.Effective == "" {
		p.Effective = todayVN().String()
	}
	full := absRoot(e, dir)
	if *configOnly {
		f, err := scaffold.InitConfig(p)
		if err == nil {
			err = scaffold.Write(full, f)
		}
		if err != nil {
			fmt.Fprintf(e.Stderr, "qms init: %v\n", err)
			return exitUsage
		}
		fmt.Fprintln(e.Stdout, filepath.ToSlash(filepath.Join(dir, f.Path)))
		return exitOK
	}
	files, err := scaffold.Init(p)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms init: %v\n", err)
		return exitUsage
	}
	if err := writeManual(full, dir, files); err != nil {
		fmt.Fprintf(e.Stderr, "qms init: %v\n", err)
		return exitUsage
	}
	for _, f := range files {
		fmt.Fprintln(e.Stdout, filepath.ToSlash(filepath.Join(dir, f.Path)))
	}
	if p.Name == "" {
		fmt.Fprintf(e.Stderr, "Sửa tên cơ quan (organization: name) trong %s, rồi chạy \"qms check --root %s\".\n",
			filepath.ToSlash(filepath.Join(dir, "qms.yaml")), dir)
	}
	return exitOK
}

// writeManual writes a new manual into dir, which must not exist or be
// empty. The files go to a temporary folder beside dir first and that
// folder is renamed to dir, so a failure leaves no half-written manual.
func writeManual(dir, shown string, files []*scaffold.File) error {
	switch empty, err := emptyDir(dir); {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return fmt.Errorf("không đọc được thư mục %s: %w", shown, err)
	case !empty:
		return fmt.Errorf("%s đã có tệp hoặc không phải thư mục; sổ tay mới cần một thư mục chưa có hoặc đang trống (để thêm qms.yaml vào sổ tay đã có: qms init --config-only %s)", shown, shown)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("không tạo được thư mục %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, ".qms-init-")
	if err != nil {
		return fmt.Errorf("không tạo được thư mục tạm trong %s: %w", parent, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, k := range qms.Kinds {
		if err := os.Mkdir(filepath.Join(tmp, k.Dir()), 0o755); err != nil {
			return fmt.Errorf("không tạo được thư mục %s: %w", k.Dir(), err)
		}
	}
	for _, f := range files {
		if err := scaffold.Write(tmp, f); err != nil {
			return err
		}
	}
	// An empty dir is replaced; os.Remove fails if a file appeared since.
	if err := os.Remove(dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("thư mục %s không còn trống: %w", shown, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("không đổi được tên thư mục tạm thành %s: %w", shown, err)
	}
	done = true
	return nil
}

// emptyDir reports whether dir is a folder with no entry.
func emptyDir(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return false, err
	} else if !fi.IsDir() {
		return false, nil
	}
	_, err = f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/snnptnt-nghean/qms/internal/change"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/history"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var cmdReport = &command{
	Name:  "report",
	Usage: "report --from REF [--to REF] [--root DIR] [--format text|json|markdown]",
	Short: "số liệu một đợt rà soát tính từ lịch sử git: quy trình mới, sửa đổi, bãi bỏ …",
	Long: `Report so sánh sổ tay ở phiên bản git --from với phiên bản --to (mặc định HEAD) và đếm:
quy trình xây dựng mới (lần đầu có hiệu lực: chưa có, hoặc là dự thảo, ở --from), quy trình sửa
đổi, bổ sung (lần ban hành tăng), quy trình bãi bỏ; thủ tục hành chính bổ sung và bãi bỏ; văn bản
mới. Tệp đổi tên vẫn là cùng một tài liệu (theo mã, số văn bản).

REF là tên nhánh, thẻ (tag), nhánh từ xa như origin/main, hoặc mã commit. --format markdown in
bảng tiếng Việt để dán vào bình luận pull request; --format json in đúng một đối tượng JSON.
Mã thoát: 0 khi thành công, 2 khi dùng sai lệnh hoặc không đọc được kho git.`,
	Run: runReport,
}

func runReport(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("report", e)
	root := fs.String("root", ".", "thư mục gốc của nội dung")
	from := fs.String("from", "", "phiên bản git đầu đợt (bắt buộc)")
	to := fs.String("to", "HEAD", "phiên bản git cuối đợt")
	format := fs.String("format", "text", "định dạng: text, json hoặc markdown")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.Stderr, "qms report: tham số thừa %q\n", fs.Arg(0))
		return exitUsage
	}
	if *from == "" {
		fmt.Fprintln(e.Stderr, "qms report: cần --from REF (phiên bản đầu đợt rà soát)")
		return exitUsage
	}
	var write func(io.Writer, *change.Round) error
	switch *format {
	case "text", "":
		write = change.WriteRoundText
	case "json":
		write = change.WriteRoundJSON
	case "markdown", "md":
		write = change.WriteRoundMarkdown
	default:
		fmt.Fprintln(e.Stderr, "qms report: --format phải là text, json hoặc markdown")
		return exitUsage
	}
	r, err := reportRound(e, *root, *from, *to)
	if err != nil {
		fmt.Fprintf(e.Stderr, "qms report: %v\n", err)
		return exitUsage
	}
	if err := write(e.Stdout, r); err != nil {
		fmt.Fprintf(e.Stderr, "qms report: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// reportRound loads the content root at the two revisions and compares them.
func reportRound(e *env, root, from, to string) (*change.Round, error) {
	repo, err := history.Open(absRoot(e, root))
	if errors.Is(err, history.ErrNotRepo) {
		return nil, fmt.Errorf("%s không nằm trong một kho git", root)
	}
	if err != nil {
		return nil, err
	}
	defer repo.Close()
	var corpora [2]*qms.Corpus
	var ends [2]change.End
	for i, ref := range []string{from, to} {
		s, err := repo.Snapshot(ref)
		if err != nil {
			return nil, err
		}
		corpora[i], _ = content.Load(s)
		ends[i] = change.End{Ref: ref, Commit: s.Commit.Short, Date: qms.DateOf(s.Commit.CommitDate)}
	}
	r := change.CompareRound(corpora[0], corpora[1])
	r.From, r.To = ends[0], ends[1]
	return r, nil
}

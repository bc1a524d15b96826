package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"

	"github.com/snnptnt-nghean/qms/internal/change"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/history"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var cmdReport = &command{
	Name:  "report",
	Usage: "report --from REF|NGÀY [--to REF|NGÀY] [--root DIR] [--format text|json|markdown]",
	Short: "số liệu một đợt rà soát: quy trình mới, sửa đổi, bãi bỏ … tính từ lịch sử git hoặc từ ngày ghi trong tài liệu",
	Long: `Lệnh report đếm kết quả một đợt rà soát: quy trình xây dựng mới, quy trình sửa đổi, bổ sung, quy
trình bãi bỏ; thủ tục hành chính bổ sung và bãi bỏ; văn bản mới.

Khi --from và --to là ngày (YYYY-MM-DD, tính cả hai ngày), số liệu được tính từ chính nội dung,
không cần kho git: quy trình xây dựng mới là quy trình có lần ban hành đầu có hiệu lực trong đợt,
quy trình sửa đổi, bổ sung là quy trình có lần ban hành sau có hiệu lực trong đợt (theo bảng theo
dõi sửa đổi revisions), quy trình bãi bỏ là quy trình có văn bản bãi bỏ ký hoặc có hiệu lực trong
đợt; thủ tục bổ sung theo ngày ký văn bản công bố đầu tiên, thủ tục bãi bỏ theo văn bản bãi bỏ;
văn bản mới là văn bản ký trong đợt. Dự thảo không được tính. Thiếu --to thì tính đến hôm nay.

Khi --from và --to là phiên bản git (tên nhánh, thẻ, nhánh từ xa như origin/main, hoặc mã
thay đổi; --to mặc định là HEAD), report so sánh sổ tay ở hai phiên bản: quy trình xây dựng mới
(chưa có, hoặc là dự thảo, ở --from), quy trình sửa đổi, bổ sung (lần ban hành tăng), quy trình
bãi bỏ; thủ tục bổ sung và bãi bỏ; văn bản mới. Tệp đổi tên vẫn là cùng một tài liệu (theo mã,
số văn bản). Không dùng một ngày với một phiên bản git.

--format markdown in bảng tiếng Việt để dán vào bình luận của đề nghị thay đổi; --format json in đúng một
đối tượng JSON. Mã thoát: 0 khi thành công, 2 khi dùng sai lệnh, không đọc được nội dung hoặc kho
git.`,
	Run: runReport,
}

// isoDay matches what a round end given as a date looks like; such an end
// is a date, never a git revision.
var isoDay = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

func runReport(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("report", e)
	root := fs.String("root", ".", "thư mục gốc của nội dung")
	from := fs.String("from", "", "đầu đợt: ngày YYYY-MM-DD hoặc phiên bản git (bắt buộc)")
	to := fs.String("to", "", "cuối đợt: ngày YYYY-MM-DD (mặc định hôm nay) hoặc phiên bản git (mặc định HEAD)")
	format := fs.String("format", "text", "định dạng: text, json hoặc markdown")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.Stderr, "qms report: tham số thừa %q\n", fs.Arg(0))
		return exitUsage
	}
	if *from == "" {
		fmt.Fprintln(e.Stderr, "qms report: cần --from NGÀY hoặc --from REF (đầu đợt rà soát)")
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
	var r *change.Round
	var err error
	fromDay, toDay := isoDay.MatchString(*from), isoDay.MatchString(*to)
	switch {
	case fromDay && (*to == "" || toDay):
		r, err = recordRound(e, *root, *from, *to)
	case fromDay || toDay:
		day, ref := "--from là ngày "+*from, "--to là phiên bản git "+*to
		if toDay {
			day, ref = "--to là ngày "+*to, "--from là phiên bản git "+*from
		}
		fmt.Fprintf(e.Stderr, "qms report: --from và --to phải cùng là ngày (YYYY-MM-DD) hoặc cùng là phiên bản git; ở đây %s, %s\n", day, ref)
		return exitUsage
	default:
		if *to == "" {
			*to = "HEAD"
		}
		r, err = reportRound(e, *root, *from, *to)
	}
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

// recordRound loads the content root as it is on disk and counts the round
// between two dates from the dates it records; to is "" for today.
func recordRound(e *env, root, from, to string) (*change.Round, error) {
	start, err := qms.ParseDate(from)
	if err != nil {
		return nil, fmt.Errorf("--from: %v", err)
	}
	end := todayVN()
	if to != "" {
		if end, err = qms.ParseDate(to); err != nil {
			return nil, fmt.Errorf("--to: %v", err)
		}
	}
	if end.Before(start) {
		return nil, fmt.Errorf("ngày cuối đợt %s trước ngày đầu đợt %s", end.VN(), start.VN())
	}
	c, _, err := content.LoadDir(absRoot(e, root)) // the content's own problems are for qms check
	if err != nil {
		return nil, err
	}
	return change.RecordRound(c, start, end), nil
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

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/snnptnt-nghean/qms/internal/change"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/history"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var cmdHistory = &command{
	Name:  "history",
	Usage: "history [--root DIR] ĐƯỜNG-DẪN|SỐ|MÃ  |  history [--root DIR] --since REF",
	Short: "liệt kê các phiên bản của một tài liệu, hoặc những gì đã thay đổi từ một lần ghi thay đổi",
	Long: `Lệnh history đọc lịch sử git của thư mục gốc (--root, mặc định thư mục hiện tại; không
cần cài git) và in các phiên bản của một tài liệu, mới nhất trước: mã thay đổi rút gọn,
ngày (dd/mm/yyyy), tên người sửa, tiêu đề của lần ghi thay đổi (commit) và các dòng
Approved-by:, Change-reason: ... ở cuối lời ghi. Tài liệu được chỉ bằng đường dẫn tệp .md (so với thư mục gốc hoặc
thư mục hiện tại) hoặc bằng số văn bản, mã thủ tục, mã quy trình. Lịch sử đi theo tệp qua
các lần đổi tên, chuyển thư mục.

--since REF in những gì đã thay đổi từ REF (nhánh, thẻ, mã thay đổi, HEAD~3 ...) đến HEAD,
theo từng lần ghi thay đổi: tài liệu nào được thêm, sửa, đổi tên, xóa.

Sửa đổi chưa ghi trong thư mục làm việc được ghi ở đầu danh sách. Với bản sao nông
(shallow clone), lệnh nói rõ lịch sử bắt đầu từ ngày nào.

Mã thoát: 0 khi in được, 2 khi không tìm thấy tài liệu hay REF, thư mục không nằm trong
kho git, dùng sai lệnh hoặc lỗi đọc.`,
	Run: runHistory,
}

func runHistory(ctx context.Context, e *env, args []string) int {
	fs := newFlagSet("history", e)
	root := fs.String("root", ".", "thư mục gốc của nội dung")
	since := fs.String("since", "", "in những gì đã thay đổi từ `REF` đến HEAD")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(e.Stderr, "qms history: %v\n", err)
		return exitUsage
	}
	switch {
	case *since == "" && len(rest) == 0:
		return fail(errors.New("cần đường dẫn, số hoặc mã của một tài liệu, hoặc --since REF"))
	case *since != "" && len(rest) > 0:
		return fail(errors.New("--since không đi cùng tài liệu"))
	}
	dir := absRoot(e, *root)
	r, err := history.Open(dir)
	if errors.Is(err, history.ErrNotRepo) {
		return fail(fmt.Errorf("%s không nằm trong kho git nào, nên không có lịch sử", dir))
	}
	if err != nil {
		return fail(err)
	}
	defer r.Close()
	if *since != "" {
		rg, err := r.Since(ctx, *since)
		if err != nil {
			return fail(err)
		}
		printSince(e.Stdout, *since, rg)
		return exitOK
	}
	h, err := r.Load(ctx)
	if err != nil {
		return fail(err)
	}
	path, title, err := findDocument(e, dir, h, strings.Join(rest, " "))
	if err != nil {
		return fail(err)
	}
	dirty, err := r.Dirty(dir)
	if err != nil {
		return fail(err)
	}
	printRevisions(e.Stdout, path, title, h.Revisions(path), dirty[path])
	if h.Shallow {
		fmt.Fprintln(e.Stderr, "qms history: cảnh báo:", h.ShallowWarning())
	}
	return exitOK
}

// findDocument turns what the user typed into a content path: a .md file
// (relative to the content root or to the working directory, or absolute),
// or a document number or code.
func findDocument(e *env, root string, h *history.History, q string) (path, title string, err error) {
	if strings.HasSuffix(strings.ToLower(q), ".md") {
		for _, cand := range []string{filepath.Join(root, q), absRoot(e, q)} {
			rel, err := filepath.Rel(root, cand)
			if err != nil || strings.HasPrefix(rel, "..") {
				continue
			}
			rel = filepath.ToSlash(rel)
			if h.Revisions(rel) != nil {
				return rel, "", nil
			}
			if _, err := os.Stat(cand); err == nil {
				return rel, "", nil // not committed yet
			}
		}
		return "", "", fmt.Errorf("không có tệp %s trong thư mục gốc hay trong lịch sử", q)
	}
	c, _, err := content.LoadDir(root)
	if err != nil {
		return "", "", err
	}
	doc, err := change.Lookup(c, q)
	if err != nil {
		return "", "", err
	}
	b := doc.Base()
	return b.Path, b.Kind.Label() + " " + doc.ID() + ": " + doc.Heading(), nil
}

func printRevisions(w io.Writer, path, title string, revs []qms.Revision, dirty history.DirtyState) {
	if title != "" {
		fmt.Fprintln(w, title)
	}
	fmt.Fprintf(w, "%s: %d phiên bản\n\n", path, len(revs))
	if dirty != 0 {
		fmt.Fprintf(w, "%-7s  %-10s  %s\n", "—", "chưa ghi", dirty)
	}
	width := 0
	for _, r := range revs {
		width = max(width, utf8.RuneCountInString(r.Commit.Author))
	}
	indent := strings.Repeat(" ", 9)
	for _, r := range revs {
		c := r.Commit
		fmt.Fprintf(w, "%s  %s  %s  %s\n", c.Short, c.Date.Format("02/01/2006"), pad(c.Author, width), c.Subject)
		if note := changeNote(r); note != "" {
			fmt.Fprintf(w, "%s(%s)\n", indent, note)
		}
		for _, t := range c.Trailers {
			fmt.Fprintf(w, "%s%s: %s\n", indent, t.Key, t.Value)
		}
	}
}

// changeNote describes a revision's change when it is not a plain edit.
func changeNote(r qms.Revision) string {
	switch {
	case r.Boundary:
		return "lịch sử trước lần ghi thay đổi này không có trong bản sao nông"
	case r.Change == qms.ChangeAdded:
		return "tạo mới"
	case r.Change == qms.ChangeDeleted:
		return "xóa"
	case r.Change == qms.ChangeRenamed:
		return "đổi tên từ " + r.OldPath
	case r.Commit.Merge:
		return "sửa khi hợp nhất nhánh"
	}
	return ""
}

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

func printSince(w io.Writer, ref string, rg *history.Range) {
	docs := map[string]bool{}
	byCommit := map[string][]qms.Revision{}
	for _, r := range rg.Revisions {
		docs[r.Path] = true
		byCommit[r.Commit.Hash] = append(byCommit[r.Commit.Hash], r)
	}
	fmt.Fprintf(w, "Từ %s (%s, %s %s) đến HEAD: %d lần ghi thay đổi, %d tài liệu thay đổi\n",
		ref, rg.Base.Short, rg.Base.Date.Format("02/01/2006"), rg.Base.Subject, len(rg.Commits), len(docs))
	for _, c := range rg.Commits {
		revs := byCommit[c.Hash]
		if len(revs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s  %s  %s  %s\n", c.Short, c.Date.Format("02/01/2006"), c.Author, c.Subject)
		for _, t := range c.Trailers {
			fmt.Fprintf(w, "         %s: %s\n", t.Key, t.Value)
		}
		for _, r := range revs {
			verb, what := "sửa", r.Path
			switch r.Change {
			case qms.ChangeAdded:
				verb = "thêm"
			case qms.ChangeDeleted:
				verb = "xóa"
			case qms.ChangeRenamed:
				verb, what = "đổi tên", r.OldPath+" → "+r.Path
			}
			fmt.Fprintf(w, "    %-8s %s\n", verb, what)
		}
	}
}

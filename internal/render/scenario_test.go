package render

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// renderAll renders every file of s, by path.
func renderAll(t *testing.T, s *Site) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range s.Files() {
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		out[f.Path] = b.Bytes()
	}
	return out
}

// changesScenario is a site whose change log has every part of the
// changes template: three months (a month page with a newer and an older
// month), more than changesFront entries (a link to the rest), an entry
// with more than frontDocs documents, merged pull requests of two
// commits and of one, trailers, a rename, a shallow boundary, an empty
// subject, text that needs escaping and a base URL other than "/". Its
// lists have filter pages and a field without processes.
func changesScenario(t testing.TB) *Site {
	const docs = frontDocs + 10
	path := func(i int) string { return fmt.Sprintf("processes/qt-%02d.md", i) }
	files := map[string]string{}
	revs := map[string][]qms.Revision{}
	add := func(c *qms.Commit, i int, change qms.Change) {
		r := qms.Revision{Commit: c, Path: path(i), Blob: "b", ParentBlob: "b", Change: change}
		if change == qms.ChangeRenamed {
			r.OldPath = "processes/cũ & \"mới\" <1>.md"
		}
		revs[path(i)] = append(revs[path(i)], r)
	}
	mk := func(n int, author, subject string, date time.Time, trailers ...qms.Trailer) *qms.Commit {
		h := fmt.Sprintf("%040x", n+1)
		return &qms.Commit{Hash: h, Short: h[33:], Author: author, Subject: subject, Date: date, Trailers: trailers}
	}
	var commits []*qms.Commit
	start := time.Date(2024, 3, 1, 8, 0, 0, 0, ict)
	for i := range docs {
		files[path(i)] = strings.Replace(processV("1", "3465/QĐ-UBND", "2 ngày làm việc", "Nội dung.\n"), "QT-01", fmt.Sprintf("QT-%02d", i), 1)
		c := mk(i, "Ada Lind", "Nhập QT "+strconv.Itoa(i), start.Add(time.Duration(i)*time.Hour))
		commits = append(commits, c)
		add(c, i, qms.ChangeAdded)
	}
	// Edits every 14 hours through March, April and May.
	for n := range 130 {
		subject := "Sửa <quy trình> & \"mẫu\" lần " + strconv.Itoa(n)
		if n == 7 {
			subject = ""
		}
		c := mk(100+n, "Bến O'Trần", subject, start.Add(time.Duration(docs+14*n)*time.Hour))
		commits = append(commits, c)
		change := qms.ChangeModified
		if n == 120 {
			change = qms.ChangeRenamed
		}
		add(c, n%docs, change)
	}
	// A pull request: two commits merged at once, and a commit changing
	// every document, with trailers.
	side1 := mk(300, "Cleo", "Sửa QT-01 trên nhánh", time.Date(2024, 5, 27, 9, 0, 0, 0, ict))
	side2 := mk(301, "Cleo", "Sửa QT-02 trên nhánh", time.Date(2024, 5, 27, 10, 0, 0, 0, ict))
	merge := mk(302, "Dũng", "Hợp nhất yêu cầu #4", time.Date(2024, 5, 28, 9, 0, 0, 0, ict), qms.Trailer{Key: "Approved-by", Value: "Giám đốc <Sở>"})
	add(side1, 1, qms.ChangeModified)
	add(side2, 2, qms.ChangeModified)
	add(side2, 1, qms.ChangeModified)
	all := mk(303, "Ada Lind", "Sửa tất cả", time.Date(2024, 5, 29, 9, 0, 0, 0, ict),
		qms.Trailer{Key: "Approved-by", Value: "Giám đốc Sở"}, qms.Trailer{Key: "Change-reason", Value: "Rà soát & cập nhật"})
	for i := range docs {
		add(all, i, qms.ChangeModified)
	}
	side3 := mk(304, "Cleo", "Sửa QT-03 trên nhánh", time.Date(2024, 5, 29, 10, 0, 0, 0, ict))
	merge2 := mk(305, "Dũng", "Hợp nhất yêu cầu #5", time.Date(2024, 5, 29, 11, 0, 0, 0, ict))
	add(side3, 3, qms.ChangeModified)
	commits = append(commits, side1, side2, merge, all, side3, merge2)
	sortCommits(commits)
	for p, rs := range revs {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Commit.Date.After(rs[j].Commit.Date) })
		rs[len(rs)-1].Boundary = p == path(5)
	}
	files["procedures/tt-01.md"] = procedureFile("1.001", "Cấp phép & gia hạn", "Thủy sản")
	files["decisions/61.md"] = decisionHead + "Toàn văn.\n"
	f := &fakeHistory{blobs: map[string]string{"b": files[path(0)]}, revs: revs}
	h := f.history()
	h.Commits = commits
	h.Groups = []CommitGroup{{Merge: merge2, Commits: []*qms.Commit{side3}}, {Merge: merge, Commits: []*qms.Commit{side2, side1}}}
	return newTestSite(t, files, func(o *Options) { o.History = h; o.BaseURL = "https://example.org/sổ tay/" })
}

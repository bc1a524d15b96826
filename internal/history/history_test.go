package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

const (
	qtOld = "manual/processes/qt-01.md"
	qtNew = "manual/processes/thuy-san/qt-01.md"
	qd    = "manual/decisions/123-qd-ubnd.md"
)

func qt(v string) string {
	return "---\ncode: QT-01\ntitle: Quy trình cấp phép\nrevision: " + v + "\n---\n## 1. Mục đích\n\nNội dung phiên bản " + v + ".\n"
}

func decision(v string) string {
	return "---\nnumber: 123/QĐ-UBND\ntitle: Công bố thủ tục\n---\nLần " + v + ".\n"
}

// scenario builds the story the tests tell, under a content root that is
// the sub-directory manual/ of the repository:
//
//	C1  add qt-01 and the decision          C8  edit the decision (main)
//	C2  edit qt-01 (trailers)               M1  merge pr-1 (clean: not listed)
//	C3  edit files outside the content      S2  edit qt-01 on pr-2
//	C4  rename qt-01 into thuy-san/         C9  edit qt-01 on main
//	C5  edit it                             M2  merge pr-2 resolving the conflict
//	C6  delete it                           S3  edit the decision on pr-3
//	C7  restore it                          C10 edit the decision on main
//	S1  edit qt-01 on pr-1                  M3  merge pr-3 keeping main's decision
type scenario struct {
	b *builder
	c map[string]plumbing.Hash
}

func newScenario(t *testing.T) *scenario {
	b := newBuilder(t)
	c := map[string]plumbing.Hash{}
	main := "refs/heads/master"
	f := map[string]string{qtOld: qt("1"), qd: decision("1"), "README.md": "kho\n", "manual/site/x.md": "không phải tài liệu\n"}
	c["C1"] = b.Commit(main, nil, f, "Ada", "Nhập tài liệu\n")
	f = edit(f, qtOld, qt("2"))
	c["C2"] = b.Commit(main, []plumbing.Hash{c["C1"]}, f, "Ben",
		"Sửa QT-01 lần 2\n\nSửa bước 2 theo góp ý\ncủa phòng.\n\nApproved-by: Giám đốc Sở <gd@snn.example.vn>\nChange-reason: Theo Quyết định 123/QĐ-UBND\n  ngày 06/10/2020\n")
	f = edit(f, "README.md", "kho tài liệu\n", "manual/site/x.md", "vẫn không\n", "manual/processes/notes.txt", "ghi chú\n")
	c["C3"] = b.Commit(main, []plumbing.Hash{c["C2"]}, f, "Ada", "Sửa README\n")
	f = edit(f, qtOld, "", qtNew, qt("2"))
	c["C4"] = b.Commit(main, []plumbing.Hash{c["C3"]}, f, "Cleo", "Chuyển QT-01 vào thuy-san\n")
	f = edit(f, qtNew, qt("3"))
	c["C5"] = b.Commit(main, []plumbing.Hash{c["C4"]}, f, "Ada", "Sửa QT-01 lần 3\n")
	f = edit(f, qtNew, "")
	c["C6"] = b.Commit(main, []plumbing.Hash{c["C5"]}, f, "Ben", "Xoá nhầm QT-01\n")
	f = edit(f, qtNew, qt("3"))
	c["C7"] = b.Commit(main, []plumbing.Hash{c["C6"]}, f, "Ben", "Khôi phục QT-01\n")
	side := edit(f, qtNew, qt("4"))
	c["S1"] = b.Commit("refs/heads/pr-1", []plumbing.Hash{c["C7"]}, side, "Cleo", "QT-01 lần 4\n")
	f = edit(f, qd, decision("2"))
	c["C8"] = b.Commit(main, []plumbing.Hash{c["C7"]}, f, "Ada", "Sửa quyết định\n")
	f = edit(f, qtNew, qt("4"))
	c["M1"] = b.Commit(main, []plumbing.Hash{c["C8"], c["S1"]}, f, "Ada", "Merge pull request #1 from pr-1\n")
	side = edit(f, qtNew, qt("5a"))
	c["S2"] = b.Commit("refs/heads/pr-2", []plumbing.Hash{c["M1"]}, side, "Cleo", "QT-01 lần 5 (nhánh)\n")
	f = edit(f, qtNew, qt("5b"))
	c["C9"] = b.Commit(main, []plumbing.Hash{c["M1"]}, f, "Ben", "QT-01 lần 5 (main)\n")
	f = edit(f, qtNew, qt("5c"))
	c["M2"] = b.Commit(main, []plumbing.Hash{c["C9"], c["S2"]}, f, "Ada", "Merge pull request #2 from pr-2\n\nGiải quyết xung đột.\n")
	side = edit(f, qd, decision("3a"))
	c["S3"] = b.Commit("refs/heads/pr-3", []plumbing.Hash{c["M2"]}, side, "Cleo", "Quyết định lần 3 (nhánh)\n")
	f = edit(f, qd, decision("3b"))
	c["C10"] = b.Commit(main, []plumbing.Hash{c["M2"]}, f, "Ben", "Quyết định lần 3\n")
	c["M3"] = b.Commit(main, []plumbing.Hash{c["C10"], c["S3"]}, f, "Ada", "Merge pull request #3 from pr-3\n")
	b.checkout(c["M3"])
	return &scenario{b, c}
}

func (s *scenario) name(hash string) string {
	for k, v := range s.c {
		if v.String() == hash {
			return k
		}
	}
	return "?" + hash[:7]
}

// describe renders revisions as "C9 modified thuy-san/qt-01.md" lines.
func (s *scenario) describe(revs []qms.Revision) []string {
	var out []string
	for _, r := range revs {
		line := fmt.Sprintf("%s %s %s", s.name(r.Commit.Hash), r.Change, r.Path)
		if r.OldPath != "" {
			line += " from " + r.OldPath
		}
		if r.Boundary {
			line += " boundary"
		}
		out = append(out, line)
	}
	return out
}

func load(t *testing.T, dir string) (*Repo, *History) {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	h, err := r.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return r, h
}

func TestRevisions(t *testing.T) {
	s := newScenario(t)
	r, h := load(t, filepath.Join(s.b.Dir, "manual"))
	if r.Prefix != "manual" {
		t.Errorf("Prefix = %q, want manual", r.Prefix)
	}
	if got, want := h.Paths(), []string{"decisions/123-qd-ubnd.md", "processes/thuy-san/qt-01.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Paths() = %q, want %q", got, want)
	}
	tests := []struct {
		path string
		want []string
	}{
		{"processes/thuy-san/qt-01.md", []string{
			"M2 modified processes/thuy-san/qt-01.md", // conflict resolution: differs from both parents
			"C9 modified processes/thuy-san/qt-01.md",
			"S2 modified processes/thuy-san/qt-01.md",
			// M1 is a clean merge: it took pr-1's version, so it is not listed.
			"S1 modified processes/thuy-san/qt-01.md",
			"C7 added processes/thuy-san/qt-01.md",
			"C6 deleted processes/thuy-san/qt-01.md",
			"C5 modified processes/thuy-san/qt-01.md",
			"C4 renamed processes/thuy-san/qt-01.md from processes/qt-01.md",
			"C2 modified processes/qt-01.md",
			"C1 added processes/qt-01.md",
		}},
		{"decisions/123-qd-ubnd.md", []string{
			// S3's change was discarded by M3, which kept main's version:
			// git log hides it, and so do we.
			"C10 modified decisions/123-qd-ubnd.md",
			"C8 modified decisions/123-qd-ubnd.md",
			"C1 added decisions/123-qd-ubnd.md",
		}},
	}
	for _, tt := range tests {
		if got := s.describe(h.Revisions(tt.path)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Revisions(%s):\n got %q\nwant %q", tt.path, got, tt.want)
		}
	}
	if revs := h.Revisions("processes/thuy-san/qt-01.md"); len(revs) == 10 {
		m2, c4, c6 := revs[0], revs[7], revs[5]
		blob := func(content string) string {
			return plumbing.ComputeHash(plumbing.BlobObject, []byte(content)).String()
		}
		if m2.Blob != blob(qt("5c")) || m2.ParentBlob != blob(qt("5b")) {
			t.Errorf("M2 blobs = %s, %s; want 5c against its first parent's 5b", m2.Blob, m2.ParentBlob)
		}
		if c4.Blob != blob(qt("2")) || c4.ParentBlob != blob(qt("2")) {
			t.Errorf("C4 (exact rename) blobs = %s, %s", c4.Blob, c4.ParentBlob)
		}
		if c6.Blob != "" || c6.ParentBlob != blob(qt("3")) {
			t.Errorf("C6 (delete) blobs = %q, %q", c6.Blob, c6.ParentBlob)
		}
		b, err := r.Blob(revs[8].Blob)
		if err != nil || string(b) != qt("2") {
			t.Errorf("Blob(C2) = %q, %v; want %q", b, err, qt("2"))
		}
	}
	if h.Shallow || h.ShallowWarning() != "" {
		t.Errorf("Shallow = %v, warning %q for a full repository", h.Shallow, h.ShallowWarning())
	}
	if len(h.Commits) != 16 || h.Head.Hash != s.c["M3"].String() {
		t.Errorf("%d commits, head %s; want 16, M3", len(h.Commits), s.name(h.Head.Hash))
	}
}

func TestCommitFields(t *testing.T) {
	s := newScenario(t)
	_, h := load(t, filepath.Join(s.b.Dir, "manual"))
	c := h.Commit(s.c["C2"].String())
	if c == nil {
		t.Fatal("C2 not found")
	}
	want := []qms.Trailer{
		{Key: "Approved-by", Value: "Giám đốc Sở"},
		{Key: "Change-reason", Value: "Theo Quyết định 123/QĐ-UBND ngày 06/10/2020"},
	}
	if !reflect.DeepEqual(c.Trailers, want) {
		t.Errorf("Trailers = %q, want %q", c.Trailers, want)
	}
	if c.Trailer("approved-BY") != "Giám đốc Sở" {
		t.Errorf("Trailer(approved-BY) = %q", c.Trailer("approved-BY"))
	}
	if c.Subject != "Sửa QT-01 lần 2" || c.Body != "Sửa bước 2 theo góp ý\ncủa phòng." {
		t.Errorf("Subject, Body = %q, %q", c.Subject, c.Body)
	}
	if c.Author != "Bến Trần" || c.Date.Format("02/01/2006 15:04 -0700") != "01/03/2024 10:00 +0700" {
		t.Errorf("Author, Date = %q, %s", c.Author, c.Date)
	}
	if len(c.Short) != 7 || !strings.HasPrefix(c.Hash, c.Short) || c.Merge || len(c.Parents) != 1 {
		t.Errorf("Short %q, Merge %v, Parents %q", c.Short, c.Merge, c.Parents)
	}
	m2 := h.Commit(s.c["M2"].String())
	if !m2.Merge || !reflect.DeepEqual(m2.Parents, []string{s.c["C9"].String(), s.c["S2"].String()}) {
		t.Errorf("M2 Merge %v, Parents %q", m2.Merge, m2.Parents)
	}
	// Newest first, as git log orders them.
	var order []string
	for _, c := range h.Commits {
		order = append(order, s.name(c.Hash))
	}
	wantOrder := "M3 C10 S3 M2 C9 S2 M1 C8 S1 C7 C6 C5 C4 C3 C2 C1"
	if strings.Join(order, " ") != wantOrder {
		t.Errorf("Commits = %s, want %s", strings.Join(order, " "), wantOrder)
	}
	// No e-mail address anywhere.
	for _, c := range h.Commits {
		if dump := fmt.Sprintf("%+v", *c); strings.Contains(dump, "@") {
			t.Errorf("commit %s exposes an address: %s", s.name(c.Hash), dump)
		}
	}
}

func TestGroupsAndChanges(t *testing.T) {
	s := newScenario(t)
	_, h := load(t, filepath.Join(s.b.Dir, "manual"))
	var got []string
	for _, g := range h.Groups {
		line := s.name(g.Merge.Hash) + ":"
		for _, c := range g.Commits {
			line += " " + s.name(c.Hash)
		}
		line += " " + strings.Join(g.Paths, ",")
		got = append(got, line)
	}
	// M3's group changed nothing: its side change was discarded.
	if want := []string{"M3: S3 ", "M2: S2 processes/thuy-san/qt-01.md", "M1: S1 processes/thuy-san/qt-01.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Groups = %q, want %q", got, want)
	}
	if m := h.MergedBy(s.c["S2"].String()); m == nil || m.Hash != s.c["M2"].String() {
		t.Errorf("MergedBy(S2) = %v, want M2", m)
	}
	if m := h.MergedBy(s.c["C9"].String()); m != nil {
		t.Errorf("MergedBy(C9) = %s, want nil (first-parent line)", s.name(m.Hash))
	}
	if got := s.describe(h.Changes(s.c["C1"].String())); !reflect.DeepEqual(got, []string{
		"C1 added decisions/123-qd-ubnd.md", "C1 added processes/qt-01.md"}) {
		t.Errorf("Changes(C1) = %q", got)
	}
	for _, k := range []string{"C3", "M1", "M3", "S3"} {
		if got := h.Changes(s.c[k].String()); len(got) != 0 {
			t.Errorf("Changes(%s) = %q, want none", k, s.describe(got))
		}
	}
}

func TestDeletedDocument(t *testing.T) {
	b := newBuilder(t)
	f := map[string]string{"processes/a.md": qt("1"), "processes/b.md": "---\ncode: QT-02\n---\nB\n"}
	c1 := b.Commit("refs/heads/master", nil, f, "Ada", "Thêm\n")
	c2 := b.Commit("refs/heads/master", []plumbing.Hash{c1}, edit(f, "processes/b.md", ""), "Ben", "Bãi bỏ QT-02\n")
	_, h := load(t, b.Dir)
	if got := h.Deleted(); !reflect.DeepEqual(got, []string{"processes/b.md"}) {
		t.Fatalf("Deleted() = %q", got)
	}
	revs := h.Revisions("processes/b.md")
	if len(revs) != 2 || revs[0].Commit.Hash != c2.String() || revs[0].Change != qms.ChangeDeleted || revs[1].Change != qms.ChangeAdded {
		t.Errorf("Revisions(b.md) = %+v", revs)
	}
}

func TestSimilarRename(t *testing.T) {
	b := newBuilder(t)
	long := strings.Repeat("Dòng nội dung giữ nguyên.\n", 10)
	f := map[string]string{"decisions/old-name.md": "---\nnumber: 5/QĐ-SNN\n---\n" + long, "decisions/x.md": "---\nnumber: 9/QĐ-SNN\n---\nkhác\n"}
	c1 := b.Commit("refs/heads/master", nil, f, "Ada", "Thêm\n")
	// Renamed with edits: the document number changed too, so only the
	// similarity of lines pairs the files.
	f2 := edit(f, "decisions/old-name.md", "", "decisions/new-name.md", "---\nnumber: 5/QĐ-SNN-VP\n---\n"+long+"Thêm một dòng.\n")
	c2 := b.Commit("refs/heads/master", []plumbing.Hash{c1}, f2, "Ben", "Đổi tên\n")
	// Renamed and rewritten: the number pairs them.
	f3 := edit(f2, "decisions/x.md", "", "decisions/y.md", "---\nnumber: 9/QĐ-SNN\n---\nviết lại hoàn toàn\n")
	c3 := b.Commit("refs/heads/master", []plumbing.Hash{c2}, f3, "Ben", "Đổi tên nữa\n")
	_, h := load(t, b.Dir)
	check := func(path, from string, at, first plumbing.Hash) {
		t.Helper()
		revs := h.Revisions(path)
		if len(revs) != 2 || revs[0].Commit.Hash != at.String() || revs[0].Change != qms.ChangeRenamed ||
			revs[0].OldPath != from || revs[1].Commit.Hash != first.String() || revs[1].Path != from {
			t.Errorf("Revisions(%s) = %+v", path, revs)
		}
	}
	check("decisions/new-name.md", "decisions/old-name.md", c2, c1)
	check("decisions/y.md", "decisions/x.md", c3, c1)
	if len(h.Deleted()) != 0 {
		t.Errorf("Deleted() = %q; renamed files are not deleted", h.Deleted())
	}
}

func TestNotRepo(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir)
	if !errors.Is(err, ErrNotRepo) {
		t.Fatalf("Open(%s) = %v, want ErrNotRepo", dir, err)
	}
}

func TestGitFile(t *testing.T) {
	s := newScenario(t)
	// A linked checkout whose .git is a file naming the repository.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, ".git"), []byte("gitdir: "+filepath.Join(s.b.Dir, ".git")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(other, "manual"), 0o755)
	r, h := load(t, filepath.Join(other, "manual"))
	if r.GitDir != filepath.Join(s.b.Dir, ".git") || len(h.Revisions("processes/thuy-san/qt-01.md")) != 10 {
		t.Errorf("GitDir %s, %d revisions", r.GitDir, len(h.Revisions("processes/thuy-san/qt-01.md")))
	}
}

func TestEmptyRepo(t *testing.T) {
	b := newBuilder(t)
	_, h := load(t, b.Dir)
	if h.Head != nil || len(h.Commits) != 0 || len(h.Paths()) != 0 {
		t.Errorf("empty repository: head %v, %d commits, %d paths", h.Head, len(h.Commits), len(h.Paths()))
	}
}

func TestSince(t *testing.T) {
	s := newScenario(t)
	r, err := Open(filepath.Join(s.b.Dir, "manual"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rg, err := r.Since(context.Background(), s.c["C9"].String()[:10])
	if err != nil {
		t.Fatal(err)
	}
	if rg.Base.Hash != s.c["C9"].String() {
		t.Errorf("Base = %s", s.name(rg.Base.Hash))
	}
	var cs []string
	for _, c := range rg.Commits {
		cs = append(cs, s.name(c.Hash))
	}
	// S2 is not reachable from C9: it came in with M2.
	if got, want := strings.Join(cs, " "), "M3 C10 S3 M2 S2"; got != want {
		t.Errorf("Commits = %s, want %s", got, want)
	}
	got := s.describe(rg.Revisions)
	want := []string{"C10 modified decisions/123-qd-ubnd.md", "M2 modified processes/thuy-san/qt-01.md", "S2 modified processes/thuy-san/qt-01.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Revisions = %q, want %q", got, want)
	}
	if _, err := r.Since(context.Background(), "no-such-branch"); err == nil {
		t.Error("Since(no-such-branch) succeeded")
	}
}

// shallowCopy makes a repository holding only the commits within depth of
// the scenario's HEAD (depth 1: HEAD alone) and the objects of their trees,
// with the commits at the edge listed in .git/shallow, as `git clone
// --depth` leaves it.
func shallowCopy(t *testing.T, s *scenario, depth int) string {
	t.Helper()
	dst := newBuilder(t)
	src := s.b.Git.Storer
	copyObj := func(h plumbing.Hash) {
		o, err := src.EncodedObject(plumbing.AnyObject, h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := dst.Git.Storer.SetEncodedObject(o); err != nil {
			t.Fatal(err)
		}
	}
	var copyTree func(h plumbing.Hash)
	copyTree = func(h plumbing.Hash) {
		copyObj(h)
		tr, err := object.GetTree(src, h)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range tr.Entries {
			if e.Mode == filemode.Dir {
				copyTree(e.Hash)
			} else {
				copyObj(e.Hash)
			}
		}
	}
	head := s.c["M3"]
	level := []plumbing.Hash{head}
	seen := map[plumbing.Hash]bool{head: true}
	var edge []plumbing.Hash
	for d := 1; d <= depth; d++ {
		var next []plumbing.Hash
		for _, h := range level {
			c, err := object.GetCommit(src, h)
			if err != nil {
				t.Fatal(err)
			}
			copyObj(h)
			copyTree(c.TreeHash)
			if d == depth {
				edge = append(edge, h)
				continue
			}
			for _, p := range c.ParentHashes {
				if !seen[p] {
					seen[p] = true
					next = append(next, p)
				}
			}
		}
		level = next
	}
	if err := dst.Git.Storer.SetShallow(edge); err != nil {
		t.Fatal(err)
	}
	if err := dst.Git.Storer.SetReference(plumbing.NewHashReference("refs/heads/master", head)); err != nil {
		t.Fatal(err)
	}
	return dst.Dir
}

func TestShallow(t *testing.T) {
	s := newScenario(t)
	tests := []struct {
		depth      int
		commits    int
		since      string
		qt, qd     []string
		boundaries string
	}{
		{1, 1, "M3",
			[]string{"M3  processes/thuy-san/qt-01.md boundary"},
			[]string{"M3  decisions/123-qd-ubnd.md boundary"}, "M3"},
		{3, 4, "M2",
			[]string{"M2  processes/thuy-san/qt-01.md boundary"},
			[]string{"C10 modified decisions/123-qd-ubnd.md", "M2  decisions/123-qd-ubnd.md boundary"}, "M2"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint("depth", tt.depth), func(t *testing.T) {
			dir := shallowCopy(t, s, tt.depth)
			_, h := load(t, filepath.Join(dir, "manual"))
			if !h.Shallow || len(h.Commits) != tt.commits {
				t.Fatalf("Shallow %v, %d commits; want true, %d", h.Shallow, len(h.Commits), tt.commits)
			}
			if w := h.ShallowWarning(); !strings.Contains(w, h.ShallowSince.Format("02/01/2006")) || !strings.Contains(w, "fetch-depth: 0") {
				t.Errorf("ShallowWarning() = %q", w)
			}
			if want := h.Commit(s.c[tt.since].String()).Date; !h.ShallowSince.Equal(want) {
				t.Errorf("ShallowSince = %s, want %s (%s)", h.ShallowSince, want, tt.since)
			}
			if got := s.describe(h.Revisions("processes/thuy-san/qt-01.md")); !reflect.DeepEqual(got, tt.qt) {
				t.Errorf("qt-01: got %q, want %q", got, tt.qt)
			}
			if got := s.describe(h.Revisions("decisions/123-qd-ubnd.md")); !reflect.DeepEqual(got, tt.qd) {
				t.Errorf("decision: got %q, want %q", got, tt.qd)
			}
			var bs []string
			for _, c := range h.Commits {
				if c.Boundary {
					bs = append(bs, s.name(c.Hash))
				}
			}
			if strings.Join(bs, " ") != tt.boundaries {
				t.Errorf("boundary commits %q, want %q", bs, tt.boundaries)
			}
		})
	}
}

func TestDirty(t *testing.T) {
	b := newBuilder(t)
	f := map[string]string{
		"processes/a.md": "A\n", "processes/sub/b.md": "B\n", "procedures/c.md": "C\n",
		"decisions/d.md": "D1\nD2\n", "README.md": "R\n", "processes/x.txt": "X\n",
	}
	h := b.Commit("refs/heads/master", nil, f, "Ada", "Thêm\n")
	b.checkout(h)
	write := func(p, c string) {
		full := filepath.Join(b.Dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("processes/sub/b.md", "B sửa\n")
	write("decisions/d.md", "D1\r\nD2\r\n") // only line endings differ
	write("processes/e.md", "mới\n")
	write("README.md", "R sửa\n")
	write("processes/y.txt", "Y\n")
	if err := os.Remove(filepath.Join(b.Dir, "procedures", "c.md")); err != nil {
		t.Fatal(err)
	}
	r, err := Open(b.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.Dirty(b.Dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]DirtyState{"processes/sub/b.md": Modified, "processes/e.md": New, "procedures/c.md": Deleted}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Dirty = %v, want %v", got, want)
	}
	if ps := DirtyPaths(got); strings.Join(ps, " ") != "procedures/c.md processes/e.md processes/sub/b.md" {
		t.Errorf("DirtyPaths = %q", ps)
	}
}

func TestDirtySubdirectory(t *testing.T) {
	s := newScenario(t)
	root := filepath.Join(s.b.Dir, "manual")
	if err := os.WriteFile(filepath.Join(root, "processes", "thuy-san", "qt-01.md"), []byte(qt("6")), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.Dirty(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]DirtyState{"processes/thuy-san/qt-01.md": Modified}; !reflect.DeepEqual(got, want) {
		t.Errorf("Dirty = %v, want %v", got, want)
	}
}

// TestRecordInTwoHistories: a file renamed away and a new file later added
// at its old path share the first commit's record (the old path keeps one
// history; the new path follows the rename). Changes lists that record once
// per history that lists it.
func TestRecordInTwoHistories(t *testing.T) {
	b := newBuilder(t)
	f := map[string]string{"processes/a.md": qt("1")}
	c1 := b.Commit("refs/heads/master", nil, f, "Ada", "Thêm\n")
	f = edit(f, "processes/a.md", "", "processes/b.md", qt("1"))
	c2 := b.Commit("refs/heads/master", []plumbing.Hash{c1}, f, "Ben", "Đổi tên\n")
	f = edit(f, "processes/a.md", "---\ncode: QT-09\n---\nMới\n")
	c3 := b.Commit("refs/heads/master", []plumbing.Hash{c2}, f, "Ben", "Thêm lại\n")
	_, h := load(t, b.Dir)
	commits := func(revs []qms.Revision) []string {
		var out []string
		for _, r := range revs {
			out = append(out, r.Commit.Hash[:7]+" "+string(r.Change))
		}
		return out
	}
	if got, want := commits(h.Revisions("processes/b.md")), []string{c2.String()[:7] + " renamed", c1.String()[:7] + " added"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Revisions(b.md) = %q, want %q", got, want)
	}
	if got, want := commits(h.Revisions("processes/a.md")), []string{c3.String()[:7] + " added", c2.String()[:7] + " deleted", c1.String()[:7] + " added"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Revisions(a.md) = %q, want %q", got, want)
	}
	ch := h.Changes(c1.String())
	if len(ch) != 2 || ch[0] != ch[1] || ch[0].Path != "processes/a.md" || ch[0].Blob == "" {
		t.Errorf("Changes(c1) = %+v, want the added a.md twice", ch)
	}
	if ch := h.Changes(c2.String()); len(ch) != 2 || ch[0].Path != "processes/a.md" || ch[1].Path != "processes/b.md" {
		t.Errorf("Changes(c2) = %+v", ch)
	}
}

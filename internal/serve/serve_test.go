package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/snnptnt-nghean/qms/internal/build"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/site"
)

// corpus is a small manual: a decision, a procedure and a process that
// relies on both.
var corpus = map[string]string{
	"decisions/61-2018-nd-cp.md": `---
number: "61/2018/NĐ-CP"
type: nghi-dinh
issuer: Chính phủ
issued: 2018-04-23
title: Về thực hiện cơ chế một cửa
---
Nghị định.
`,
	"procedures/1-000001.md": `---
code: "1.000001"
title: Cấp giấy phép thử
field: Thủy sản
agency: Sở Nông nghiệp và PTNT
time_limit: 10 ngày làm việc
announced_by:
  - "61/2018/NĐ-CP"
---
Thủ tục.
`,
	"processes/qt-01.md": `---
code: QT-01
title: Quy trình cấp giấy phép thử
kind: task
unit: Chi cục Thủy sản
revision: 1
effective: 2024-01-15
status: active
approved_by: "61/2018/NĐ-CP"
procedures:
  - "1.000001"
legal_basis:
  - "61/2018/NĐ-CP"
---
## 1. Mục đích
## 2. Phạm vi
## 3. Tài liệu viện dẫn
## 4. Định nghĩa, chữ viết tắt
## 5. Nội dung quy trình
Nội dung quy trình.
## 6. Biểu mẫu
## 7. Hồ sơ cần lưu
`,
}

// harness is a server on a temporary copy of corpus, watched, behind an
// httptest.Server.
type harness struct {
	t    *testing.T
	root string
	srv  *Server
	http *httptest.Server
	log  *syncBuffer
	// streams counts the requests for the event stream.
	streams atomic.Int32
}

func start(t *testing.T, edit func(*Options)) *harness {
	t.Helper()
	root := t.TempDir()
	for name, s := range corpus {
		write(t, filepath.Join(root, filepath.FromSlash(name)), s)
	}
	log := &syncBuffer{}
	opts := Options{
		Build:    build.Options{Root: root, AsOf: qms.Date{Year: 2025, Month: 6, Day: 1}, Commit: "abc1234"},
		Interval: 10 * time.Millisecond,
		Log:      log,
	}
	if edit != nil {
		edit(&opts)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := New(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() { srv.Watch(ctx) })
	h := &harness{t: t, root: root, srv: srv, log: log}
	hs := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/"+eventsPath {
			h.streams.Add(1)
		}
		srv.ServeHTTP(w, r)
	}))
	hs.Config.BaseContext = func(net.Listener) context.Context { return ctx }
	hs.Start()
	t.Cleanup(func() {
		cancel()
		hs.Close()
		wg.Wait()
	})
	h.http = hs
	return h
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// edit rewrites a content file with old replaced by new.
func (h *harness) edit(name, old, new string) {
	h.t.Helper()
	p := filepath.Join(h.root, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		h.t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		h.t.Fatalf("%s has no %q", name, old)
	}
	write(h.t, p, strings.Replace(string(b), old, new, 1))
}

// get fetches a path without following redirects.
func (h *harness) get(p string) (int, string, http.Header) {
	h.t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(h.http.URL + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

// waitFor fetches p until its body contains want, or fails after a
// generous deadline (no timing is asserted: the deadline only ends a
// broken test).
func (h *harness) waitFor(p, want string) string {
	h.t.Helper()
	var body string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		_, body, _ = h.get(p)
		if strings.Contains(body, want) {
			return body
		}
	}
	h.t.Fatalf("GET %s never contained %q; last body:\n%s\nlog:\n%s", p, want, body, h.log.String())
	return ""
}

// stream reads the event stream and sends each build event.
func (h *harness) stream() <-chan event {
	h.t.Helper()
	req, err := http.NewRequest("GET", h.http.URL+"/__qms/events", nil)
	if err != nil {
		h.t.Fatal(err)
	}
	resp, err := h.http.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		h.t.Fatalf("events Content-Type %q", ct)
	}
	ch := make(chan event, 16)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && name == "build":
				var e event
				if json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &e) == nil {
					ch <- e
				}
			}
		}
	}()
	return ch
}

// next waits for the next event.
func next(t *testing.T, ch <-chan event) event {
	t.Helper()
	select {
	case e, ok := <-ch:
		if !ok {
			t.Fatal("event stream closed")
		}
		return e
	case <-time.After(20 * time.Second):
		t.Fatal("no event")
	}
	return event{}
}

var scriptGen = regexp.MustCompile(`<script src="/__qms/reload\.js\?g=([^"]+)" defer></script>`)

// pageGen returns the generation a page's reload script names.
func pageGen(t *testing.T, body string) string {
	t.Helper()
	m := scriptGen.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("page has no reload script:\n%s", body)
	}
	return m[1]
}

// TestEditRebuildsAndReloads: a saved edit shows on the page, the page
// names the new generation and the event stream announces it.
func TestEditRebuildsAndReloads(t *testing.T) {
	h := start(t, nil)
	events := h.stream()
	first := next(t, events)
	if first.Gen != h.srv.Generation() || first.Error != "" {
		t.Fatalf("first event %+v, serving %s", first, h.srv.Generation())
	}
	code, body, _ := h.get("/processes/qt-01/")
	if code != 200 || !strings.Contains(body, "Quy trình cấp giấy phép thử") {
		t.Fatalf("GET process = %d", code)
	}
	if g := pageGen(t, body); g != first.Gen {
		t.Errorf("page generation %s, stream %s", g, first.Gen)
	}

	h.edit("processes/qt-01.md", "title: Quy trình cấp giấy phép thử", "title: Quy trình cấp giấy phép đã sửa")
	body = h.waitFor("/processes/qt-01/", "Quy trình cấp giấy phép đã sửa")
	e := next(t, events)
	if e.Gen == first.Gen || e.Error != "" {
		t.Errorf("after the edit the stream sent %+v", e)
	}
	if g := pageGen(t, body); g != e.Gen {
		t.Errorf("new page generation %s, stream %s", g, e.Gen)
	}
	// Pages that depend on the edited document changed too.
	h.waitFor("/procedures/1-000001/", "Quy trình cấp giấy phép đã sửa")
	if _, body, _ := h.get("/processes/"); !strings.Contains(body, "Quy trình cấp giấy phép đã sửa") {
		t.Error("the process list still has the old title")
	}
	if !strings.Contains(h.log.String(), "processes/qt-01.md thay đổi; đã dựng lại") {
		t.Errorf("log: %s", h.log.String())
	}

	// A new file is picked up; a removed one is gone.
	write(t, filepath.Join(h.root, "decisions", "2024", "12-qd-ubnd.md"),
		"---\nnumber: \"12/QĐ-UBND\"\ntype: quyet-dinh\nissuer: UBND tỉnh Nghệ An\nissued: 2024-01-02\ntitle: Quyết định mới\n---\n")
	h.waitFor("/decisions/12-qd-ubnd/", "Quyết định mới")
	if err := os.Remove(filepath.Join(h.root, "decisions", "2024", "12-qd-ubnd.md")); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if code, _, _ := h.get("/decisions/12-qd-ubnd/"); code == 404 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a removed document is still served")
		}
	}
}

// TestBrokenEditShowsDiagnostics: an edit that breaks a rule shows the
// diagnostic at the top of the document's page; one that breaks the front
// matter shows it on the 404 page at the document's URL; fixing it brings
// the page back.
func TestBrokenEditShowsDiagnostics(t *testing.T) {
	h := start(t, nil)
	if _, body, _ := h.get("/processes/qt-01/"); strings.Contains(body, "banner-title-errors") {
		t.Fatal("the clean manual shows diagnostics")
	}

	h.edit("processes/qt-01.md", "legal_basis:\n  - \"61/2018/NĐ-CP\"", "legal_basis:\n  - \"99/2099/NĐ-CP\"")
	body := h.waitFor("/processes/qt-01/", "Lỗi kiểm tra")
	for _, w := range []string{`class="banner banner-error"`, "99/2099/NĐ-CP", `(<a href="/checks/#XR001">XR001</a>)`} {
		if !strings.Contains(body, w) {
			t.Errorf("the page lacks %s", w)
		}
	}

	h.edit("processes/qt-01.md", "code: QT-01", "code: [QT-01")
	body = h.waitFor("/processes/qt-01/", "Không dựng được trang của tài liệu này")
	if code, _, _ := h.get("/processes/qt-01/"); code != 404 {
		t.Errorf("GET broken document = %d, want 404", code)
	}
	for _, w := range []string{"processes/qt-01.md, dòng 2:", "Không tìm thấy trang", `<script src="/__qms/reload.js?g=`} {
		if !strings.Contains(body, w) {
			t.Errorf("the 404 page lacks %s:\n%s", w, body)
		}
	}
	if _, body, _ := h.get("/processes/qt-99/"); strings.Contains(body, "banner-title-load") {
		t.Error("another missing page shows the banner")
	}

	h.edit("processes/qt-01.md", "code: [QT-01", "code: QT-01")
	h.edit("processes/qt-01.md", "\"99/2099/NĐ-CP\"", "\"61/2018/NĐ-CP\"")
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		code, body, _ := h.get("/processes/qt-01/")
		if code == 200 && !strings.Contains(body, "Lỗi kiểm tra") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the fixed page is not served: %d\n%s", code, h.log.String())
		}
	}
}

// copyTheme writes the embedded theme into a new directory.
func copyTheme(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(site.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(site.FS, p)
		if err != nil {
			return err
		}
		write(t, filepath.Join(dir, filepath.FromSlash(p)), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestThemeFromDisk: with the theme read from a directory, editing a
// template or a static file rebuilds; a template that does not parse keeps
// the previous site and tells the pages; fixing it builds again.
func TestThemeFromDisk(t *testing.T) {
	theme := copyTheme(t)
	h := start(t, func(o *Options) {
		o.ThemeDir = theme
		o.Build.Theme = os.DirFS(theme)
	})
	events := h.stream()
	first := next(t, events)

	base := filepath.Join(theme, "templates", "base.html")
	b, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	good := strings.Replace(string(b), "Bỏ qua, đến nội dung chính", "Đến nội dung chính", 1)
	write(t, base, good)
	h.waitFor("/", "Đến nội dung chính")
	second := next(t, events)

	write(t, filepath.Join(theme, "static", "style.css"), "body { color: #000 }\n")
	h.waitFor("/static/style.css", "body { color: #000 }")
	third := next(t, events)

	broken := strings.Replace(good, `{{template "content" .}}`, `{{template "content" .`, 1)
	if broken == good {
		t.Fatal(`base.html has no {{template "content" .}} to break`)
	}
	write(t, base, broken)
	e := next(t, events)
	if e.Gen != third.Gen || !strings.Contains(e.Error, "template") {
		t.Errorf("a broken template sent %+v", e)
	}
	if code, body, _ := h.get("/"); code != 200 || !strings.Contains(body, "Đến nội dung chính") {
		t.Errorf("the previous site is not served: %d", code)
	}
	if !strings.Contains(h.log.String(), "Vẫn phục vụ bản dựng trước") {
		t.Errorf("log: %s", h.log.String())
	}

	write(t, base, good+"\n")
	e = next(t, events)
	if e.Gen == third.Gen || e.Error != "" {
		t.Errorf("the fixed theme sent %+v", e)
	}
	if first.Gen == second.Gen || second.Gen == third.Gen {
		t.Errorf("generations %s %s %s", first.Gen, second.Gen, third.Gen)
	}
}

// TestHandler: the server answers like a static host, plus its own files.
func TestHandler(t *testing.T) {
	h := start(t, nil)
	if code, body, _ := h.get("/"); code != 200 || !strings.Contains(body, `<html lang="vi" data-base="/">`) {
		t.Errorf("GET / = %d", code)
	}
	if code, _, hd := h.get("/decisions"); code != http.StatusMovedPermanently || hd.Get("Location") != "/decisions/" {
		t.Errorf("GET /decisions = %d → %q", code, hd.Get("Location"))
	}
	if code, body, _ := h.get("/no/such/page/"); code != 404 || !strings.Contains(body, "Không tìm thấy trang") {
		t.Errorf("GET missing = %d", code)
	}
	for _, p := range []string{"/static/", "/../../etc/passwd", "/search/nope.json"} {
		if code, _, _ := h.get(p); code != 404 {
			t.Errorf("GET %s = %d, want 404", p, code)
		}
	}
	code, body, hd := h.get("/__qms/reload.js")
	if code != 200 || !strings.Contains(body, "EventSource") || !strings.Contains(hd.Get("Content-Type"), "javascript") {
		t.Errorf("GET reload.js = %d %q", code, hd.Get("Content-Type"))
	}
	if hd.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", hd.Get("Cache-Control"))
	}
	if code, body, _ := h.get("/search/meta.json"); code != 200 || !strings.Contains(body, `"n":`) {
		t.Errorf("GET search/meta.json = %d", code)
	}
	if code, _, hd := h.get("/static/style.css"); code != 200 || !strings.HasPrefix(hd.Get("Content-Type"), "text/css") {
		t.Errorf("GET style.css = %d %q", code, hd.Get("Content-Type"))
	}
	resp, err := http.Head(h.http.URL + "/__qms/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Errorf("HEAD events = %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp, err = http.Post(h.http.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(string(b), "Chỉ xem được trang") {
		t.Errorf("POST / = %d %q", resp.StatusCode, b)
	}
}

// TestNewFailsOnMissingRoot: a content root that cannot be read is an
// error, not an empty site.
func TestNewFailsOnMissingRoot(t *testing.T) {
	_, err := New(context.Background(), Options{Build: build.Options{
		Root: filepath.Join(t.TempDir(), "nope"), AsOf: qms.Date{Year: 2025, Month: 6, Day: 1},
	}})
	if err == nil {
		t.Fatal("New on a missing root succeeded")
	}
}

// syncBuffer is a strings.Builder safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestCommitRebuilds: a commit in the content root's repository changes
// the commit printed on the pages without any content file changing.
func TestCommitRebuilds(t *testing.T) {
	var repo *git.Repository
	h := start(t, func(o *Options) {
		o.Build.Commit = ""
		var err error
		if repo, err = git.PlainInit(o.Build.Root, false); err != nil {
			t.Fatal(err)
		}
	})
	commit := func(msg string) string {
		t.Helper()
		wt, err := repo.Worktree()
		if err != nil {
			t.Fatal(err)
		}
		if err := wt.AddGlob("."); err != nil {
			t.Fatal(err)
		}
		sig := &object.Signature{Name: "Biên tập", Email: "bt@example.invalid", When: time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC)}
		hash, err := wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true})
		if err != nil {
			t.Fatal(err)
		}
		return hash.String()[:7]
	}
	first := commit("Nhập sổ tay")
	h.waitFor("/", "<code>"+first+"</code>")
	second := commit("Lần hai")
	h.waitFor("/", "<code>"+second+"</code>")
	if !strings.Contains(h.log.String(), "HEAD (mã thay đổi "+second+") thay đổi") {
		t.Errorf("log: %s", h.log.String())
	}
}

// TestDraftHint: the page of a draft process is not published without
// --drafts; its URL says why instead of a bare 404, and with Drafts the
// page is there.
func TestDraftHint(t *testing.T) {
	h := start(t, nil)
	h.edit("processes/qt-01.md", "status: active", "status: draft")
	body := h.waitFor("/processes/qt-01/", "là quy trình dự thảo nên chưa được đăng")
	if !strings.Contains(body, "qms serve --drafts") || !strings.Contains(body, "Không tìm thấy trang") {
		t.Errorf("the draft hint lacks the command or the 404 page:\n%s", body)
	}
	if code, _, _ := h.get("/processes/qt-01/"); code != 404 {
		t.Errorf("GET draft = %d, want 404", code)
	}

	d := start(t, func(o *Options) { o.Build.Drafts = true })
	d.edit("processes/qt-01.md", "status: active", "status: draft")
	d.waitFor("/processes/qt-01/", `<strong class="tag tag-grey">Dự thảo</strong>`)
	if code, body, _ := d.get("/processes/qt-01/"); code != 200 || strings.Contains(body, "chưa được đăng") {
		t.Errorf("with Drafts: GET draft = %d", code)
	}
}

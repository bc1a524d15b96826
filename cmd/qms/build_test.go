package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestBuildScripts runs the scenarios of qms build in testdata/build.
func TestBuildScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/build",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TZ", "Asia/Ho_Chi_Minh")
			return nil
		},
	})
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
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

// TestServe starts qms serve on a free loopback port, reads the address it
// prints, fetches pages like a static host serves them, and stops it.
func TestServe(t *testing.T) {
	root := t.TempDir()
	write := func(p, s string) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("decisions/61-2018-nd-cp.md", "---\nnumber: \"61/2018/NĐ-CP\"\ntype: nghi-dinh\nissuer: Chính phủ\nissued: 2018-04-23\ntitle: Một cửa\n---\nx\n")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--root", root, "--addr", "127.0.0.1:0", "--as-of", "2025-06-01"}, &stdout, &stderr)
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		base = addr.FindString(stdout.String())
	}
	if base == "" {
		t.Fatalf("no address printed: %q", stdout.String())
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(p string) (int, string, http.Header) {
		t.Helper()
		resp, err := client.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header
	}
	if code, body, _ := get(""); code != 200 || !strings.Contains(body, `<html lang="vi" data-base="/">`) {
		t.Errorf("GET / = %d", code)
	}
	if code, body, _ := get("decisions/61-2018-nd-cp/"); code != 200 || !strings.Contains(body, "Một cửa") {
		t.Errorf("GET decision = %d", code)
	}
	if code, _, h := get("decisions"); code != http.StatusMovedPermanently || h.Get("Location") != "/decisions/" {
		t.Errorf("GET /decisions = %d → %q", code, h.Get("Location"))
	}
	if code, body, _ := get("no/such/page/"); code != 404 || !strings.Contains(body, "Không tìm thấy trang") {
		t.Errorf("GET missing = %d", code)
	}
	if code, _, _ := get("static/"); code != 404 {
		t.Errorf("directory listing: GET /static/ = %d, want 404", code)
	}
	if code, _, _ := get("../../etc/passwd"); code != 404 {
		t.Errorf("path escape: %d", code)
	}
	// Another site's name for this address (DNS rebinding) is refused.
	req, err := http.NewRequest("GET", base, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "attacker.example"
	if resp, err := client.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host attacker.example: %v, %v", resp, err)
	} else {
		resp.Body.Close()
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited with %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestSIGTERM: SIGTERM cancels the run's context, as Ctrl+C does, instead
// of killing the process in the middle of a build.
func TestSIGTERM(t *testing.T) {
	ctx, stop := notifyStop(context.Background())
	defer stop()
	p, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Signal(syscall.SIGTERM); err != nil {
		t.Skip("cannot send SIGTERM here:", err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("SIGTERM did not cancel the context")
	}
}

// TestIOErrors: a file-system failure is told in Vietnamese (the path and
// the reason), with exit 2, by build and serve alike.
func TestIOErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tep")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"build", "--root", filepath.Join(dir, "khong-co"), "--as-of", "2025-06-01"}, "khong-co: không tồn tại"},
		{[]string{"build", "--root", root, "--out", filepath.Join(file, "site"), "--as-of", "2025-06-01"}, "không phải thư mục"},
		{[]string{"serve", "--root", filepath.Join(dir, "khong-co"), "--as-of", "2025-06-01", "--addr", "127.0.0.1:0"}, "khong-co: không tồn tại"},
		{[]string{"serve", "--root", root, "--as-of", "2025-06-01", "--addr", "khong-co-cong"}, "--addr khong-co-cong"},
	}
	for _, c := range cases {
		var stdout, stderr syncBuffer
		code := run(context.Background(), c.args, &stdout, &stderr)
		out := stderr.String()
		if code != exitUsage || !strings.Contains(out, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %q", c.args, code, out, c.want)
		}
		for _, w := range []string{"no such file", "not a directory", "missing port", "stat ", "open "} {
			if strings.Contains(out, w) {
				t.Errorf("%q: English %q in %q", c.args, w, out)
			}
		}
	}
	// serve's root that is a file, and a SOURCE_DATE_EPOCH that is not a
	// number.
	var stdout, stderr syncBuffer
	if code := run(context.Background(), []string{"serve", "--root", file, "--as-of", "2025-06-01", "--addr", "127.0.0.1:0"}, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "không phải thư mục") {
		t.Errorf("serve --root FILE: exit %d, stderr %q", code, stderr.String())
	}
	t.Setenv("SOURCE_DATE_EPOCH", "hôm qua")
	stderr = syncBuffer{}
	if code := run(context.Background(), []string{"build", "--root", root, "--out", filepath.Join(dir, "site")}, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "không phải một số giây") || strings.Contains(stderr.String(), "strconv") {
		t.Errorf("bad SOURCE_DATE_EPOCH: exit %d, stderr %q", code, stderr.String())
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	// A build stopped by Ctrl+C or SIGTERM says so.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stderr = syncBuffer{}
	if code := run(ctx, []string{"build", "--root", root, "--out", filepath.Join(dir, "site"), "--as-of", "2025-06-01"}, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "đã dừng") || strings.Contains(stderr.String(), "context canceled") {
		t.Errorf("cancelled build: exit %d, stderr %q", code, stderr.String())
	}
}

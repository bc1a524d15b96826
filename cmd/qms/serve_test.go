package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeRebuilds runs qms serve with the theme read from a copy of
// site/, edits a document and the style sheet, and sees both served.
func TestServeRebuilds(t *testing.T) {
	root := t.TempDir()
	theme := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(theme, os.DirFS(filepath.Join("..", "..", "site"))); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(root, "decisions", "61-2018-nd-cp.md")
	if err := os.MkdirAll(filepath.Dir(doc), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "---\nnumber: \"61/2018/NĐ-CP\"\ntype: nghi-dinh\nissuer: Chính phủ\nissued: 2018-04-23\ntitle: Một cửa\n---\nx\n"
	if err := os.WriteFile(doc, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--root", root, "--theme", theme, "--addr", "127.0.0.1:0", "--as-of", "2025-06-01"}, &stdout, &stderr)
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
	if !strings.Contains(stdout.String(), "giao diện "+theme) {
		t.Errorf("serve does not say it watches the theme: %s", stdout.String())
	}
	waitFor := func(p, want string) {
		t.Helper()
		body := ""
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			resp, err := http.Get(base + p)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if body = string(b); strings.Contains(body, want) {
				return
			}
		}
		t.Fatalf("GET %s never contained %q:\n%s\n%s", p, want, body, stdout.String())
	}
	waitFor("decisions/61-2018-nd-cp/", "Một cửa")
	if err := os.WriteFile(doc, []byte(strings.Replace(src, "Một cửa", "Một cửa liên thông", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("decisions/61-2018-nd-cp/", "Một cửa liên thông")
	css := filepath.Join(theme, "static", "style.css")
	b, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, append(b, "\n/* sửa */\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("static/style.css", "/* sửa */")

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

// TestServeBadTheme: a --theme without templates/ is a usage error.
func TestServeBadTheme(t *testing.T) {
	var stdout, stderr syncBuffer
	code := run(context.Background(), []string{"serve", "--root", t.TempDir(), "--theme", t.TempDir(), "--addr", "127.0.0.1:0"}, &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "không có thư mục templates/") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

// TestServeEveryInterface: with --addr 0.0.0.0:…, serve warns on stderr
// that other machines can open the site, prints an address that works in
// a browser (not 0.0.0.0) and the machine's name, and serves it.
func TestServeEveryInterface(t *testing.T) {
	root := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--root", root, "--addr", "0.0.0.0:0", "--as-of", "2025-06-01"}, &stdout, &stderr)
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:(\d+)/`)
	var m []string
	for deadline := time.Now().Add(30 * time.Second); m == nil && time.Now().Before(deadline); {
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		m = addr.FindStringSubmatch(stdout.String())
	}
	if m == nil {
		t.Fatalf("no usable address printed: %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), "máy khác") {
		t.Errorf("no warning on stderr: %q", stderr.String())
	}
	if name, err := os.Hostname(); err == nil && !strings.Contains(stderr.String(), "http://"+name+":"+m[1]+"/") {
		t.Errorf("the machine's address is not printed: %q", stderr.String())
	}
	resp, err := http.Get(m[0])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET %s = %d", m[0], resp.StatusCode)
	}
	cancel()
	<-done
}

package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// serveStartLine runs qms serve with args over a one-decision manual until
// it prints its address, stops it, and returns the line that says what
// was built.
func serveStartLine(t *testing.T, args ...string) string {
	t.Helper()
	root := t.TempDir()
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
		done <- run(ctx, append([]string{"serve", "--root", root, "--addr", "127.0.0.1:0"}, args...), &stdout, &stderr)
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	for deadline := time.Now().Add(30 * time.Second); !addr.MatchString(stdout.String()); {
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no address printed: %q", stdout.String())
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	for _, line := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(line, "Đã dựng ") {
			return line
		}
	}
	t.Fatalf("no build line: %q", stdout.String())
	return ""
}

// TestServeAsOfLine: the start-up line names the date statuses are
// evaluated at, and says when it follows the clock.
func TestServeAsOfLine(t *testing.T) {
	if line := serveStartLine(t, "--as-of", "2025-06-01"); !strings.HasSuffix(line, "hiệu lực tính đến 01/06/2025.") {
		t.Errorf("--as-of: %q", line)
	}

	// 2025-06-01 17:30 UTC is 02/06/2025 00:30 in Vietnam.
	t.Setenv("SOURCE_DATE_EPOCH", "1748799000")
	if line := serveStartLine(t); !strings.HasSuffix(line, "hiệu lực tính đến 02/06/2025.") {
		t.Errorf("SOURCE_DATE_EPOCH: %q", line)
	}

	t.Setenv("SOURCE_DATE_EPOCH", "")
	ict := time.FixedZone("ICT", 7*3600)
	before := qms.DateOf(time.Now().In(ict))
	line := serveStartLine(t)
	after := qms.DateOf(time.Now().In(ict))
	const follow = " (hôm nay; sang ngày mới thì tự dựng lại)."
	if !strings.HasSuffix(line, "hiệu lực tính đến "+before.VN()+follow) && !strings.HasSuffix(line, "hiệu lực tính đến "+after.VN()+follow) {
		t.Errorf("today (%s): %q", before.VN(), line)
	}
}

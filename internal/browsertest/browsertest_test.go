package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestStartRecordsConsoleErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="vi"><title>t</title><h1>Xin chào</h1>` +
			`<script>console.log("bình thường"); console.error("lỗi thử");</script>`))
	}))
	defer srv.Close()

	b := Start(t)
	b.Open(t, srv.URL+"/")
	h1, err := chromedp.Run(b.Ctx, chromedp.Text("h1"))
	if err != nil {
		t.Fatal(err)
	}
	if h1 != "Xin chào" {
		t.Errorf("h1 = %q, want %q", h1, "Xin chào")
	}
	// console events arrive on their own; give them a moment
	var errs []string
	for range 100 {
		if errs = b.ConsoleErrors(); len(errs) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "lỗi thử") {
		t.Errorf("ConsoleErrors = %q, want the one console.error", errs)
	}
	logs := 0
	for _, m := range b.Console() {
		if m.Type == chromedp.ConsoleLog && m.Text == "bình thường" {
			logs++
		}
	}
	if logs != 1 {
		t.Errorf("Console has %d copies of the log message, want 1: %v", logs, b.Console())
	}
}

func TestOpenWaitsForTheNewDocument(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// the second page is slow, so a test that does not wait reads the first
		if r.URL.Path == "/slow" {
			time.Sleep(300 * time.Millisecond)
		}
		w.Write([]byte(`<!doctype html><title>t</title><link rel="icon" href="data:,"><h1>` + r.URL.Path + `</h1>`))
	}))
	defer srv.Close()
	b := Start(t)
	for _, p := range []string{"/first", "/slow", "/first"} {
		b.Open(t, srv.URL+p)
		h1, err := chromedp.Run(b.Ctx, chromedp.Text("h1"))
		if err != nil {
			t.Fatal(err)
		}
		if h1 != p {
			t.Errorf("after Open(%s) the page shows %q", p, h1)
		}
	}
	b.NoConsoleErrors(t)
}

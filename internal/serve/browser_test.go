package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// TestBrowserReloads opens a page in Chromium, saves an edit, and sees the
// page reload by itself with the new text; a theme that stops parsing shows
// the notice and keeps the page; fixing it reloads again. No console
// errors.
func TestBrowserReloads(t *testing.T) {
	theme := copyTheme(t)
	h := start(t, func(o *Options) {
		o.ThemeDir = theme
		o.Build.Theme = os.DirFS(theme)
	})
	b := browsertest.Start(t)
	b.Open(t, h.http.URL+"/processes/qt-01/")

	// until waits for a JavaScript expression to be true in the tab.
	until := func(what, expr string) {
		t.Helper()
		var last string
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			ctx, cancel := context.WithTimeout(b.Ctx, 5*time.Second)
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
			cancel()
			if err == nil && ok {
				return
			}
			if err != nil {
				last = err.Error()
			}
		}
		t.Fatalf("%s: %s never held (%s)\nlog:\n%s", what, expr, last, h.log.String())
	}
	mark := func() {
		t.Helper()
		if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`window.qmsMark = true`)); err != nil {
			t.Fatal(err)
		}
	}
	// streams waits until the page has opened the event stream, the n-th
	// one, so that a reload is the script's doing.
	streams := func(n int32) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); h.streams.Load() < n; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("the page opened %d event streams, want %d", h.streams.Load(), n)
			}
		}
	}
	streams(1)
	mark()
	h.edit("processes/qt-01.md", "title: Quy trình cấp giấy phép thử", "title: Quy trình đã sửa trong trình duyệt")
	until("reload after the edit", `!window.qmsMark && document.readyState === "complete" && document.querySelector("h1").textContent.includes("đã sửa trong trình duyệt")`)

	base := filepath.Join(theme, "templates", "base.html")
	good, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	streams(2)
	mark()
	broken := strings.Replace(string(good), `{{template "content" .}}`, `{{template "content" .`, 1)
	if broken == string(good) {
		t.Fatal(`base.html has no {{template "content" .}} to break`)
	}
	write(t, base, broken)
	until("notice of the failed rebuild", `!!document.querySelector(".qms-serve-note") && document.querySelector(".qms-serve-note").textContent.includes("Không dựng lại được")`)
	until("page kept", `window.qmsMark === true`)

	write(t, base, string(good)+"\n")
	until("reload after the fix", `!window.qmsMark && document.readyState === "complete" && !document.querySelector(".qms-serve-note")`)
	b.NoConsoleErrors(t)
}

// Package browsertest starts Debian's Chromium for tests that drive the
// site in a real browser with chromedp.
//
// [Start] launches /usr/bin/chromium headless, without sandbox or GPU and
// without background networking, with a fresh profile in a temporary
// directory, and stops it when the test ends. A missing browser fails the
// test, never skips it: browser tests are part of the suite, and .ci/run
// installs Chromium (apt-get install -y chromium) where it is missing.
//
// The browser records what pages write to the console, so that a test can
// assert there were no errors:
//
//	b := browsertest.Start(t)
//	b.Open(t, srv.URL+"/")
//	title, err := chromedp.Run(b.Ctx, chromedp.Text("h1"))
//	...
//	b.NoConsoleErrors(t)
package browsertest

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ExecPath is where Debian installs Chromium.
const ExecPath = "/usr/bin/chromium"

// Browser is a running Chromium with one tab.
type Browser struct {
	// Ctx is the tab's chromedp context: pass it to chromedp.Run and
	// chromedp.Do. Derive timeouts from it with context.WithTimeout; never
	// cancel it (Start's cleanup does).
	Ctx context.Context

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// Start launches Chromium for the test and returns it with a blank tab
// open. The browser stops when the test and its subtests end.
func Start(t testing.TB) *Browser {
	t.Helper()
	if _, err := os.Stat(ExecPath); err != nil {
		t.Fatalf("browsertest: no Chromium at %s (%v); install it with: apt-get install -y chromium", ExecPath, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(ExecPath),
		chromedp.NoSandbox,
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	b := &Browser{}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx,
		// chromedp's own diagnostics would go to the log, outside the test.
		chromedp.WithErrorf(discard),
		chromedp.WithLogf(discard),
	)
	t.Cleanup(func() {
		cancel()
		acancel()
	})
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("browsertest: starting %s: %v", ExecPath, err)
	}
	b.Ctx = ctx
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, m)
			b.mu.Unlock()
		}
	}()
	return b
}

func discard(string, ...any) {}

// Open navigates the tab to url and waits until the new document has
// loaded, failing the test after 20 seconds. Unlike a bare
// chromedp.Navigate, it retries while the browser is still swapping the
// page's JavaScript context, so that the test's next step runs in the new
// document.
func (b *Browser) Open(t testing.TB, url string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
	defer cancel()
	// mark the old document, to tell the new one from it
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.browsertestOld = true`)); err != nil {
		t.Fatalf("browsertest: open %s: %v", url, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("browsertest: open %s: %v", url, err)
	}
	const check = `document.readyState === "complete" && !window.browsertestOld`
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](check))
		if err == nil && ok {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("browsertest: open %s: the page did not load (last error: %v)", url, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Console returns the messages that pages have written to the console so
// far, in order, including exceptions and the browser's own log entries
// (such as failed loads).
func (b *Browser) Console() []chromedp.ConsoleMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), b.console...)
}

// ConsoleErrors returns the errors and uncaught exceptions among Console,
// each as "type: text (url:line)".
func (b *Browser) ConsoleErrors() []string {
	var errs []string
	for _, m := range b.Console() {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			errs = append(errs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
		}
	}
	return errs
}

// NoConsoleErrors fails the test for each console error or uncaught
// exception so far.
func (b *Browser) NoConsoleErrors(t testing.TB) {
	t.Helper()
	for _, e := range b.ConsoleErrors() {
		t.Errorf("browser console: %s", e)
	}
}

package serve

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/snnptnt-nghean/qms/internal/build"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

//go:embed reload.js
var reloadJS []byte

// Paths of the server's own files, under the site's root. Nothing of the
// site lives under __qms/.
const (
	reloadPath = "__qms/reload.js"
	eventsPath = "__qms/events"
)

// Options configure a Server.
type Options struct {
	// Build are the options of every build. Root is the content root;
	// Theme, when set, is the theme read from ThemeDir. Out, Force and
	// LiveReload are set by the server; Warnings is always on.
	Build build.Options
	// ThemeDir is the theme's directory when Build.Theme reads it from
	// disk; its files are then watched too. "" when the theme is the one
	// embedded in the program, whose changes need a restart.
	ThemeDir string
	// Interval is the time between two looks at the files; 0 means 200 ms.
	// A scan that takes long stretches it, so that watching costs at most
	// about a fifth of a CPU.
	Interval time.Duration
	// Log receives a line for every rebuild; nil discards them.
	Log io.Writer
	// FollowClock evaluates statuses as of today's date in Vietnam (UTC+7)
	// by Now instead of Build.AsOf: New builds as of today, and Watch
	// rebuilds when the date changes, even if no file did, so that pages
	// left open past midnight show the new day's statuses. Without it,
	// Build.AsOf is the date of every build (qms serve --as-of).
	FollowClock bool
	// Now is the clock FollowClock reads; nil means time.Now.
	Now func() time.Time
}

// Server builds the site in memory and serves it, and rebuilds it when a
// watched file changes. It is an http.Handler; Watch runs the watching.
type Server struct {
	opts     Options
	live     *build.Live
	dirs     []watched
	log      io.Writer
	instance string // tells this server's generations from another's

	// Owned by the goroutine that builds (New, then Watch).
	files tree
	head  string   // build.HeadCommit of the content root
	asOf  qms.Date // the date live builds as of
	n     int

	cur atomic.Pointer[state]
}

// state is what the server serves: a snapshot and its generation.
type state struct {
	snap *build.Snapshot
	asOf qms.Date // the date snap's statuses are evaluated at
	gen  string   // "<instance>.<n>", the reload script's ?g=
	err  string   // why the last rebuild failed, "" when it did not
	next chan struct{}
}

// New builds the site once and returns the server. It fails when the
// content root or the theme cannot be read; errors in the content do not
// fail it, they are shown on the pages.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Interval <= 0 {
		opts.Interval = 200 * time.Millisecond
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.FollowClock {
		opts.Build.AsOf = vietnamDate(opts.Now())
	}
	root, err := filepath.Abs(opts.Build.Root)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	opts.Build.Root = root
	opts.Build.Warnings = true
	live, err := build.NewLive(opts.Build)
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts: opts, live: live, log: opts.Log, asOf: opts.Build.AsOf,
		instance: strconv.FormatInt(time.Now().UnixNano(), 36),
	}
	if s.log == nil {
		s.log = io.Discard
	}
	for _, k := range qms.Kinds {
		s.dirs = append(s.dirs, watched{dir: filepath.Join(root, k.Dir()), keep: contentFile})
	}
	if opts.ThemeDir != "" {
		s.dirs = append(s.dirs, watched{dir: opts.ThemeDir, keep: themeFile})
	}
	// Scan before building: a change made during the build shows in the
	// next scan.
	if s.files, _, err = scan(s.dirs, nil, time.Now()); err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s.head = build.HeadCommit(root)
	st, err := s.build(ctx)
	if err != nil {
		return nil, err
	}
	s.cur.Store(st)
	return s, nil
}

// Snapshot returns the snapshot being served.
func (s *Server) Snapshot() *build.Snapshot { return s.cur.Load().snap }

// Generation returns the generation being served, as the reload script
// and the event stream show it.
func (s *Server) Generation() string { return s.cur.Load().gen }

// AsOf returns the date the statuses being served are evaluated at.
func (s *Server) AsOf() qms.Date { return s.cur.Load().asOf }

// build makes the next generation.
func (s *Server) build(ctx context.Context) (*state, error) {
	s.n++
	gen := s.instance + "." + strconv.Itoa(s.n)
	snap, err := s.live.Build(ctx, reloadPath+"?g="+gen)
	if err != nil {
		return nil, err
	}
	return &state{snap: snap, asOf: s.asOf, gen: gen, next: make(chan struct{})}, nil
}

// publish serves st from now on and wakes the event streams.
func (s *Server) publish(st *state) {
	old := s.cur.Swap(st)
	close(old.next)
}

// Watch looks at the files every Interval until ctx is done. When some
// changed, it waits for them to settle (an editor may write a file in
// several steps, or save several files), rebuilds, and serves the new site;
// when the rebuild fails it keeps serving the previous one and tells the
// pages. With Options.FollowClock it also looks at the date every Interval
// and rebuilds as of the new date when it changed.
func (s *Server) Watch(ctx context.Context) {
	wait := s.opts.Interval
	var lastErr string
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		start := time.Now()
		diff, err := s.rescan()
		if took := time.Since(start); 5*took > s.opts.Interval {
			wait = 5 * took
		} else {
			wait = s.opts.Interval
		}
		if err != nil {
			if err.Error() != lastErr {
				fmt.Fprintf(s.log, "Không đọc được thư mục: %v\n", err)
				lastErr = err.Error()
			}
			continue
		}
		lastErr = ""
		if len(diff) > 0 {
			diff = s.settle(ctx, diff)
		}
		if s.turnDate() {
			fmt.Fprintf(s.log, "Sang ngày mới, ngày xét hiệu lực: %s.\n", s.asOf.VN())
			diff = append([]string{dateChanged}, diff...)
		}
		if len(diff) == 0 {
			continue
		}
		s.rebuild(ctx, diff)
	}
}

// headChanged stands for a new HEAD commit among the changed paths.
const headChanged = "\x00HEAD"

// rescan scans the files and the content root's git HEAD (a commit or a
// checkout changes the commit printed on the pages) and remembers them.
func (s *Server) rescan() ([]string, error) {
	t, diff, err := scan(s.dirs, s.files, time.Now())
	if err != nil {
		return nil, err
	}
	s.files = t
	if h := build.HeadCommit(s.opts.Build.Root); h != s.head {
		s.head = h
		diff = append(diff, headChanged)
	}
	return diff, nil
}

// settle rescans at short intervals until a scan finds nothing new (at most
// about a second) and returns every path that changed.
func (s *Server) settle(ctx context.Context, diff []string) []string {
	seen := map[string]bool{}
	for _, p := range diff {
		seen[p] = true
	}
	for range 20 {
		select {
		case <-ctx.Done():
			return diff
		case <-time.After(50 * time.Millisecond):
		}
		more, err := s.rescan()
		if err != nil || len(more) == 0 {
			break
		}
		for _, p := range more {
			if !seen[p] {
				seen[p] = true
				diff = append(diff, p)
			}
		}
	}
	return diff
}

// rebuild builds and publishes the next generation after the files in diff
// changed.
func (s *Server) rebuild(ctx context.Context, diff []string) {
	start := time.Now()
	st, err := s.build(ctx)
	what := s.describe(diff)
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		cur := s.cur.Load()
		fmt.Fprintf(s.log, "%s thay đổi; không dựng lại được: %v\nVẫn phục vụ bản dựng trước.\n", what, err)
		s.publish(&state{snap: cur.snap, asOf: cur.asOf, gen: cur.gen, err: err.Error(), next: make(chan struct{})})
		return
	}
	// Log before publishing: whoever sees the new generation finds its
	// line in the log.
	nerr, nwarn := qms.CountSeverity(st.snap.Result.Diagnostics)
	fmt.Fprintf(s.log, "%s thay đổi; đã dựng lại trong %s (đọc lại %d tệp): %d lỗi, %d cảnh báo.\n",
		what, time.Since(start).Round(time.Millisecond), st.snap.Parsed, nerr, nwarn)
	s.publish(st)
}

// describe names the changed files for the log, relative to the content
// root or the theme.
func (s *Server) describe(diff []string) string {
	var names []string
	for i, p := range diff {
		if i == 3 {
			names = append(names, fmt.Sprintf("và %d tệp khác", len(diff)-3))
			break
		}
		if p == dateChanged {
			names = append(names, "Ngày xét hiệu lực")
			continue
		}
		if p == headChanged {
			names = append(names, "HEAD (mã thay đổi "+s.head+")")
			continue
		}
		rel, err := filepath.Rel(s.opts.Build.Root, p)
		if err != nil || strings.HasPrefix(rel, "..") {
			if s.opts.ThemeDir != "" {
				if r, err := filepath.Rel(s.opts.ThemeDir, p); err == nil {
					rel = "giao diện " + filepath.ToSlash(r)
				}
			}
		}
		names = append(names, filepath.ToSlash(rel))
	}
	if len(names) == 0 {
		return "Tệp"
	}
	return strings.Join(names, ", ")
}

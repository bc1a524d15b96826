package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/render"
	"github.com/snnptnt-nghean/qms/internal/rules"
	"github.com/snnptnt-nghean/qms/site"
)

// ErrChecks is returned when the checks found errors and Force is off.
var ErrChecks = errors.New("nội dung có lỗi; sửa lỗi hoặc dùng --force")

// Options control a build.
type Options struct {
	// Root is the content root (processes/, procedures/, decisions/).
	Root string
	// Out is the output directory; default "public" under Root.
	Out string
	// BaseURL is where the site is published (see render.Options); Build
	// takes site.base_url of qms.yaml when it is "".
	BaseURL string
	// Drafts publishes draft processes.
	Drafts bool
	// Force builds even when the checks find errors.
	Force bool
	// AsOf is the date statuses are evaluated at. Required.
	AsOf qms.Date
	// Commit is the build's commit (short hash); "" reads the content
	// root's git HEAD, if any.
	Commit string
	// Stderr receives diagnostics and warnings; nil discards them.
	Stderr io.Writer
	// Checks run before rendering; nil means rules.All().
	Checks []*check.Check
	// NoHistory builds without reading the content root's git history.
	// Otherwise the history gives every document a history page, a page
	// per revision and an Atom feed, and the site /changes/ and /feed.xml
	// (history.go). A content root outside git, a shallow clone and
	// uncommitted files each print one warning.
	NoHistory bool
	// ShowUncommitted marks, on their pages, the documents whose file in
	// the working tree differs from HEAD ("Chưa lưu phiên bản", qms serve)
	// instead of warning about them.
	ShowUncommitted bool
	// Workers is how many files are rendered at once; 0 means one per CPU.
	Workers int
	// Theme holds templates/ and static/; nil means the embedded site.FS.
	Theme fs.FS
	// Warnings shows warnings as well as errors on the pages of the files
	// they are about (qms serve).
	Warnings bool
	// LiveReload is the site-relative URL of qms serve's reload script,
	// added to every page (see render.Options); "" in a published build.
	LiveReload string

	// git is the history reader shared by repeated builds (Live); run is
	// this build's history, started early by Build.
	git *gitHistory
	run *historyRun
}

// theme returns the theme to render with.
func (o *Options) theme() fs.FS {
	if o.Theme != nil {
		return o.Theme
	}
	return site.FS
}

// Result describes a finished build.
type Result struct {
	// Out is the absolute output directory.
	Out string
	// Files and Bytes count what was written.
	Files int
	Bytes int64
	// Diagnostics are every finding of the loader and the checks.
	Diagnostics []qms.Diagnostic
	// Commit is the commit printed on the pages ("" when unknown).
	Commit string
	// Warnings are the warnings printed to Stderr (history: not a git
	// repository, shallow clone, uncommitted files).
	Warnings []string
}

// orgBaseURL checks the site.base_url of qms.yaml: empty, or an absolute
// http(s) address without query or fragment, as the sitemap needs.
func orgBaseURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%s: site.base_url %q phải là địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://, không có phần ?… hay #…, ví dụ https://example.gov.vn/iso/", content.OrgFile, raw)
	}
	return raw, nil
}

// Build loads, checks and renders the content root into opts.Out.
func Build(ctx context.Context, opts Options) (*Result, error) {
	if opts.AsOf.IsZero() {
		return nil, errors.New("build: AsOf is not set")
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(root, "public")
	}
	if out, err = filepath.Abs(out); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := checkOut(root, out); err != nil {
		return nil, err
	}

	if !opts.NoHistory {
		// Read the history while the content is loaded and checked.
		g := newGitHistory(root)
		defer g.close()
		hctx, cancel := context.WithCancel(ctx)
		defer cancel()
		opts.git, opts.run = g, g.start(hctx, opts.ShowUncommitted)
	}
	corpus, diags, err := content.LoadDir(root)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if opts.BaseURL == "" {
		// The published address of qms.yaml, unless the caller chose one.
		if opts.BaseURL, err = orgBaseURL(corpus.Org.Site.BaseURL); err != nil {
			return nil, err
		}
	}
	s, res, err := prepare(ctx, opts, root, corpus, diags)
	if res != nil {
		res.Out = out
	}
	if err != nil {
		return res, err
	}
	if opts.BaseURL == "" && opts.Stderr != nil {
		// render leaves the sitemap out: its addresses must be absolute.
		fmt.Fprintf(opts.Stderr, "lưu ý: không tạo sitemap.xml vì chưa đặt địa chỉ trang web (site.base_url trong %s hoặc --base-url, ví dụ https://example.gov.vn/iso/).\n", content.OrgFile)
	}
	tmp, reused, err := claimScratch(out)
	if err != nil {
		return nil, err
	}
	swapped := false
	defer func() {
		if !swapped {
			release(tmp, reused, out)
		}
	}()
	w := &writer{dir: tmp, reuse: reused}
	if err := writeStatic(w, opts.theme()); err != nil {
		return nil, err
	}
	data, err := dataFiles(corpus, opts)
	if err != nil {
		return nil, err
	}
	if err := writeBytes(w, data); err != nil {
		return nil, err
	}
	files := s.Files()
	// A reused previous output loses what this build will not write while
	// the pages are written; the search index, whose files are known only
	// once it is built, is cleaned after.
	searchDir := filepath.Join(tmp, "search")
	staleDone := make(chan error, 1)
	if reused {
		// The static and data files are written; the pages are listed
		// in files.
		static := w.writtenUnder(tmp)
		static[filepath.Join(tmp, siteMarker)] = true
		go func() {
			expected := make(map[string]bool, len(files)+len(static))
			for _, f := range files {
				expected[filepath.Join(tmp, filepath.FromSlash(f.Path))] = true
			}
			for p := range static {
				expected[p] = true
			}
			staleDone <- w.removeStale(tmp, expected, searchDir)
		}()
	} else {
		staleDone <- nil
	}
	// The search index is built and written while the pages are: both
	// only read the site model.
	searchDone := make(chan error, 1)
	go func() {
		files, err := searchFiles(s)
		if err == nil {
			err = writeBytes(w, files)
		}
		searchDone <- err
	}()
	err = writeFiles(ctx, w, files, opts.Workers)
	if serr := <-searchDone; err == nil {
		err = serr
	}
	if serr := <-staleDone; err == nil {
		err = serr
	}
	if err != nil {
		return nil, err
	}
	if reused {
		if err := w.removeStale(searchDir, w.writtenUnder(searchDir), ""); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := swap(tmp, out); err != nil {
		return nil, err
	}
	swapped = true
	res.Files, res.Bytes = w.files, w.bytes
	return res, nil
}

// prepare runs the checks over a loaded corpus, prints the diagnostics and
// builds the site model: the steps that Build and qms serve's snapshots
// share. With errors and without Force it returns ErrChecks.
func prepare(ctx context.Context, opts Options, root string, corpus *qms.Corpus, diags []qms.Diagnostic) (*render.Site, *Result, error) {
	stderr := opts.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	list := opts.Checks
	if list == nil {
		list = rules.All()
	}
	// The checks run while the history is waited for and the site model
	// built: both only read the corpus. The model is thrown away when the
	// checks fail the build.
	type checked struct {
		diags []qms.Diagnostic
		err   error
	}
	checksDone := make(chan checked, 1)
	go func() {
		ds, err := runChecks(corpus, list, opts.AsOf)
		checksDone <- checked{ds, err}
	}()
	s, res, err := newSite(ctx, opts, root, corpus, diags, list)
	cr := <-checksDone
	if cr.err != nil {
		return nil, nil, fmt.Errorf("build: %w", cr.err)
	}
	if err != nil {
		return nil, nil, err
	}
	diags = qms.SortDiagnostics(append(diags, cr.diags...))
	res.Diagnostics = diags
	if len(diags) > 0 {
		if err := check.WriteText(stderr, diags); err != nil {
			return nil, nil, fmt.Errorf("build: %w", err)
		}
	}
	if n, _ := qms.CountSeverity(diags); n > 0 && !opts.Force {
		return nil, res, ErrChecks
	}
	for _, w := range res.Warnings {
		if _, err := fmt.Fprintf(stderr, "cảnh báo: %s\n", w); err != nil {
			return nil, nil, fmt.Errorf("build: %w", err)
		}
	}
	s.ShowDiagnostics(diags)
	return s, res, nil
}

// newSite waits for the history and builds the site model, without the
// checks' diagnostics; loadDiags are the loader's (files that did not
// load, which the working tree's state needs).
func newSite(ctx context.Context, opts Options, root string, corpus *qms.Corpus, loadDiags []qms.Diagnostic, list []*check.Check) (*render.Site, *Result, error) {
	res := &Result{}
	commit := opts.Commit
	if commit == "" {
		commit = HeadCommit(root)
	}
	res.Commit = commit
	ropts := render.Options{
		Templates:  opts.theme(),
		BaseURL:    opts.BaseURL,
		AsOf:       opts.AsOf,
		Commit:     commit,
		Drafts:     opts.Drafts,
		Warnings:   opts.Warnings,
		LiveReload: opts.LiveReload,
		Checks:     checkInfos(list),
	}
	if !opts.NoHistory {
		run := opts.run
		if run == nil {
			if opts.git == nil {
				opts.git = newGitHistory(root)
			}
			run = opts.git.start(ctx, opts.ShowUncommitted)
		}
		h, ws, err := run.wait(ctx, root, corpus, loadDiags)
		if err != nil {
			return nil, nil, err
		}
		ropts.History = h
		res.Warnings = ws
	}
	s, err := render.New(corpus, ropts)
	if err != nil {
		return nil, nil, fmt.Errorf("build: %w", err)
	}
	return s, res, nil
}

// checkInfos describes the checks for the /checks/ page.
func checkInfos(list []*check.Check) []render.CheckInfo {
	out := make([]render.CheckInfo, 0, len(list))
	for _, c := range list {
		out = append(out, render.CheckInfo{ID: c.ID, Name: c.Name, Severity: c.Severity, Title: c.Title(), Body: c.Body()})
	}
	return out
}

// checkOut refuses an output directory that would swallow the content, and
// an existing non-empty directory without the marker of a previous build.
func checkOut(root, out string) error {
	if out == root || strings.HasPrefix(root+string(filepath.Separator), out+string(filepath.Separator)) {
		return fmt.Errorf("build: thư mục xuất %s chứa thư mục nội dung %s", out, root)
	}
	if out == filepath.Dir(out) {
		return fmt.Errorf("build: không thể xuất vào thư mục gốc %s", out)
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if !isSite(out) {
		return fmt.Errorf("build: thư mục xuất %s đã có nội dung khác, không phải một site do qms tạo (không có tệp %s); hãy xóa nó hoặc chọn --out khác", out, siteMarker)
	}
	return nil
}

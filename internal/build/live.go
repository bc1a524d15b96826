package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/render"
)

// Live builds the site of one content root in memory, again and again, for
// qms serve. Each Build returns a Snapshot: the checked corpus and the site
// model, whose pages are rendered when first asked for and whose search
// index is built when first asked for. Documents whose files did not
// change since the previous Build are not parsed again.
//
// A Live is for one goroutine at a time; the snapshots it returns are safe
// for concurrent use.
type Live struct {
	opts  Options
	root  string
	cache *docCache
}

// NewLive prepares live builds with opts. Out is not used: nothing is
// written to disk.
func NewLive(opts Options) (*Live, error) {
	if opts.AsOf.IsZero() {
		return nil, errors.New("build: AsOf is not set")
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	opts.git = newGitHistory(root) // one repository, reloaded when HEAD moves
	return &Live{opts: opts, root: root, cache: newDocCache(root)}, nil
}

// SetAsOf sets the date statuses are evaluated at, from the next Build
// on: qms serve follows the clock past midnight. A zero date is ignored.
func (l *Live) SetAsOf(d qms.Date) {
	if !d.IsZero() {
		l.opts.AsOf = d
	}
}

// Build loads, checks and models the site. liveReload is the
// Options.LiveReload of this build (the reload script's URL, which may
// carry the build's generation); "" adds no script. Errors in the content
// do not fail it (it builds as with Force): they are in the snapshot's
// Result and on the pages. An error means the content root or the theme
// could not be read or parsed.
func (l *Live) Build(ctx context.Context, liveReload string) (*Snapshot, error) {
	opts := l.opts
	opts.Force = true
	opts.LiveReload = liveReload
	corpus, diags, parsed, err := l.cache.load()
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	s, res, err := prepare(ctx, opts, l.root, corpus, diags)
	if err != nil {
		return nil, err
	}
	static, err := readStatic(opts.theme())
	if err != nil {
		return nil, err
	}
	snap := &Snapshot{Result: res, Parsed: parsed, Corpus: corpus, site: s, static: static, pages: map[string]render.File{}}
	for _, f := range s.Files() {
		snap.pages[f.Path] = f
	}
	// The data files are made when first asked for, as pages are.
	data := sync.OnceValues(func() (map[string][]byte, error) { return dataFiles(corpus, opts) })
	for _, name := range dataNames {
		snap.pages[name] = render.File{Path: name, Write: func(w io.Writer) error {
			files, err := data()
			if err == nil {
				_, err = w.Write(files[name])
			}
			return err
		}}
	}
	res.Files = len(snap.pages) + len(static)
	return snap, nil
}

// Snapshot is one live build: every file of the site, by path, rendered
// when first asked for. It is safe for concurrent use.
type Snapshot struct {
	// Result has the build's diagnostics and commit; Files counts the
	// pages, static and data files (the search index is not counted) and
	// Out is empty.
	Result *Result
	// Parsed is how many content files were parsed for this build (the
	// others were unchanged since the previous one).
	Parsed int
	// Corpus is what was loaded; read only.
	Corpus *qms.Corpus

	site   *render.Site
	static map[string][]byte
	pages  map[string]render.File

	rendered sync.Map // path → []byte

	searchOnce  sync.Once
	searchFiles map[string][]byte
	searchErr   error
}

// File returns the bytes of the site's file at name, '/'-separated and
// relative to the site's root ("processes/qt-01/index.html"), rendering it
// on first use. It returns an error matching fs.ErrNotExist when the site
// has no such file, and the render error of a page that fails.
func (s *Snapshot) File(name string) ([]byte, error) {
	if b, ok := s.static[name]; ok {
		return b, nil
	}
	if b, ok := s.rendered.Load(name); ok {
		return b.([]byte), nil
	}
	if f, ok := s.pages[name]; ok {
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			return nil, err
		}
		b := qms.HideEmailsIn(buf.Bytes()) // as Build writes it
		s.rendered.Store(name, b)
		return b, nil
	}
	if strings.HasPrefix(name, "search/") {
		s.searchOnce.Do(func() { s.searchFiles, s.searchErr = searchFiles(s.site) })
		if s.searchErr != nil {
			return nil, s.searchErr
		}
		if b, ok := s.searchFiles[name]; ok {
			return qms.HideEmailsIn(b), nil
		}
	}
	return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
}

// readStatic reads static/ of the theme into memory, by output path.
func readStatic(theme fs.FS) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		out[p] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("build: theme: %w", err)
	}
	return out, nil
}

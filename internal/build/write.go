package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/render"
)

// writer writes files under dir and counts them. It is safe for concurrent
// use.
type writer struct {
	dir string
	// reuse says that dir is a previous output being recycled (recycle.go):
	// files are overwritten, and written records them.
	reuse    bool
	written  sync.Map  // file paths written, when reuse
	bufs     sync.Pool // *bytes.Buffer
	updaters sync.Pool // *updateWriter, when reuse
	dirs     sync.Map  // directories known to exist

	mu    sync.Mutex
	files int
	bytes int64
}

// outFile is an output file: written in sequence when new, and read and
// rewritten in place when recycled (updateWriter).
type outFile interface {
	io.Writer
	io.ReaderAt
	io.WriterAt
	Truncate(size int64) error
	Close() error
}

// create opens rel ('/'-separated) for writing, making its directory.
func (w *writer) create(rel string) (outFile, error) {
	if !fs.ValidPath(rel) || rel == "." {
		return nil, fmt.Errorf("build: invalid output path %q", rel)
	}
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	if !w.reuse {
		if err := w.mkdirOnce(p); err != nil {
			return nil, err
		}
		f, err := createFile(p, false)
		if err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		return f, nil
	}
	if _, dup := w.written.LoadOrStore(p, true); dup {
		return nil, fmt.Errorf("build: %s written twice", rel)
	}
	// A recycled output mostly has the directories already: the file is
	// opened first, and its directory made only when it is missing.
	f, err := createFile(p, true)
	if errors.Is(err, fs.ErrNotExist) {
		if err := w.mkdirOnce(p); err != nil {
			return nil, err
		}
		f, err = createFile(p, true)
	}
	if err != nil {
		// The previous output may hold a directory where this build
		// writes a file, or a file where it needs a directory.
		if rerr := w.clearWay(p); rerr != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		if f, err = createFile(p, true); err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
	}
	return f, nil
}

// mkdirOnce makes the directory of file p unless this writer made it or
// found it before.
func (w *writer) mkdirOnce(p string) error {
	d := filepath.Dir(p)
	if d == w.dir {
		return nil
	}
	if _, ok := w.dirs.Load(d); ok {
		return nil
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	w.dirs.Store(d, true)
	return nil
}

// clearWay removes what stands in the way of writing file p in a recycled
// output: a directory at p, or a file at one of its parent directories.
func (w *writer) clearWay(p string) error {
	if fi, err := os.Lstat(p); err == nil && fi.IsDir() {
		return os.RemoveAll(p)
	}
	for d := filepath.Dir(p); d != w.dir; d = filepath.Dir(d) {
		if fi, err := os.Lstat(d); err == nil && !fi.IsDir() {
			if err := os.Remove(d); err != nil {
				return err
			}
			return os.MkdirAll(filepath.Dir(p), 0o755)
		}
	}
	return errors.New("nothing in the way")
}

// createFile creates the new file p for writing, or with overwrite opens
// the file there for reading and writing, creating it if there is none
// (updateWriter then rewrites it from its first changed byte).
func createFile(p string, overwrite bool) (*os.File, error) {
	if overwrite {
		return os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// write writes one file with the content that fill produces.
func (w *writer) write(rel string, fill func(io.Writer) error) error {
	f, err := w.create(rel)
	if err != nil {
		return err
	}
	var out io.Writer = f
	var up *updateWriter
	if w.reuse {
		up, _ = w.updaters.Get().(*updateWriter)
		if up == nil {
			up = &updateWriter{}
		}
		up.reset(f)
		out = up
	}
	cw := &countWriter{w: out}
	buf, _ := w.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	err = fill(buf)
	if err == nil {
		// No address written in a document, a commit message or a name
		// reaches the public, whichever page, feed or index shows it.
		_, err = cw.Write(qms.HideEmailsIn(buf.Bytes()))
	}
	if err == nil && up != nil {
		err = up.finish()
	}
	w.bufs.Put(buf)
	if up != nil {
		up.f = nil
		w.updaters.Put(up)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("build: %s: %w", rel, err)
	}
	w.mu.Lock()
	w.files++
	w.bytes += cw.n
	w.mu.Unlock()
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writeStatic copies static/ of the theme to static/.
func writeStatic(w *writer, theme fs.FS) error {
	files, err := readStatic(theme)
	if err != nil {
		return err
	}
	return writeBytes(w, files)
}

// writeBytes writes a map of files in path order.
func writeBytes(w *writer, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b := files[n]
		if err := w.write(path.Clean(n), func(dst io.Writer) error { _, err := dst.Write(b); return err }); err != nil {
			return err
		}
	}
	return nil
}

// writeFiles renders the pages with a pool of workers; the first error
// (or the context's) stops the rest.
func writeFiles(ctx context.Context, w *writer, files []render.File, workers int) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan render.File)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if err := w.write(f.Path, f.Write); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel()
				}
			}
		}()
	}
feed:
	for _, f := range files {
		select {
		case jobs <- f:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// tempDir makes the directory the site is rendered into, next to out so
// that the final rename stays on one file system, with the marker.
func tempDir(out string) (string, error) {
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	err = os.Chmod(tmp, 0o755)
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, siteMarker), markerText, 0o644)
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
		return "", fmt.Errorf("build: %w", err)
	}
	return tmp, nil
}

// swap moves tmp to out: the old out (if any) is renamed aside, tmp is
// renamed to out, and the old copy is kept as the next build's scratch
// (recycle.go), or removed when there already is one. If the second rename
// fails the old out is put back.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		name := prevDir(out)
		if _, err := os.Lstat(name); err == nil || !isSite(out) {
			if name, err = reserveName(out, ".old-"); err != nil {
				return err
			}
		}
		if err := os.Rename(out, name); err != nil {
			return fmt.Errorf("build: %w", err)
		}
		old = name
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return fmt.Errorf("build: %w", err)
	}
	if old != "" && old != prevDir(out) {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("build: removing the previous output: %w", err)
		}
	}
	return nil
}

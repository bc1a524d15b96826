package build

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// BenchmarkLiveRebuild measures what qms serve does after an editor saves
// one process: a live build (stat every file, parse the changed one, run
// the checks, build the site model) and the rendering of that process's
// page. "repo" is a copy of the repository's own manual; "docs=10k" a
// generated corpus. "first" is the first build, which parses everything.
//
//	go test ./internal/build -run '^$' -bench LiveRebuild -benchtime 20x
func BenchmarkLiveRebuild(b *testing.B) {
	repo := b.TempDir()
	for _, k := range qms.Kinds {
		if err := os.CopyFS(filepath.Join(repo, k.Dir()), os.DirFS(filepath.Join("..", "..", k.Dir()))); err != nil {
			b.Fatal(err)
		}
	}
	gen := b.TempDir()
	if _, err := corpusgen.WriteFiles(gen, corpusgen.Options{Docs: 10000}); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, root string }{{"repo", repo}, {"docs=10k", gen}} {
		proc, pageName := someProcess(b, c.root)
		opts := Options{Root: c.root, AsOf: qms.Date{Year: 2026, Month: 11, Day: 29}, Commit: "abc1234", Warnings: true}
		b.Run(c.name+"/first", func(b *testing.B) {
			for b.Loop() {
				l, err := NewLive(opts)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := l.Build(context.Background(), "__qms/reload.js?g=1"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/one-file", func(b *testing.B) {
			l, err := NewLive(opts)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := l.Build(context.Background(), "__qms/reload.js?g=1"); err != nil {
				b.Fatal(err)
			}
			src, err := os.ReadFile(proc)
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				i++
				body := string(src) + strings.Repeat("\nSửa đổi.", i%2+1)
				if err := os.WriteFile(proc, []byte(body), 0o644); err != nil {
					b.Fatal(err)
				}
				snap, err := l.Build(context.Background(), "__qms/reload.js?g=2")
				if err != nil {
					b.Fatal(err)
				}
				if snap.Parsed != 1 {
					b.Fatalf("parsed %d files, want 1", snap.Parsed)
				}
				page, err := snap.File(pageName)
				if err != nil {
					b.Fatal(err)
				}
				if !strings.Contains(string(page), "Sửa đổi.") {
					b.Fatal("the page does not show the edit")
				}
			}
		})
	}
}

// someProcess returns the file of a process under root and its page.
func someProcess(b *testing.B, root string) (file, page string) {
	b.Helper()
	err := filepath.WalkDir(filepath.Join(root, "processes"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || file != "" || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		file = p
		return fs.SkipAll
	})
	if err != nil || file == "" {
		b.Fatalf("no process under %s: %v", root, err)
	}
	return file, "processes/" + strings.TrimSuffix(filepath.Base(file), ".md") + "/index.html"
}

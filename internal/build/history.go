package build

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/history"
	"github.com/snnptnt-nghean/qms/internal/qms"
	"github.com/snnptnt-nghean/qms/internal/render"
)

// gitHistory reads the content root's git history for a build, in the
// background while the content is loaded and checked. It keeps the
// repository open: revision pages read blobs while they are written.
//
// A gitHistory can serve several builds of the same root (qms serve): the
// history is loaded again only when HEAD moved; the working tree is
// compared with HEAD at every build (uncommitted.go).
type gitHistory struct {
	root string

	mu      sync.Mutex // one load at a time
	opened  bool
	repo    *history.Repo
	openErr error
	hist    *history.History
	// warned remembers the warnings already printed, so that a repeated
	// build (qms serve) prints each one once.
	warned map[string]bool
}

func newGitHistory(root string) *gitHistory {
	return &gitHistory{root: root, warned: map[string]bool{}}
}

// historyRun is one build's history, being read.
type historyRun struct {
	done     chan struct{}
	g        *gitHistory
	hist     *history.History
	repo     *history.Repo
	warnings []string
	show     bool
}

// start begins reading the history for one build. showUncommitted marks
// the documents whose working-tree file differs from HEAD on their pages
// (qms serve); otherwise a warning reports them.
func (g *gitHistory) start(ctx context.Context, showUncommitted bool) *historyRun {
	r := &historyRun{done: make(chan struct{}), g: g, show: showUncommitted}
	go func() {
		defer close(r.done)
		r.hist, r.repo, r.warnings = g.load(ctx)
	}()
	return r
}

// wait returns the history for render (nil when the site is built
// without one) and the warnings not printed before. The loaded corpus
// tells which documents differ from HEAD (uncommitted).
func (r *historyRun) wait(ctx context.Context, root string, c *qms.Corpus, diags []qms.Diagnostic) (*render.History, []string, error) {
	select {
	case <-r.done:
	case <-ctx.Done():
		return nil, nil, fmt.Errorf("build: %w", ctx.Err())
	}
	if r.hist == nil {
		return nil, r.warnings, nil
	}
	dirty := uncommitted(root, r.hist, c, diags)
	rh := toRender(r.hist, r.repo)
	rh.ShowUncommitted = r.show
	rh.Uncommitted = map[string]string{}
	for p, st := range dirty {
		rh.Uncommitted[p] = st.String()
	}
	warnings := r.warnings
	if !r.show && len(dirty) > 0 {
		warnings = append(warnings, dirtyWarning(dirty))
	}
	return rh, warnings, nil
}

// close releases the repository of a one-off build.
func (g *gitHistory) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.repo != nil {
		_ = g.repo.Close()
		g.repo = nil
	}
}

// load opens the repository (once) and loads the history when HEAD moved.
// Failures do not fail the build: they become a warning and a site without
// history (a nil History).
func (g *gitHistory) load(ctx context.Context) (*history.History, *history.Repo, []string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var warnings []string
	warn := func(w string) {
		if !g.warned[w] {
			g.warned[w] = true
			warnings = append(warnings, w)
		}
	}
	if !g.opened {
		g.opened = true
		g.repo, g.openErr = history.Open(g.root)
	}
	switch {
	case errors.Is(g.openErr, history.ErrNotRepo):
		warn(g.root + " không nằm trong kho git nào: trang web được dựng không có lịch sử thay đổi (trang lịch sử, /changes/, nguồn Atom)")
		return nil, nil, warnings
	case g.openErr != nil:
		warn(fmt.Sprintf("không mở được kho git (%v): trang web được dựng không có lịch sử thay đổi", g.openErr))
		return nil, nil, warnings
	}
	if g.hist == nil || g.headMoved() {
		h, err := g.repo.Load(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, nil
			}
			warn(fmt.Sprintf("không đọc được lịch sử git (%v): trang web được dựng không có lịch sử thay đổi", err))
			return nil, nil, warnings
		}
		// A damaged or missing old version is otherwise only seen on its
		// revision page.
		bad, err := h.VerifyBlobs(ctx)
		if err != nil {
			return nil, nil, nil
		}
		for _, u := range bad {
			warn(u.String())
		}
		g.hist = h
	}
	h := g.hist
	if len(h.Commits) == 0 {
		warn("kho git chưa có lần ghi thay đổi nào: trang web được dựng không có lịch sử thay đổi")
		return nil, nil, warnings
	}
	if w := h.ShallowWarning(); w != "" {
		warn(w)
	}
	return h, g.repo, warnings
}

// headMoved reports whether HEAD no longer is the loaded history's head.
func (g *gitHistory) headMoved() bool {
	s, err := g.repo.Snapshot("HEAD")
	if err != nil {
		return g.hist.Head != nil // no commits now, or HEAD unreadable
	}
	return g.hist.Head == nil || s.Commit.Hash != g.hist.Head.Hash
}

// dirtyWarning is the one line a build prints about uncommitted files: how
// many, and the first few.
func dirtyWarning(dirty map[string]history.DirtyState) string {
	ps := history.DirtyPaths(dirty)
	shown := ps
	if len(shown) > 3 {
		shown = shown[:3]
	}
	list := strings.Join(shown, ", ")
	if len(ps) > len(shown) {
		list += ", …"
	}
	return strconv.Itoa(len(ps)) + " tệp chưa ghi thay đổi (" + list + "): trang web được dựng từ thư mục làm việc, lịch sử thay đổi đến lần ghi cuối (HEAD)"
}

// toRender gives render the history it shows.
func toRender(h *history.History, repo *history.Repo) *render.History {
	rh := &render.History{
		Revisions:    h.Revisions,
		Deleted:      h.Deleted(),
		Commits:      h.Commits,
		Read:         repo.Blob,
		Parse:        parseRevision,
		Shallow:      h.Shallow,
		ShallowSince: h.ShallowSince,
	}
	for _, gr := range h.Groups {
		rh.Groups = append(rh.Groups, render.CommitGroup{Merge: gr.Merge, Commits: gr.Commits})
	}
	return rh
}

// parseRevision parses a past version of a document; nil when its front
// matter cannot be read (the revision page then shows the file as text).
// Its links are not needed: a revision is shown, not checked.
func parseRevision(path string, data []byte) qms.Document {
	doc, _ := content.ParseFileOptions(path, data, content.ParseOptions{NoLinks: true})
	return doc
}

package history

import (
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/snnptnt-nghean/qms/internal/gittest"
)

// builder is a gittest repository whose commits are an hour apart from
// 08:00 on 1 March 2024 (ICT).
type builder struct {
	*gittest.Repo
}

func newBuilder(t *testing.T) *builder {
	t.Helper()
	return &builder{gittest.New(t, time.Date(2024, 3, 1, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600)), time.Hour)}
}

// checkout writes commit h's files into the working tree (files only: the
// tests compare working trees with HEAD by content).
func (b *builder) checkout(h plumbing.Hash) { b.Checkout(h, b.Dir) }

// edit returns a copy of files with changes applied: a value of "" deletes.
func edit(files map[string]string, changes ...string) map[string]string {
	return gittest.With(files, changes...)
}

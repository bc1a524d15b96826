package build

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/history"
)

// HeadCommit returns the short hash of HEAD of the git repository that
// contains dir, the commit a build prints on its pages, or "" when there is
// none or it cannot be read. It reads .git/HEAD, a loose ref or
// packed-refs, nothing more: qms serve looks at it to rebuild after a
// commit or a checkout.
func HeadCommit(dir string) string {
	_, gitDir, err := history.FindGitDir(dir)
	if err != nil {
		return ""
	}
	head, err := os.ReadFile(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return ""
	}
	h := strings.TrimSpace(string(head))
	ref, isRef := strings.CutPrefix(h, "ref: ")
	if !isRef {
		return short(h)
	}
	common := gitDir
	if b, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		c := strings.TrimSpace(string(b))
		if !filepath.IsAbs(c) {
			c = filepath.Join(gitDir, c)
		}
		common = c
	}
	for _, d := range []string{gitDir, common} {
		if b, err := os.ReadFile(filepath.Join(d, filepath.FromSlash(ref))); err == nil {
			return short(strings.TrimSpace(string(b)))
		}
	}
	packed, err := os.ReadFile(filepath.Join(common, "packed-refs"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(packed), "\n") {
		hash, name, ok := strings.Cut(strings.TrimSpace(line), " ")
		if ok && name == ref {
			return short(hash)
		}
	}
	return ""
}

// short returns the first 7 hex digits of a full hash, or "" when h is not
// one.
func short(h string) string {
	if len(h) < 40 {
		return ""
	}
	for _, r := range h[:40] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return ""
		}
	}
	return h[:7]
}

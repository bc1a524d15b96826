package build

import (
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// TestHistoryDamagedBlob: an old version of a document whose object is
// damaged (it still inflates, to other content) does not fail the build,
// but is warned about on stderr, naming the file and the commit.
func TestHistoryDamagedBlob(t *testing.T) {
	s := newHistoryScenario(t)
	files := s.g.Files(s.c["C2"])
	s.g.Damage(s.g.Blob(files[qtPath]), plumbing.BlobObject, "hỏng\n")
	_, res, stderr := buildRepo(t, s.g.Dir, nil)
	want := "cảnh báo: không đọc được nội dung của " + qtPath + " ở lần ghi thay đổi " + s.short("C2") + ": "
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if len(res.Warnings) != 1 {
		t.Errorf("warnings %q", res.Warnings)
	}
}

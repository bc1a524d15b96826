package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMailmap: the .mailmap at the top of the working tree gives the
// authors' public names on the history pages, the change log and the
// feeds, as git log shows them; the recorded name of a mapped author and
// the addresses appear nowhere.
func TestMailmap(t *testing.T) {
	s := newHistoryScenario(t)
	mailmap := "# Tên hiển thị <e-mail của lần ghi>\nVăn phòng Sở <ben.tran@example.org>\n"
	if err := os.WriteFile(filepath.Join(s.g.Dir, ".mailmap"), []byte(mailmap), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ := buildRepo(t, s.g.Dir, nil)
	hist := page(t, out, "processes/qt-ts-01/history/")
	contains(t, "history page", hist, s.short("C2")+`</code></a> · <span class="nowrap">03/03/2024</span> · Văn phòng Sở`)
	contains(t, "change log", page(t, out, "changes/"), "Văn phòng Sở")
	contains(t, "revision page", page(t, out, s.revURL("C2")), "Văn phòng Sở")
	for rel, b := range readTree(t, out) {
		if strings.Contains(string(b), "Bến Trần") {
			t.Errorf("%s shows the author's recorded name", rel)
		}
	}
	checkNoEmail(t, out)
}

package scaffold

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/check/checks"
	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestInit loads a new manual as qms check does: qms.yaml gives the
// organisation and its unit, the four framework processes are drafts of
// that unit, and no rule reports anything, with names that need quoting
// in YAML too.
func TestInit(t *testing.T) {
	for _, p := range []InitParams{
		{Effective: "2026-12-01"},
		{Name: "Sở Thử nghiệm: tỉnh A", Unit: "Phòng #1", Effective: "2026-12-01"},
	} {
		files, err := Init(p)
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for _, f := range files {
			if strings.Contains(string(f.Data), Marker) {
				t.Errorf("%s has a placeholder", f.Path)
			}
			fsys[f.Path] = &fstest.MapFile{Data: f.Data}
		}
		c, diags := content.Load(fsys)
		more, err := check.Run(c, append(checks.All[:len(checks.All):len(checks.All)], Checks...), qms.Date{Year: 2026, Month: 12, Day: 7})
		if err != nil {
			t.Fatal(err)
		}
		if ds := append(diags, more...); len(ds) != 0 {
			t.Errorf("%+v: a new manual has findings: %v", p, ds)
		}
		wantName, wantUnit := p.Name, p.Unit
		if wantName == "" {
			wantName, wantUnit = qms.DefaultOrgName, DefaultInitUnit
		}
		if c.Org.Default || c.Org.Name != wantName || len(c.Org.Units) != 1 || c.Org.Units[0].Name != wantUnit {
			t.Errorf("%+v: qms.yaml reads as %+v", p, c.Org)
		}
		if len(c.Processes) != 4 {
			t.Fatalf("%+v: %d processes, want 4", p, len(c.Processes))
		}
		for _, pr := range c.Processes {
			if pr.Status != qms.StatusDraft || pr.ProcKind != qms.KindFramework || pr.Unit != wantUnit {
				t.Errorf("%s: status %q, kind %q, unit %q", pr.Code, pr.Status, pr.ProcKind, pr.Unit)
			}
		}
	}
	if _, err := Init(InitParams{Effective: "2026-13-01"}); err == nil {
		t.Error("a wrong --effective is accepted")
	}
}

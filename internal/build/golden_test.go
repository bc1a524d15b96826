package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGolden compares one page of each kind with testdata/golden; run
// `go test ./internal/build -run TestGolden -update` to accept changes.
func TestGolden(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), nil)
	pages := map[string]string{
		"dashboard":  "",
		"process":    "processes/qt-ts-01/",
		"obsolete":   "processes/qt-ty-02/",
		"procedure":  "procedures/na-01/",
		"decision":   "decisions/100-qd-ubnd/",
		"processes":  "processes/",
		"procedures": "procedures/",
		"decisions":  "decisions/",
		"unit":       "units/chi-cuc-thuy-san/",
		"field":      "fields/thu-y/",
		"search":     "search/",
		"notfound":   "404.html",
	}
	for name, rel := range pages {
		t.Run(name, func(t *testing.T) {
			got := page(t, out, rel)
			file := filepath.Join("testdata", "golden", name+".html")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; run with -update and review the diff", rel, file)
			}
		})
	}
}

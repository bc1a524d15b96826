package rules

import (
	"regexp"
	"testing"
)

// TestAllUnique: IDs are unique across the three lists and well formed,
// and every check has a title.
func TestAllUnique(t *testing.T) {
	id := regexp.MustCompile(`^[A-Z]{2}[0-9]{3}$`)
	seen := map[string]bool{}
	for _, c := range All() {
		if !id.MatchString(c.ID) {
			t.Errorf("malformed ID %q", c.ID)
		}
		if seen[c.ID] {
			t.Errorf("duplicate ID %s", c.ID)
		}
		seen[c.ID] = true
		if c.Title() == "" {
			t.Errorf("%s has no title", c.ID)
		}
	}
	for _, want := range []string{"LD001", "XR001", "PH001", "CC001"} {
		if !seen[want] {
			t.Errorf("%s missing from All", want)
		}
	}
}

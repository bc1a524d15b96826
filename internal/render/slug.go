package render

import (
	"strconv"

	"github.com/snnptnt-nghean/qms/internal/markup"
)

// slugger hands out unique slugs: a second name with the same slug gets
// "-2", and so on. Names must be offered in a deterministic order.
type slugger struct {
	used map[string]bool
	of   map[string]string
}

func newSlugger(reserved ...string) *slugger {
	s := &slugger{used: map[string]bool{}, of: map[string]string{}}
	for _, r := range reserved {
		s.used[r] = true
	}
	return s
}

// slug returns the slug of name, assigning one on first use.
func (s *slugger) slug(name string) string {
	if v, ok := s.of[name]; ok {
		return v
	}
	base := markup.Slugify(name)
	if base == "" {
		base = "x"
	}
	v := base
	for i := 2; s.used[v]; i++ {
		v = base + "-" + strconv.Itoa(i)
	}
	s.used[v] = true
	s.of[name] = v
	return v
}

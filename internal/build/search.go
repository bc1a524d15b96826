package build

import (
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/render"
	"github.com/snnptnt-nghean/qms/internal/search"
)

// searchFiles builds the search index of the site's documents: its files
// by path ("search/meta.json").
func searchFiles(s *render.Site) (map[string][]byte, error) {
	docs, err := s.SearchEntries()
	if err != nil {
		return nil, fmt.Errorf("build: search: %w", err)
	}
	files, err := search.Build(docs)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	return files, nil
}

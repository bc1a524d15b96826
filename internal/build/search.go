package build

import (
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/render"
	"github.com/snnptnt-nghean/qms/internal/search"
)

// writeSearch writes the search index of the site's documents under
// search/.
func writeSearch(w *writer, s *render.Site) error {
	entries, err := s.SearchEntries()
	if err != nil {
		return fmt.Errorf("build: search: %w", err)
	}
	docs := make([]search.Doc, 0, len(entries))
	for _, e := range entries {
		docs = append(docs, search.Doc{
			URL: e.URL, Kind: e.Kind, KindLabel: e.KindLabel, Code: e.Code, Title: e.Title,
			Status: e.Status, Obsolete: e.Obsolete, Fields: e.Fields, Body: e.Body,
		})
	}
	files, err := search.Build(docs)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return writeBytes(w, files)
}

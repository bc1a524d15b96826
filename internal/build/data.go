package build

import (
	"fmt"

	"github.com/snnptnt-nghean/qms/internal/export"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// dataFiles are the manual as data (docs/du-lieu-so-tay.md), by output
// path: data/manual.json, the export as of the build date with the urls
// of this site's pages, and data/manual.schema.json, its JSON Schema.
func dataFiles(c *qms.Corpus, opts Options) (map[string][]byte, error) {
	m, err := export.New(c, export.Options{AsOf: opts.AsOf, Drafts: opts.Drafts}).JSON()
	if err != nil {
		return nil, fmt.Errorf("build: data/manual.json: %w", err)
	}
	return map[string][]byte{dataNames[0]: m, dataNames[1]: export.Schema}, nil
}

// dataNames are the paths of dataFiles.
var dataNames = [...]string{"data/manual.json", "data/manual.schema.json"}

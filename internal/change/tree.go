package change

import (
	"io/fs"
	"path"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Tree is one side of a comparison: the corpus loaded from a content root
// and the set of document files present in it, read or not.
type Tree struct {
	Corpus *qms.Corpus
	// Files holds the path of every .md file under processes/,
	// procedures/ and decisions/, including files the loader could not
	// read into a document.
	Files map[string]bool
}

// LoadTree loads fsys (whose root is the content root) with content.Load
// and lists its document files. The diagnostics are the loader's.
func LoadTree(fsys fs.FS) (*Tree, []qms.Diagnostic) {
	c, diags := content.Load(fsys)
	return NewTree(c, ListFiles(fsys)), diags
}

// NewTree makes a Tree from an already loaded corpus and its file list
// (as ListFiles returns it).
func NewTree(c *qms.Corpus, files map[string]bool) *Tree {
	if files == nil {
		files = map[string]bool{}
	}
	for _, d := range c.Documents() {
		files[d.Base().Path] = true
	}
	return &Tree{Corpus: c, Files: files}
}

// ListFiles returns the .md files under the three content folders of fsys.
// Unreadable folders are skipped: the loader reports them.
func ListFiles(fsys fs.FS) map[string]bool {
	files := map[string]bool{}
	for _, k := range qms.Kinds {
		_ = fs.WalkDir(fsys, k.Dir(), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && strings.EqualFold(path.Ext(p), ".md") {
				files[p] = true
			}
			return nil
		})
	}
	return files
}

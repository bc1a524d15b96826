package internal_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/snnptnt-nghean/qms/"

// rules says which of the module's own packages, and which third-party
// modules, each internal package may import (the layering the README's
// Layout section describes). Test files are exempt: they may use anything.
var rules = map[string]struct {
	own   []string
	extra []string
}{
	"internal/qms":           {},
	"internal/markup":        {extra: []string{"github.com/yuin/goldmark", "golang.org/x/text"}},
	"internal/content":       {own: []string{"internal/qms", "internal/markup"}, extra: []string{"gopkg.in/yaml.v3", "github.com/yuin/goldmark", "golang.org/x/text"}},
	"internal/check":         {own: []string{"internal/qms"}},
	"internal/check/checks":  {own: []string{"internal/qms", "internal/check", "internal/markup"}, extra: []string{"github.com/yuin/goldmark", "golang.org/x/text"}},
	"internal/history":       {own: []string{"internal/qms"}, extra: []string{"github.com/go-git/"}},
	"internal/search":        {own: []string{"internal/qms"}, extra: []string{"golang.org/x/text"}},
	"internal/change":        {own: []string{"internal/qms", "internal/check", "internal/content"}, extra: []string{"golang.org/x/text"}},
	"internal/scaffold":      {own: []string{"internal/qms", "internal/check"}, extra: []string{"gopkg.in/yaml.v3", "golang.org/x/text"}},
	"internal/rules":         {own: []string{"internal/check", "internal/check/checks", "internal/scaffold", "internal/change"}},
	"internal/corpusgen":     {own: []string{"internal/qms"}},
	"internal/serve":         {own: []string{"internal/qms", "internal/build", "site"}},
	"internal/render":        {own: []string{"internal/qms", "internal/markup", "internal/check", "internal/search", "internal/textdiff", "site"}, extra: []string{"github.com/yuin/goldmark", "golang.org/x/text"}},
	"internal/textdiff":      {},
	"internal/export":        {own: []string{"internal/qms"}},
	"internal/validatortest": {own: []string{"internal/browsertest"}, extra: []string{"github.com/chromedp/"}},
}

// TestDependencies holds the layering: content knows no HTML and no git,
// render knows no git and no YAML, history knows no Markdown, and the
// domain package imports only the standard library.
func TestDependencies(t *testing.T) {
	checked := 0
	for dir, rule := range rules {
		files, _ := filepath.Glob(filepath.Join("..", dir, "*.go"))
		if len(files) == 0 {
			continue
		}
		checked++
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			pf, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range pf.Imports {
				path := strings.Trim(imp.Path.Value, `"`)
				if !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
					continue // standard library
				}
				if ok := allowed(path, rule.own, rule.extra); !ok {
					t.Errorf("%s imports %s, which %s may not import", f, path, dir)
				}
			}
		}
	}
	if checked < 4 {
		t.Fatalf("only %d packages found; is the test running in internal/?", checked)
	}
}

func allowed(path string, own, extra []string) bool {
	if strings.HasPrefix(path, module) {
		rel := strings.TrimPrefix(path, module)
		for _, o := range own {
			if rel == o {
				return true
			}
		}
		return false
	}
	for _, e := range extra {
		if strings.HasPrefix(path, e) {
			return true
		}
	}
	return false
}

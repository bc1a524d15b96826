package internal_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/snnptnt-nghean/qms/"

// rules says, for every package of the module, which of the module's own
// packages and which third-party modules it may import (the layering the
// README's Layout section describes). Test files are exempt: they may use
// anything. Every package must have a rule, and a rule allows only what
// the package imports: a layer that is no longer crossed is removed here.
var rules = map[string]struct {
	own   []string
	extra []string
}{
	"cmd/qms":                 {own: []string{"internal/build", "internal/change", "internal/check", "internal/content", "internal/export", "internal/history", "internal/qms", "internal/rules", "internal/scaffold", "internal/serve"}},
	"site":                    {},
	"internal/qms":            {},
	"internal/markup":         {own: []string{"internal/qms"}, extra: []string{"github.com/yuin/goldmark"}},
	"internal/content":        {own: []string{"internal/qms", "internal/markup"}, extra: []string{"gopkg.in/yaml.v3", "github.com/yuin/goldmark", "golang.org/x/text"}},
	"internal/check":          {own: []string{"internal/qms"}},
	"internal/check/checks":   {own: []string{"internal/qms", "internal/check", "internal/markup"}, extra: []string{"github.com/yuin/goldmark", "golang.org/x/text"}},
	"internal/history":        {own: []string{"internal/qms"}, extra: []string{"github.com/go-git/go-git", "github.com/go-git/go-billy", "golang.org/x/text"}},
	"internal/search":         {extra: []string{"golang.org/x/text"}},
	"internal/change":         {own: []string{"internal/qms", "internal/check", "internal/content"}, extra: []string{"golang.org/x/text", "gopkg.in/yaml.v3"}},
	"internal/scaffold":       {own: []string{"internal/qms", "internal/check"}, extra: []string{"gopkg.in/yaml.v3", "golang.org/x/text"}},
	"internal/rules":          {own: []string{"internal/check", "internal/check/checks", "internal/scaffold", "internal/change"}},
	"internal/render":         {own: []string{"internal/qms", "internal/markup", "internal/search", "internal/textdiff", "internal/flowchart", "internal/timeline"}, extra: []string{"github.com/yuin/goldmark", "golang.org/x/text"}},
	"internal/textdiff":       {},
	"internal/flowchart":      {extra: []string{"golang.org/x/text"}},
	"internal/timeline":       {own: []string{"internal/qms"}},
	"internal/export":         {own: []string{"internal/qms"}},
	"internal/build":          {own: []string{"internal/check", "internal/content", "internal/export", "internal/history", "internal/qms", "internal/render", "internal/rules", "internal/search", "site"}},
	"internal/serve":          {own: []string{"internal/qms", "internal/build"}},
	"internal/corpusgen":      {own: []string{"internal/qms"}},
	"internal/gittest":        {extra: []string{"github.com/go-git/go-git"}},
	"internal/browsertest":    {extra: []string{"github.com/chromedp/chromedp"}},
	"internal/validatortest":  {own: []string{"internal/browsertest"}, extra: []string{"github.com/chromedp/chromedp"}},
	"internal/cmd/gencorpus":  {own: []string{"internal/corpusgen"}},
	"internal/cmd/histload":   {own: []string{"internal/history", "internal/qms"}},
	"internal/cmd/writefloor": {},
}

// TestDependencies holds the layering: content knows no HTML and no git,
// render knows no git and no YAML, history knows no Markdown, the domain
// package imports only the standard library, and only build (and the
// commands above it) sees every layer.
func TestDependencies(t *testing.T) {
	pkgs := packages(t)
	for _, dir := range pkgs {
		if _, ok := rules[dir]; !ok {
			t.Errorf("package %s has no rule in deps_test.go", dir)
		}
	}
	for dir, rule := range rules {
		if !slices.Contains(pkgs, dir) {
			t.Errorf("rule for %s, which is not a package", dir)
			continue
		}
		used := map[string]bool{}
		for _, path := range imports(t, dir) {
			if !strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
				continue // standard library
			}
			e, ok := allowed(path, rule.own, rule.extra)
			if !ok {
				t.Errorf("%s imports %s, which it may not import", dir, path)
			}
			used[e] = true
		}
		for _, e := range append(append([]string(nil), rule.own...), rule.extra...) {
			if !used[e] {
				t.Errorf("%s may import %s but does not: remove it from the rule", dir, e)
			}
		}
	}
}

// packages returns the module's package directories (relative to the
// module root, with "/"), testdata and hidden folders excepted.
func packages(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && p != ".." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		dir, _ := filepath.Rel("..", filepath.Dir(p))
		if dir = filepath.ToSlash(dir); !slices.Contains(dirs, dir) {
			dirs = append(dirs, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 10 {
		t.Fatalf("only %d packages found; is the test running in internal/?", len(dirs))
	}
	return dirs
}

// imports returns the import paths of the package's non-test files.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", dir, "*.go"))
	var paths []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		pf, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pf.Imports {
			paths = append(paths, strings.Trim(imp.Path.Value, `"`))
		}
	}
	return paths
}

// allowed reports whether path is allowed by own or extra, and by which
// entry.
func allowed(path string, own, extra []string) (string, bool) {
	if strings.HasPrefix(path, module) {
		rel := strings.TrimPrefix(path, module)
		if slices.Contains(own, rel) {
			return rel, true
		}
		return "", false
	}
	for _, e := range extra {
		if path == e || strings.HasPrefix(path, e+"/") {
			return e, true
		}
	}
	return "", false
}

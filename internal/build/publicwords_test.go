package build

import (
	"bytes"
	"context"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// developerWords are words a reader of the public site must not meet
// (issue 15): the front-matter field names and enumerated values of the
// content model, the content folders, "kho" for the repository, and the
// tooling words that leaked into document bodies before. A word matches
// case-insensitively as a whole word; a word ending in "/" matches with
// the slash.
var developerWords = []string{
	// Field names (docs/mo-hinh-noi-dung.md, internal/content/schema.go).
	"abolished_by", "action", "actor", "agency", "amends", "announced_by",
	"announces", "approved_by", "approver", "change", "code", "effective",
	"expires", "fee", "field", "forms", "issued", "issuer", "keeper", "kind",
	"legal_basis", "level", "number", "prepared_by", "procedures", "reason",
	"receiving", "records", "repealed", "retention", "review_by",
	"reviewed_by", "revision", "revisions", "since", "source", "status",
	"steps", "supersedes", "time_limit", "title", "type", "under_review",
	"unit",
	// Enumerated values.
	"active", "draft", "abolished", "framework", "task", "in-force",
	"amended", "superseded", "expired", "not-yet-effective",
	// Folders.
	"processes/", "procedures/", "decisions/",
	// The repository and its tooling.
	"kho", "qms", "YAML", "Markdown", "front matter", "git", "commit",
}

// kho is also an ordinary word (a storehouse; Kho bạc Nhà nước, the State
// Treasury): these continuations are not the repository.
var khoAllowed = []string{"kho bạc", "kho lạnh", "kho hàng", "kho chứa", "kho bãi"}

// templatePages are pages whose whole text the templates and the rules'
// documentation write, not the content; only their Markdown (none today)
// is asserted.
var templatePages = map[string]string{
	"checks/index.html": "the rules' explanations name fields, folders and YAML",
}

// TestPublicPagesHaveNoDeveloperWords builds the repository's own content
// (drafts included) and asserts that no page shows a developer word.
//
// Every page's visible text is checked: text between tags, <title>
// included; <script>, <style>, comments and attribute values are not
// shown and are skipped, and so are URLs written out as link text (a
// cited source's address is not prose). The Markdown a document renders
// (the elements with class "prose": a document's body, the quality policy
// on the home page) is checked, and so is the rest of every page but
// templatePages.
//
// The build reads no git history: revision pages show past versions and
// commit notes verbatim, which are history and stay as they were written.
// TestHistoryPagesHaveNoDeveloperWords holds the history pages' own text.
//
// A failure names the page and quotes the word in «»; fix the document's
// wording (or, for a page-level find, the template that wrote it).
func TestPublicPagesHaveNoDeveloperWords(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	var stderr bytes.Buffer
	_, err := Build(context.Background(), Options{
		Root:      filepath.Join("..", ".."),
		Out:       out,
		AsOf:      qms.Date{Year: 2026, Month: 12, Day: 1},
		Commit:    "abc1234",
		Drafts:    true,
		NoHistory: true,
		Stderr:    &stderr,
	})
	if err != nil {
		t.Fatalf("Build: %v\n%s", err, stderr.String())
	}
	pages, prose := assertNoDeveloperWords(t, out, func(string) bool { return true }, true)
	// The content has dozens of documents with a body; a build that wrote
	// none, or a template that renamed the class, would pass vacuously.
	if pages < 50 || prose < 50 {
		t.Errorf("only %d pages with %d Markdown regions checked", pages, prose)
	}
}

// TestHistoryPagesHaveNoDeveloperWords builds the history scenario (a
// merged branch, a moved file) and asserts that the history's pages
// (/changes/, each document's history, revision and deleted pages) show
// no developer word outside the documents' text: what the templates and
// the code write about versions says "phiên bản", "lần thay đổi", "mã
// thay đổi". The documents' text is site.txtar's, which is not the
// public content, so it is not asserted here: neither the rendered
// Markdown nor the source a revision page compares (the body's diff, a
// version that does not parse). Nor are the file names a revision page
// names (the "Tệp" row of a move): they are where a version was stored, a
// record for auditors.
func TestHistoryPagesHaveNoDeveloperWords(t *testing.T) {
	s := newHistoryScenario(t)
	out, _, _ := buildRepo(t, s.g.Dir, func(o *Options) { o.Commit = "abc1234" })
	history := func(rel string) bool {
		return strings.HasPrefix(rel, "changes/") || strings.Contains(rel, "/history/")
	}
	if pages, _ := assertNoDeveloperWords(t, out, history, false); pages < 5 {
		t.Errorf("only %d history pages checked", pages)
	}
}

// assertNoDeveloperWords checks the HTML pages under out that sel selects
// (by '/'-separated relative path), their Markdown regions too when prose
// is set, and returns how many pages and Markdown regions it checked.
func assertNoDeveloperWords(t *testing.T, out string, sel func(rel string) bool, prose bool) (pages, regions int) {
	t.Helper()
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if !sel(rel) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		rs, rest := regionsOf(string(b), proseRE)
		regions += len(rs)
		if !prose {
			_, rest = regionsOf(rest, sourceRE)
			rest = contentPathRE.ReplaceAllString(rest, " ")
		}
		for _, r := range rs {
			if !prose {
				break
			}
			for _, w := range findDeveloperWords(visibleText(r)) {
				t.Errorf("%s, document text: %s", rel, w)
			}
		}
		if _, ok := templatePages[rel]; ok {
			return nil
		}
		for _, w := range findDeveloperWords(visibleText(rest)) {
			t.Errorf("%s, page: %s", rel, w)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages, regions
}

// TestFindDeveloperWords pins the matching rules the site test relies on.
func TestFindDeveloperWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"trường approved_by tạm ghi", 1},
		{"Kho tài liệu này", 1},
		{"do kho biên soạn", 1},
		{"khoản 2, khó khăn, khoa học", 0},
		{"Kho bạc Nhà nước tỉnh", 0},
		{"thư mục decisions/ và processes/", 2},
		{"các quyết định (decisions)", 0},
		{"bảng các bước (Steps)", 1},
		{"theo https://example.gov.vn/processes/status", 0},
		{"lệnh qms check", 1},
	}
	for _, tt := range tests {
		if got := findDeveloperWords(tt.text); len(got) != tt.want {
			t.Errorf("findDeveloperWords(%q) = %q, want %d", tt.text, got, tt.want)
		}
	}
}

var (
	hiddenRE = regexp.MustCompile(`(?is)<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->`)
	tagRE    = regexp.MustCompile(`(?s)<[^>]*>`)
	urlRE    = regexp.MustCompile(`https?://\S+`)
	proseRE  = regexp.MustCompile(`<(section|div)\b[^>]*\bclass="[^"]*\bprose\b[^"]*"[^>]*>`)
	// sourceRE opens what shows a document's source: a revision's body
	// diff and a version that does not parse.
	sourceRE = regexp.MustCompile(`<(div|pre)\b[^>]*\bclass="(diff|raw-source)"[^>]*>`)
	// contentPathRE is the path of a content file.
	contentPathRE = regexp.MustCompile(`\b(processes|procedures|decisions)/[^\s<)]*\.md\b`)
)

// visibleText is the text a reader sees in an HTML fragment, with tags
// replaced by spaces and character references decoded.
func visibleText(s string) string {
	s = hiddenRE.ReplaceAllString(s, " ")
	s = tagRE.ReplaceAllString(s, " ")
	return html.UnescapeString(s)
}

// regionsOf returns the elements whose start tags open matches (its first
// group is the tag's name), each up to its matching end tag, and the rest
// of doc with them cut out.
func regionsOf(doc string, open *regexp.Regexp) (regions []string, rest string) {
	var b strings.Builder
	last := 0
	for _, m := range open.FindAllStringSubmatchIndex(doc, -1) {
		if m[0] < last {
			continue // nested in the previous region
		}
		name := doc[m[2]:m[3]]
		tags := regexp.MustCompile(`<` + name + `\b|</` + name + `>`)
		depth, end := 0, len(doc)
		for _, t := range tags.FindAllStringIndex(doc[m[0]:], -1) {
			if doc[m[0]+t[0]+1] == '/' {
				depth--
			} else {
				depth++
			}
			if depth == 0 {
				end = m[0] + t[1]
				break
			}
		}
		regions = append(regions, doc[m[0]:end])
		b.WriteString(doc[last:m[0]])
		b.WriteString(" ")
		last = end
	}
	b.WriteString(doc[last:])
	return regions, b.String()
}

// findDeveloperWords returns each developer word in text, with some
// context.
func findDeveloperWords(text string) []string {
	text = urlRE.ReplaceAllString(text, " ")
	lower := strings.ToLower(text)
	var found []string
	for _, w := range developerWords {
		lw := strings.ToLower(w)
		for i := 0; ; {
			j := strings.Index(lower[i:], lw)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(lw)
			i = end
			if !wordBoundary(lower, start, end, strings.HasSuffix(lw, "/")) {
				continue
			}
			if lw == "kho" && allowedKho(lower[start:]) {
				continue
			}
			found = append(found, excerpt(text, lower, start, end))
		}
	}
	return found
}

func allowedKho(s string) bool {
	for _, a := range khoAllowed {
		if strings.HasPrefix(s, a) {
			return true
		}
	}
	return false
}

// wordBoundary reports whether s[start:end] is a whole word: no letter,
// digit or underscore touches it (after it, only when it does not end in
// a slash).
func wordBoundary(s string, start, end int, slash bool) bool {
	inWord := func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	if r, _ := utf8.DecodeLastRuneInString(s[:start]); start > 0 && inWord(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[end:]); !slash && end < len(s) && inWord(r) {
		return false
	}
	return true
}

// excerpt returns the match with up to 40 bytes of text either side, cut
// at rune boundaries, spaces collapsed. The indexes are lower's, which are
// text's unless lowering changed a letter's length.
func excerpt(text, lower string, start, end int) string {
	s := text
	if len(lower) != len(text) {
		s = lower
	}
	a, b := max(0, start-40), min(len(s), end+40)
	for a > 0 && !utf8.RuneStart(s[a]) {
		a--
	}
	for b < len(s) && !utf8.RuneStart(s[b]) {
		b++
	}
	return strings.Join(strings.Fields(s[a:start]+"«"+s[start:end]+"»"+s[end:b]), " ")
}

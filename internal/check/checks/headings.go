package checks

import (
	"bytes"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/snnptnt-nghean/qms/internal/markup"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// heading is a heading of a document's body.
type heading struct {
	// Text is the heading's text as written, without the "#" marks.
	Text string
	// ID is its anchor on the document's page (markup.IDs, as the pages
	// give it).
	ID string
}

// bodyParser is the project's Markdown parser (internal/markup), made
// once; it keeps no state between calls.
var bodyParser = sync.OnceValue(func() parser.Parser { return markup.New(nil, nil).Parser() })

// headingsOf returns the headings of body with the ids its page gives them.
func headingsOf(body string) []heading {
	src := []byte(body)
	ctx := parser.NewContext(parser.WithIDs(markup.NewIDs()))
	root := bodyParser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var out []heading
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var t bytes.Buffer
		lines := h.Lines()
		for i := range lines.Len() {
			if i > 0 {
				t.WriteByte(' ')
			}
			seg := lines.At(i)
			t.Write(bytes.TrimSpace(seg.Value(src)))
		}
		id, _ := h.AttributeString("id")
		idb, _ := id.([]byte)
		out = append(out, heading{Text: t.String(), ID: string(idb)})
		return ast.WalkSkipChildren, nil
	})
	return out
}

// headingCache gives each document's headings, parsing each body once:
// bodies are kept with their headings from one check run to the next (qms
// serve checks the whole corpus after every edit, and only the edited
// body is new), and the kept ones are dropped when they outnumber twice
// the documents being checked.
type headingCache struct{ docs int }

var headingMemo struct {
	sync.Mutex
	m map[string][]heading // by body
}

func newHeadingCache(c *qms.Corpus) headingCache {
	return headingCache{docs: len(c.Decisions) + len(c.Procedures) + len(c.Processes)}
}

func (c headingCache) of(d *qms.Doc) []heading {
	headingMemo.Lock()
	h, ok := headingMemo.m[d.Body]
	headingMemo.Unlock()
	if ok {
		return h
	}
	h = headingsOf(d.Body)
	headingMemo.Lock()
	defer headingMemo.Unlock()
	if headingMemo.m == nil || len(headingMemo.m) >= 2*c.docs {
		headingMemo.m = map[string][]heading{}
	}
	headingMemo.m[d.Body] = h
	return h
}

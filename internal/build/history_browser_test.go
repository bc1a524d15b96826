package build

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// TestBrowserHistory: from a process page, follow "Lần thay đổi cuối" to
// the history, open a revision and see what it changed: the field changes
// and the body diff, with deletions and insertions marked by more than
// colour.
func TestBrowserHistory(t *testing.T) {
	s := newHistoryScenario(t)
	out, _, _ := buildRepo(t, s.g.Dir, nil)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	b.Open(t, srv.URL+"/processes/qt-ts-01/")
	clickTo(t, ctx, `.summary-list a[href="/processes/qt-ts-01/history/"]`, "/processes/qt-ts-01/history/")
	if n := eval[int](t, ctx, `document.querySelectorAll("ol.revisions li.revision").length`); n != 6 {
		t.Errorf("%d revisions listed, want 6", n)
	}
	rev := "/" + s.revURL("C2")
	clickTo(t, ctx, `ol.revisions a[href="`+rev+`"]`, rev)
	if h := text(t, ctx, ".banner-obsolete .banner-heading"); h != "PHIÊN BẢN CŨ" {
		t.Errorf("banner = %q", h)
	}
	if h := text(t, ctx, "h1"); h != "Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản" {
		t.Errorf("h1 = %q", h)
	}
	clickTo(t, ctx, `.banner a[href="#thay-doi"]`, rev)
	fields := text(t, ctx, "ul.field-changes")
	for _, w := range []string{"Lần ban hành: 1 → 2", "Căn cứ pháp lý: + 300/QĐ-UBND, − 200/QĐ-UBND"} {
		if !strings.Contains(fields, w) {
			t.Errorf("field changes %q lack %q", fields, w)
		}
	}
	visible := `[...document.querySelector(".diff ins").childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join("")`
	if ins := eval[string](t, ctx, visible); ins != "nhanh và " {
		t.Errorf("inserted text = %q", ins)
	}
	// Insertions are underlined, and say so to screen readers.
	if deco := eval[string](t, ctx, `getComputedStyle(document.querySelector(".diff ins")).textDecorationLine`); deco != "underline" {
		t.Errorf("ins decoration = %q", deco)
	}
	if label := eval[string](t, ctx, `document.querySelector(".diff ins").textContent`); !strings.HasPrefix(label, "[thêm: ") {
		t.Errorf("ins text = %q", label)
	}
	b.NoConsoleErrors(t)
}

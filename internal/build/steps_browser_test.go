package build

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// TestBrowserStepsCards: at 375 CSS pixels a process's steps are stacked
// cards (each cell below the one before it, nothing to scroll sideways),
// and the accessibility tree still has the table with its rows, column
// headers and cells.
func TestBrowserStepsCards(t *testing.T) {
	srv := serveSite(t)
	b := browsertest.Start(t)
	ctx := timeout(t, b)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	b.Open(t, srv.URL+"/processes/qt-ts-01/")
	if eval[bool](t, ctx, `(function () { const w = document.querySelector("table.steps").parentElement; return w.scrollWidth > w.clientWidth; })()`) {
		t.Error("the steps scroll sideways")
	}
	if !eval[bool](t, ctx, `(function () {
		const cells = document.querySelectorAll("table.steps tbody tr:first-child td");
		for (let i = 1; i < cells.length; i++) {
			if (cells[i].textContent.trim() === "") continue;
			if (cells[i].getBoundingClientRect().top < cells[i-1].getBoundingClientRect().bottom - 1) return false;
		}
		return cells.length === 5;
	})()`) {
		t.Error("the cells of a step are not stacked")
	}
	if label := eval[string](t, ctx, `getComputedStyle(document.querySelector("table.steps tbody td:nth-child(2)"), "::before").content`); label == "none" || label == "" {
		t.Error("a step's cells are not named")
	}
	roles := map[string]int{}
	tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range tree.Nodes {
		if n.Role != nil {
			roles[strings.Trim(string(n.Role.Value), `"`)]++
		}
	}
	// The process page has the roles table, the steps table and the
	// procedures table.
	if roles["table"] < 3 || roles["columnheader"] < 5 || roles["cell"] < 20 || roles["row"] < 6 {
		t.Errorf("accessibility roles %v: the steps are no longer a table", roles)
	}
}

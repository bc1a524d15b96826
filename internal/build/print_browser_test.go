package build

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/snnptnt-nghean/qms/internal/browsertest"
)

// The printed page's bottom margin (@page in site/static/style.css), which
// is reserved for the footer, and the room the footer's rule and padding take
// above its text; in points.
const (
	printTopMargin    = 15 / 25.4 * 72
	printBottomMargin = 20 / 25.4 * 72
	printFooterRule   = 2 / 25.4 * 72
)

// printStatement is the footer's text that says what a printed sheet is.
const printStatement = "Bản in không được kiểm soát"

// longProcess is QT-TS-01 of site.txtar with twenty steps and a body long
// enough to print on several A4 pages, most of them ending in the middle of
// a paragraph.
func longProcess() string {
	var b strings.Builder
	b.WriteString(`---
code: "QT-TS-01"
title: Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản
kind: task
unit: Chi cục Thủy sản
revision: 1
effective: 2021-04-01
approved_by: "50/QĐ-SNN"
status: active
procedures:
  - "NA-01"
legal_basis:
  - "61/2018/NĐ-CP"
  - "200/QĐ-UBND"
review_by: 2026-12-31
prepared_by: Chuyên viên Chi cục Thủy sản
reviewed_by: Chi cục trưởng
approver: Giám đốc Sở
steps:
`)
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, "  - actor: Chuyên viên phụ trách bước %d\n    action: Kiểm tra hồ sơ, đối chiếu quy định và ghi ý kiến vào phiếu kiểm soát (bước %d)\n    time: 01 giờ làm việc\n", i, i)
	}
	b.WriteString(`forms:
  - code: "BM-TS-01-01"
    title: Giấy tiếp nhận hồ sơ
records:
  - name: Hồ sơ cấp giấy chứng nhận
    keeper: Chi cục Thủy sản
    retention: 05 năm
---
`)
	sentences := []string{
		"Chuyên viên đối chiếu thành phần hồ sơ với danh mục đã công bố và ghi rõ ý kiến vào phiếu kiểm soát quá trình.",
		"Trường hợp hồ sơ chưa đầy đủ, chuyên viên hướng dẫn tổ chức, cá nhân bổ sung một lần bằng văn bản.",
		"Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết.",
		"Lãnh đạo đơn vị xem xét kết quả thẩm định, ký duyệt hoặc trả lại kèm lý do.",
		"Mọi bước chuyển hồ sơ đều được ghi vào sổ theo dõi, có chữ ký của người giao và người nhận.",
		"Văn thư vào sổ, đóng dấu và chuyển kết quả về Trung tâm Phục vụ hành chính công tỉnh đúng hẹn.",
	}
	for sec := 1; sec <= 5; sec++ {
		fmt.Fprintf(&b, "\n## %d. Nội dung %d\n", sec, sec)
		for par := 0; par < 6; par++ {
			b.WriteString("\n")
			for s := 0; s < 3+(sec+par)%4; s++ {
				b.WriteString(sentences[(sec*7+par*3+s)%len(sentences)])
				b.WriteString(" ")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// printPDF prints the open page to PDF as a person would (A4 from the style
// sheet) and reads its text.
func printPDF(t *testing.T, b *browsertest.Browser) []pdfPage {
	t.Helper()
	pdf, err := chromedp.Run(timeout(t, b), chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := readPDFText(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// printFooter is what printProblems expects of the footer of every page.
type printFooter struct {
	// parts are what the statement must say besides printStatement.
	parts []string
	// margin: the footer is in the page's bottom margin with
	// "Trang i / n" beside it (the page-margin boxes); otherwise it is
	// anywhere below the text, without page numbers (the fallback).
	margin bool
}

// printProblems checks the footer of every printed page: one statement that
// the sheet is uncontrolled, with each of want.parts, and with want.margin
// one "Trang i / n", both in the page's bottom margin. No other text is in
// that margin, nor below the top of the footer's text less the room its rule
// takes: a problem saying "overlap:" is text that the footer covers or
// touches.
func printProblems(pages []pdfPage, want printFooter) []string {
	var problems []string
	pageNumber := regexp.MustCompile(`^Trang \d+ / \d+$`)
	for i, p := range pages {
		n := i + 1
		areaBottom := p.Height - printBottomMargin
		var statements, numbers int
		footerTop := math.Inf(1)
		var content []pdfLine
		for _, l := range p.lines() {
			switch {
			case strings.Contains(l.Text, printStatement):
				statements++
				for _, w := range want.parts {
					if !strings.Contains(l.Text, w) {
						problems = append(problems, fmt.Sprintf("page %d: footer %q lacks %q", n, l.Text, w))
					}
				}
			case pageNumber.MatchString(l.Text):
				numbers++
				if w := fmt.Sprintf("Trang %d / %d", n, len(pages)); l.Text != w {
					problems = append(problems, fmt.Sprintf("page %d: page number %q, want %q", n, l.Text, w))
				}
			default:
				content = append(content, l)
				continue
			}
			footerTop = math.Min(footerTop, l.Top)
			if want.margin && l.Top < areaBottom {
				problems = append(problems, fmt.Sprintf("page %d: footer %q at %.1f pt is above the bottom margin (from %.1f pt)", n, l.Text, l.Top, areaBottom))
			}
		}
		if statements != 1 {
			problems = append(problems, fmt.Sprintf("page %d: %d footers saying %q, want 1", n, statements, printStatement))
		}
		wantNumbers := 0
		if want.margin {
			wantNumbers = 1
		}
		if numbers != wantNumbers {
			problems = append(problems, fmt.Sprintf("page %d: %d page numbers, want %d", n, numbers, wantNumbers))
		}
		for _, l := range content {
			switch {
			case l.Bottom > footerTop-printFooterRule:
				problems = append(problems, fmt.Sprintf("page %d: overlap: %q (%.1f–%.1f pt) reaches the footer (text from %.1f pt, its rule %.1f pt above)", n, l.Text, l.Top, l.Bottom, footerTop, printFooterRule))
			case l.Bottom > areaBottom+1:
				problems = append(problems, fmt.Sprintf("page %d: %q (%.1f–%.1f pt) is in the bottom margin (from %.1f pt)", n, l.Text, l.Top, l.Bottom, areaBottom))
			}
		}
	}
	return problems
}

// addStyle adds a style sheet to the open page.
func addStyle(t *testing.T, b *browsertest.Browser, css string) {
	t.Helper()
	js := fmt.Sprintf(`document.head.appendChild(document.createElement("style")).textContent = %q; null`, css)
	if _, err := chromedp.Run(timeout(t, b), chromedp.Evaluate[any](js)); err != nil {
		t.Fatal(err)
	}
}

// noMarginBoxes makes Chromium print as a browser without page-margin boxes
// does: the .print-footer element instead.
const noMarginBoxes = `@page { @top-left { content: none } @bottom-left { content: none } @bottom-right { content: none } }
@media print { .print-footer { display: block !important } main { padding-bottom: 12mm !important } }`

// TestBrowserPrintPages prints a process several pages long to PDF in
// Chromium and reads the PDF: every page carries the controlled-copy footer
// with the build's date and commit and "Trang i / n" in the bottom margin,
// where no text of the page reaches it; the header block is on page 1.
// Without page-margin boxes, the fallback footer is on every page, clear of
// the text too; and the checks do find the footer over the text, as it was
// printed before.
func TestBrowserPrintPages(t *testing.T) {
	a := withFile(loadArchive(t, "site.txtar"), "processes/qt-ts-01.md", longProcess())
	out, _ := buildSite(t, a, nil)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	url := srv.URL + "/processes/qt-ts-01/"
	b := browsertest.Start(t)
	b.Open(t, url)
	parts := []string{"01/06/2025", "abc1234"}

	pages := printPDF(t, b)
	if len(pages) < 3 {
		t.Fatalf("the long process printed on %d pages, want at least 3 for the test to mean something", len(pages))
	}
	for _, p := range pages {
		// A4 from the style sheet, not the browser's default Letter.
		if math.Abs(p.Width-595.3) > 1 || math.Abs(p.Height-841.9) > 1 {
			t.Errorf("page size %.1f × %.1f pt, want A4 (595.3 × 841.9)", p.Width, p.Height)
		}
	}
	for _, p := range printProblems(pages, printFooter{parts: parts, margin: true}) {
		t.Error(p)
	}
	var first []string
	for _, l := range pages[0].lines() {
		first = append(first, l.Text)
	}
	// The running header: the document's code, revision and effective
	// date in the top margin of every sheet, with no text of the page
	// there.
	const header = "QT-TS-01 · Lần ban hành 01 · Hiệu lực 01/04/2021"
	for i, p := range pages {
		found := 0
		for _, l := range p.lines() {
			switch {
			case strings.Contains(l.Text, "QT-TS-01 · Lần ban hành"):
				found++
				if l.Text != header || l.Bottom > printTopMargin {
					t.Errorf("page %d: header %q at %.1f–%.1f pt, want %q in the top margin (to %.1f pt)", i+1, l.Text, l.Top, l.Bottom, header, printTopMargin)
				}
			case l.Top < printTopMargin:
				t.Errorf("page %d: %q (%.1f pt) is in the top margin", i+1, l.Text, l.Top)
			}
		}
		if found != 1 {
			t.Errorf("page %d: %d running headers, want 1", i+1, found)
		}
	}
	page1 := strings.Join(first, "\n")
	// The amendment record prints with the header block.
	for _, w := range []string{"Mã hiệu", "QT-TS-01", "Lần ban hành", "Ngày hiệu lực", "01/04/2021", "Phê duyệt bởi", "50/QĐ-SNN", "Theo dõi sửa đổi"} {
		if !strings.Contains(page1, w) {
			t.Errorf("page 1 lacks %q of the header block:\n%s", w, page1)
		}
	}
	b.NoConsoleErrors(t)

	t.Run("fallback", func(t *testing.T) {
		b.Open(t, url)
		addStyle(t, b, noMarginBoxes)
		pages := printPDF(t, b)
		for _, p := range printProblems(pages, printFooter{parts: parts}) {
			t.Error(p)
		}
	})

	// The footer fixed at the bottom of the page area with nothing
	// keeping the text clear of it, as printed before the margin boxes.
	t.Run("overlap detected", func(t *testing.T) {
		b.Open(t, url)
		addStyle(t, b, noMarginBoxes+"\n@media print { main { box-decoration-break: slice !important } }")
		problems := printProblems(printPDF(t, b), printFooter{parts: parts})
		overlaps := 0
		for _, p := range problems {
			if strings.Contains(p, "overlap:") {
				overlaps++
			}
		}
		if overlaps == 0 {
			t.Errorf("with the footer over the text, no overlap was found; problems:\n%s", strings.Join(problems, "\n"))
		}
	})
}

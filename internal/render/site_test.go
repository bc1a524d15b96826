package render

import (
	"strings"
	"testing"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// TestVietnameseOrder: lists sort the Vietnamese way (a ă â b … d đ e …),
// not by bytes, which would put "Đ" after "T".
func TestVietnameseOrder(t *testing.T) {
	files := map[string]string{"decisions/61-2018-nd-cp.md": decisionHead + "x"}
	fields := []string{"Thủy sản", "Đê điều", "Ăn uống", "Thú y", "Dược liệu", "Âm thanh", "An toàn", "Bảo vệ thực vật", "Lâm nghiệp"}
	for i, f := range fields {
		code := "NA-0" + string(rune('1'+i))
		files["procedures/"+strings.ToLower(code)+".md"] = procedureFile(code, "Thủ tục "+f, f)
	}
	s := newTestSite(t, files, nil)
	var got []string
	for _, g := range s.fields {
		got = append(got, g.Name)
	}
	want := []string{"An toàn", "Ăn uống", "Âm thanh", "Bảo vệ thực vật", "Dược liệu", "Đê điều", "Lâm nghiệp", "Thú y", "Thủy sản"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("fields:\n got %v\nwant %v", got, want)
	}
	// The same order on the page, and the dashboard's table.
	for _, file := range []string{"fields/index.html", "index.html"} {
		page := renderFile(t, s, file)
		last := -1
		for _, w := range want {
			i := strings.Index(page, ">"+w+"</a>")
			if i < 0 {
				t.Fatalf("%s: %q missing", file, w)
			}
			if i < last {
				t.Errorf("%s: %q out of order", file, w)
			}
			last = i
		}
	}
}

// TestCodeOrder sorts process codes with numbers compared as numbers.
func TestCodeOrder(t *testing.T) {
	c := newCollator()
	codes := []string{"QT-10", "QT-2", "QT-TS-01", "QT-1", "QT-ĐĐ-01", "QT-DD-01"}
	want := []string{"QT-1", "QT-2", "QT-10", "QT-DD-01", "QT-ĐĐ-01", "QT-TS-01"}
	got := append([]string(nil), codes...)
	for i := range got {
		for j := i + 1; j < len(got); j++ {
			if c.lessCode(got[j], got[i]) {
				got[i], got[j] = got[j], got[i]
			}
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestFrontMatterEscaped: text from front matter is escaped by
// html/template wherever it lands, and a dangerous source URL is not a link.
func TestFrontMatterEscaped(t *testing.T) {
	s := newTestSite(t, map[string]string{
		"decisions/1-qd-x.md": `---
number: "1/QĐ-X"
type: quyet-dinh
issuer: "<img src=x onerror=alert(1)>"
issued: 2020-01-01
title: "<script>alert('t')</script>"
source: "javascript:alert(1)"
---
x
`,
	}, nil)
	page := renderFile(t, s, "decisions/1-qd-x/index.html")
	for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, w := range []string{"&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"} {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks escaped %q", w)
		}
	}
	if strings.Contains(page, "Nguồn văn bản") {
		t.Error("javascript: source shown as a link row")
	}
}

// TestSection finds the quality policy in a body.
func TestSection(t *testing.T) {
	tests := []struct {
		body, want string
		ok         bool
	}{
		{"## Chính sách chất lượng\nA\n\nB\n## Điều 2\nC", "A\n\nB", true},
		{"# Quyết định\n## 3. Chính sách chất lượng\nA\n### Mục tiêu\nB\n# Khác\nC", "A\n### Mục tiêu\nB", true},
		{"## chính sách chất lượng ##\nA", "A", true},
		{"```\n## Chính sách chất lượng\n```\nA", "", false},
		{"### Chính sách chất lượng\nA", "", false},
		{"## Chính sách chất lượng của Sở\nA", "", false},
		{"Không có", "", false},
	}
	for _, tt := range tests {
		got, ok := section(tt.body, policyHeading)
		if got != tt.want || ok != tt.ok {
			t.Errorf("section(%q) = %q, %v; want %q, %v", tt.body, got, ok, tt.want, tt.ok)
		}
	}
}

// TestBaseURLParsing accepts a path or an http(s) URL.
func TestBaseURLParsing(t *testing.T) {
	tests := []struct{ in, base, abs string }{
		{"", "/", "/"},
		{"/", "/", "/"},
		{"/iso", "/iso/", "/iso/"},
		{"iso/", "/iso/", "/iso/"},
		{"https://snn.nghean.gov.vn/iso", "/iso/", "https://snn.nghean.gov.vn/iso/"},
		{"http://localhost:8080/", "/", "http://localhost:8080/"},
		{"https://example.gov.vn/sổ tay/", "/s%E1%BB%95%20tay/", "https://example.gov.vn/s%E1%BB%95%20tay/"},
	}
	for _, tt := range tests {
		base, abs, err := parseBase(tt.in)
		if err != nil || base != tt.base || abs != tt.abs {
			t.Errorf("parseBase(%q) = %q, %q, %v; want %q, %q", tt.in, base, abs, err, tt.base, tt.abs)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", "ftp://x/", "/iso/?q=1", "/iso/#x"} {
		if _, _, err := parseBase(bad); err == nil {
			t.Errorf("parseBase(%q) accepted", bad)
		}
	}
}

// TestUnsafeStems: a stem that is not a safe URL segment, or names a
// filter page, gets a slug instead.
func TestUnsafeStems(t *testing.T) {
	proc := func(code string) string { return procedureFile(code, "T", "Thủy sản") }
	s := newTestSite(t, map[string]string{
		"decisions/61-2018-nd-cp.md": decisionHead + "x",
		"procedures/by-kind.md":      proc("BY-KIND"),
		"procedures/thủ tục.md":      proc("X-1"),
	}, nil)
	var paths []string
	for _, f := range s.Files() {
		if strings.HasPrefix(f.Path, "procedures/") {
			paths = append(paths, f.Path)
		}
	}
	want := "procedures/index.html procedures/doc-by-kind/index.html procedures/doc-thu-tuc/index.html"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestLastChanged shows the last commit when the history step gives one.
func TestLastChanged(t *testing.T) {
	s := newTestSite(t, map[string]string{"decisions/61-2018-nd-cp.md": decisionHead + "x"}, func(o *Options) {
		o.LastChanged = map[string]LastChange{
			"decisions/61-2018-nd-cp.md": {Date: qms.Date{Year: 2024, Month: 3, Day: 5}, Commit: "1a2b3c4", HistoryURL: "decisions/61-2018-nd-cp/history/"},
		}
	})
	page := renderFile(t, s, "decisions/61-2018-nd-cp/index.html")
	want := `<dt>Lần thay đổi cuối</dt><dd><a href="/decisions/61-2018-nd-cp/history/">05/03/2024</a> <span class="hint">mã thay đổi 1a2b3c4</span></dd>`
	if !strings.Contains(page, want) {
		t.Errorf("missing %s", want)
	}
}

// TestReliance lists active processes relying on an obsolete document, but
// not through an announcement that was replaced by a later one of the same
// procedure (rule ST001 does the same).
func TestReliance(t *testing.T) {
	dec := func(num, issued, extra string) string {
		return "---\nnumber: \"" + num + "\"\ntype: quyet-dinh\nissuer: UBND tỉnh\nissued: " + issued + "\ntitle: QĐ " + num + "\n" + extra + "---\nx\n"
	}
	proc := func(code, announced string) string {
		return "---\ncode: \"" + code + "\"\ntitle: Thủ tục " + code + "\nfield: Thủy sản\nlevel: tinh\nagency: Chi cục Thủy sản\nreceiving: Chi cục Thủy sản\ntime_limit: 05 ngày làm việc\nannounced_by:\n" + announced + "---\nx\n"
	}
	process := func(code, procedure string) string {
		return "---\ncode: \"" + code + "\"\ntitle: Quy trình " + code + "\nkind: task\nunit: Chi cục Thủy sản\nrevision: 1\neffective: 2021-01-01\napproved_by: \"200/QĐ-UBND\"\nstatus: active\nprocedures:\n  - \"" + procedure + "\"\n---\nx\n"
	}
	s := newTestSite(t, map[string]string{
		"decisions/100-qd-ubnd.md": dec("100/QĐ-UBND", "2019-01-01", ""),
		"decisions/200-qd-ubnd.md": dec("200/QĐ-UBND", "2020-01-01", "supersedes:\n  - \"100/QĐ-UBND\"\n"),
		"procedures/na-01.md":      proc("NA-01", "  - \"100/QĐ-UBND\"\n  - \"200/QĐ-UBND\"\n"),
		"procedures/na-02.md":      proc("NA-02", "  - \"100/QĐ-UBND\"\n"),
		"processes/qt-01.md":       process("QT-01", "NA-01"),
		"processes/qt-02.md":       process("QT-02", "NA-02"),
	}, nil)
	var got []string
	for _, r := range s.dash.Reliance {
		got = append(got, r.Process.Text+" "+r.Via+" "+r.Doc.Text)
	}
	if want := "QT-02 Công bố thủ tục NA-02 100/QĐ-UBND"; strings.Join(got, "; ") != want {
		t.Errorf("reliance = %q, want %q", got, want)
	}
	if n := s.dash.Reliance[0].Process.Note; n != "" {
		t.Errorf("a process not under review has the note %q", n)
	}

	// A process being re-issued says since when.
	s = newTestSite(t, map[string]string{
		"decisions/100-qd-ubnd.md": dec("100/QĐ-UBND", "2019-01-01", ""),
		"decisions/200-qd-ubnd.md": dec("200/QĐ-UBND", "2020-01-01", "supersedes:\n  - \"100/QĐ-UBND\"\n"),
		"procedures/na-02.md":      proc("NA-02", "  - \"100/QĐ-UBND\"\n"),
		"processes/qt-02.md":       strings.Replace(process("QT-02", "NA-02"), "status: active\n", "status: active\nunder_review:\n  since: 2025-07-01\n  reason: Văn bản công bố được thay thế.\n", 1),
	}, nil)
	if len(s.dash.Reliance) != 1 || s.dash.Reliance[0].Process.Note != "đang rà soát từ ngày 01/07/2025" {
		t.Errorf("reliance of a process under review: %+v", s.dash.Reliance)
	}
}

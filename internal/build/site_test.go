package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSitePages builds testdata/site.txtar and checks what each page says,
// Hugo integration-test style: substrings that must and must not appear.
func TestSitePages(t *testing.T) {
	out, res := buildSite(t, loadArchive(t, "site.txtar"), nil)
	if res.Commit != "abc1234" {
		t.Errorf("Commit = %q", res.Commit)
	}
	tests := []struct {
		page    string
		want    []string
		notWant []string
	}{
		{"", []string{
			`<html lang="vi" data-base="/">`,
			`<h2 id="policy">Chính sách chất lượng</h2>`,
			`<strong>đúng hẹn</strong>`,
			`Sổ tay ghi nhận 3 thủ tục hành chính còn hiệu lực, trong đó 2 thủ tục tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công tỉnh; 1 thủ tục tiếp nhận và trả kết quả tại Chi cục Chăn nuôi và Thú y.`,
			`<span class="total-n">3</span> <span class="total-label">Quy trình đang áp dụng</span>`,
			`<a href="/processes/by-kind/task/">Quy trình giải quyết công việc</a></td><td class="num">3</td>`,
			`<a href="/processes/by-status/abolished/">Hết hiệu lực</a></td><td class="num">1</td>`,
			`<tr><td>Còn hiệu lực (được sửa đổi)</td><td class="num">1</td></tr>`,
			`<tr><td>Hết hiệu lực (bị thay thế)</td><td class="num">1</td></tr>`,
			// Attention lists.
			`<a href="/procedures/na-03/">NA-03</a>`,
			`<a href="/processes/qt-01/">QT-01</a> <span class="doc-title">Quy trình kiểm soát tài liệu</span> <strong class="tag tag-green">Đang áp dụng</strong> <span class="hint">hạn rà soát 31/01/2025, quá 121 ngày</span>`,
			`Không có quy trình đang áp dụng nào dựa trên văn bản đã hết hiệu lực.`,
			`Trạng thái văn bản tính đến ngày 01/06/2025.`,
			`Bản in không được kiểm soát`,
		}, []string{"Đang soạn", "QT-TS-02"}},
		{"processes/qt-ts-01/", []string{
			`<title>QT-TS-01 — Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản · Hệ thống quản lý chất lượng ISO 9001</title>`,
			`<dt>Mã hiệu</dt><dd>QT-TS-01</dd>`,
			`<dt>Lần ban hành</dt><dd>01</dd>`,
			`<dt>Ngày hiệu lực</dt><dd>01/04/2021</dd>`,
			`<dt>Phê duyệt bởi</dt><dd><ul class="plain"><li><a href="/decisions/50-qd-snn/">50/QĐ-SNN</a>`,
			`<a href="/units/chi-cuc-thuy-san/">Chi cục Thủy sản</a>`,
			`<th scope="col">Soạn thảo</th><th scope="col">Xem xét</th><th scope="col">Phê duyệt</th>`,
			`<td data-label="Soạn thảo">Chuyên viên Chi cục Thủy sản</td><td data-label="Xem xét">Chi cục trưởng</td><td data-label="Phê duyệt">Giám đốc Sở</td>`,
			`<a href="/procedures/na-01/">NA-01</a></td><td>Cấp giấy chứng nhận cơ sở nuôi trồng thủy sản</td><td data-label="Thời hạn luật định">05 ngày làm việc</td>`,
			`<th scope="row" colspan="3">Tổng thời gian</th><td class="nowrap total">05 ngày làm việc</td>`,
			`<strong class="tag tag-green">Trong thời hạn</strong> Bằng thời hạn luật định.`,
			`<a href="/decisions/200-qd-ubnd/">200/QĐ-UBND</a> <span class="doc-title">Công bố danh mục thủ tục hành chính năm 2020</span> <strong class="tag tag-blue">Còn hiệu lực (được sửa đổi)</strong>`,
			`<td class="nowrap">BM-TS-01-01</td><td>Giấy tiếp nhận hồ sơ</td>`,
			`<td>Hồ sơ cấp giấy chứng nhận</td><td data-label="Nơi lưu">Chi cục Thủy sản</td><td data-label="Thời gian lưu">05 năm</td>`,
			// Body: headings, ids and links rewritten to pages.
			`<h2 id="1-muc-dich">1. Mục đích</h2>`,
			`<a href="/decisions/200-qd-ubnd/">Quyết định 200/QĐ-UBND</a>`,
			`<a href="/processes/qt-01/#1-muc-dich">quy trình kiểm soát tài liệu</a>`,
			// The draft is not published, so the link to it is text.
			`và bản dự thảo.`,
		}, []string{"qt-ts-02", ".md\""}},
		{"processes/qt-ty-02/", []string{
			`<p class="banner-heading">HẾT HIỆU LỰC</p>`,
			`Quy trình này đã bị bãi bỏ theo <a href="/decisions/400-qd-snn/">400/QĐ-SNN</a>`,
			`Quy trình đang áp dụng cho cùng thủ tục: <a href="/processes/qt-ty-01/">QT-TY-01</a>`,
			`<strong class="tag tag-red">Hết hiệu lực</strong>`,
		}, nil},
		{"processes/qt-ty-01/", []string{
			`<td class="nowrap total">03 ngày làm việc</td>`,
			`<strong class="tag tag-green">Trong thời hạn</strong> Bằng thời hạn luật định.`,
		}, []string{"HẾT HIỆU LỰC"}},
		{"procedures/na-01/", []string{
			`<dt>Mã thủ tục</dt><dd>NA-01</dd>`,
			`<dt>Lĩnh vực</dt><dd><a href="/fields/thuy-san/">Thủy sản</a></dd>`,
			`<dt>Cấp thực hiện</dt><dd>Cấp tỉnh</dd>`,
			`<dt>Nơi tiếp nhận, trả kết quả</dt><dd>Trung tâm Phục vụ hành chính công tỉnh</dd>`,
			`<dt>Thời hạn giải quyết</dt><dd>05 ngày làm việc</dd>`,
			`<dt>Công bố tại</dt><dd><ul class="plain"><li><a href="/decisions/200-qd-ubnd/">200/QĐ-UBND</a>`,
			`<a href="/processes/qt-ts-01/">QT-TS-01</a></td><td>Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản</td>`,
		}, nil},
		{"procedures/na-03/", []string{
			`<dt>Thời hạn giải quyết</dt><dd>20 ngày</dd>`,
			`Chưa có quy trình nào thực hiện thủ tục này.`,
		}, nil},
		{"procedures/na-04/", []string{
			`HẾT HIỆU LỰC`,
			`Thủ tục này đã bị bãi bỏ theo <a href="/decisions/200-qd-ubnd/">200/QĐ-UBND</a>`,
			`<strong class="tag tag-red">Đã bãi bỏ</strong>`,
		}, nil},
		{"decisions/100-qd-ubnd/", []string{
			`HẾT HIỆU LỰC`,
			`Văn bản này bị thay thế từ ngày 06/10/2020 bởi <a href="/decisions/200-qd-ubnd/">200/QĐ-UBND</a>`,
			`<dt>Trạng thái (tính đến 01/06/2025)</dt><dd> <strong class="tag tag-red">Hết hiệu lực (bị thay thế)</strong> <span class="hint">từ ngày 06/10/2020</span>`,
			`<h2 id="chain">Quá trình thay thế</h2>`,
			`<li><span class="nowrap">06/10/2020</span> <a href="/decisions/200-qd-ubnd/">200/QĐ-UBND</a>`,
			`<a href="/procedures/na-04/">NA-04</a></td><td>Cấp giấy phép vận chuyển thuốc bảo vệ thực vật</td><td data-label="Vai trò của văn bản">Công bố thủ tục</td>`,
		}, nil},
		{"decisions/200-qd-ubnd/", []string{
			`<dt>Thay thế văn bản</dt><dd><ul class="plain"><li><a href="/decisions/100-qd-ubnd/">100/QĐ-UBND</a>`,
			`<dt>Được sửa đổi, bổ sung bởi</dt><dd><ul class="plain"><li><a href="/decisions/300-qd-ubnd/">300/QĐ-UBND</a>`,
			`<li aria-current="true" class="current"><span class="nowrap">06/10/2020</span> <span class="unlinked">200/QĐ-UBND</span>`,
			`<a href="/processes/qt-ts-01/">QT-TS-01</a></td><td>Quy trình cấp giấy chứng nhận cơ sở nuôi trồng thủy sản</td><td data-label="Vai trò của văn bản">Căn cứ pháp lý</td>`,
			`<a href="/procedures/na-01/">NA-01</a></td><td>Cấp giấy chứng nhận cơ sở nuôi trồng thủy sản</td><td data-label="Vai trò của văn bản">Công bố thủ tục</td>`,
			`<a href="/procedures/na-04/">NA-04</a></td><td>Cấp giấy phép vận chuyển thuốc bảo vệ thực vật</td><td data-label="Vai trò của văn bản">Bãi bỏ thủ tục</td>`,
			// The body's relative link to the superseded decision.
			`<a href="/decisions/100-qd-ubnd/">Quyết định 100/QĐ-UBND</a>`,
		}, []string{"HẾT HIỆU LỰC"}},
		{"decisions/300-qd-ubnd/", []string{
			`<dt>Sửa đổi, bổ sung văn bản</dt><dd><ul class="plain"><li><a href="/decisions/200-qd-ubnd/">200/QĐ-UBND</a>`,
			`Chưa có quy trình hay thủ tục nào viện dẫn văn bản này.`,
		}, nil},
		{"decisions/61-2018-nd-cp/", []string{
			`<dt>Loại văn bản</dt><dd>Nghị định</dd>`,
			`<dt>Ngày có hiệu lực</dt><dd>21/06/2018</dd>`,
			`<dt>Nguồn văn bản</dt><dd><a href="https://example.invalid/61-2018-nd-cp">https://example.invalid/61-2018-nd-cp</a></dd>`,
			`<a href="/processes/qt-ts-01/">QT-TS-01</a>`,
			`<a href="/processes/qt-ty-01/">QT-TY-01</a>`,
			`<a href="/procedures/na-01/">NA-01</a>`,
		}, nil},
		{"decisions/", []string{
			`<caption>7 văn bản</caption>`,
		}, nil},
		{"processes/", []string{
			`<caption>Quy trình: 4 quy trình</caption>`,
			`<a href="/processes/by-status/active/">Đang áp dụng</a> <span class="count">(3)</span>`,
		}, []string{"QT-TS-02"}},
		{"processes/by-status/abolished/", []string{
			`<h1>Quy trình hết hiệu lực</h1>`,
			`<a href="/processes/qt-ty-02/">QT-TY-02</a>`,
		}, []string{`<a href="/processes/qt-ty-01/">`}},
		{"units/chi-cuc-thuy-san/", []string{
			`<h1>Chi cục Thủy sản</h1>`,
			`<a href="/processes/qt-ts-01/">QT-TS-01</a>`,
			`<a href="/procedures/na-01/">NA-01</a>`,
			`<tr><td>Hồ sơ cấp giấy chứng nhận</td><td data-label="Quy trình"><a href="/processes/qt-ts-01/">QT-TS-01</a></td><td data-label="Nơi lưu">Chi cục Thủy sản</td><td data-label="Thời gian lưu">05 năm</td></tr>`,
		}, nil},
		{"fields/thu-y/", []string{
			`<a href="/procedures/na-02/">NA-02</a>`,
			`<a href="/processes/qt-ty-01/">QT-TY-01</a>`,
			`<a href="/processes/qt-ty-02/">QT-TY-02</a>`,
		}, nil},
		{"checks/", []string{
			`<section class="check" id="ST001"`,
			`<code>ST001</code>`,
			`Quy trình đang áp dụng dựa vào văn bản đã hết hiệu lực`,
		}, nil},
		{"search/", []string{
			`<form class="site-search" role="search" action="/search/" method="get">`,
			`<input type="search" id="site-search" name="q"`,
			`<div id="search-results" aria-live="polite"><p class="search-summary">Nhập từ khóa để tìm`,
			`<noscript>`,
			`<script src="/static/search.js" defer></script>`,
		}, nil},
		{"404.html", []string{`<h1>Không tìm thấy trang</h1>`, `<a href="/">Về trang tổng quan</a>`}, nil},
	}
	// Without an absolute base URL there is no sitemap (TestBaseURL).
	if _, err := os.Stat(filepath.Join(out, "sitemap.xml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("sitemap.xml without a base URL: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			got := page(t, out, tt.page)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %q", w)
				}
			}
		})
	}
	if exists(out, "processes/qt-ts-02/") {
		t.Error("draft process published without --drafts")
	}
	for _, f := range []string{"static/style.css", "static/search.js", "search/meta.json"} {
		if !exists(out, f) {
			t.Errorf("missing %s", f)
		}
	}
}

// TestEveryPageFrame checks what every HTML page must have: the language,
// the base, one h1, the skip link and landmarks, the search box, no
// external resources and no script but the site's own.
func TestEveryPageFrame(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), nil)
	h1 := regexp.MustCompile(`<h1[ >]`)
	heading := regexp.MustCompile(`<h([1-6])[ >]`)
	external := regexp.MustCompile(`(src|href)="((?:https?:)?//[^"]*)"`)
	n := 0
	for rel, b := range readTree(t, out) {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		n++
		s := string(b)
		for _, w := range []string{
			`<!DOCTYPE html>`, `<html lang="vi" data-base="/">`, `<meta name="viewport"`,
			`<a class="skip-link" href="#main">`, `<main id="main"`, `<header class="site-header">`,
			`<nav class="site-nav" aria-label="Mục chính">`, `<footer class="site-footer">`,
			`role="search" action="/search/" method="get"`, `<label for="site-search">Tìm kiếm</label>`,
		} {
			if !strings.Contains(s, w) {
				t.Errorf("%s: missing %q", rel, w)
			}
		}
		if c := len(h1.FindAllString(s, -1)); c != 1 {
			t.Errorf("%s: %d h1 elements", rel, c)
		}
		// From the h1 on, headings never skip a level.
		_, afterH1, _ := strings.Cut(s, "<h1")
		prev := 1
		for _, m := range heading.FindAllStringSubmatch(afterH1, -1) {
			level := int(m[1][0] - '0')
			if level > prev+1 {
				t.Errorf("%s: h%d after h%d", rel, level, prev)
			}
			prev = level
		}
		// The only external URL allowed is a decision's source link.
		for _, m := range external.FindAllStringSubmatch(s, -1) {
			if m[1] != "href" || !strings.HasPrefix(m[2], "https://example.invalid/") {
				t.Errorf("%s: external resource %s", rel, m[0])
			}
		}
		// Site scripts and hieu-luc/'s data block (JSON, not run).
		scripts := 0
		for _, ok := range []string{`<script src="/static/search.js" defer></script>`, `<script src="/static/hieu-luc.js" defer></script>`, `<script type="application/json" id="hieu-luc-du-lieu">`} {
			scripts += strings.Count(s, ok)
		}
		if strings.Count(s, "<script") != scripts {
			t.Errorf("%s: a script other than the site's", rel)
		}
	}
	if n < 20 {
		t.Errorf("only %d HTML pages", n)
	}
}

// TestLinksResolve follows every site-internal href and src of every page
// and asserts that it names a file of the site.
func TestLinksResolve(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), nil)
	tree := readTree(t, out)
	attr := regexp.MustCompile(`(?:href|src|action)="(/[^"#?]*)`)
	for rel, b := range tree {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		for _, m := range attr.FindAllStringSubmatch(string(b), -1) {
			target := strings.TrimPrefix(m[1], "/")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if _, ok := tree[target]; !ok {
				t.Errorf("%s: link to %s, which does not exist", rel, m[1])
			}
		}
	}
}

// TestDrafts publishes the draft process with Drafts and links to it.
func TestDrafts(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), func(o *Options) { o.Drafts = true })
	got := page(t, out, "processes/qt-ts-02/")
	for _, w := range []string{`<p class="banner-heading">DỰ THẢO</p>`, `<strong class="tag tag-grey">Dự thảo</strong>`, `<dt>Phê duyệt bởi</dt><dd>Chưa phê duyệt</dd>`} {
		if !strings.Contains(got, w) {
			t.Errorf("draft page: missing %q", w)
		}
	}
	if p := page(t, out, "processes/qt-ts-01/"); !strings.Contains(p, `<a href="/processes/qt-ts-02/">bản dự thảo</a>`) {
		t.Error("link to the published draft not rewritten")
	}
}

// TestBaseURL builds under a sub-path: every link starts with it and the
// sitemap uses the whole URL.
func TestBaseURL(t *testing.T) {
	out, _ := buildSite(t, loadArchive(t, "site.txtar"), func(o *Options) { o.BaseURL = "https://example.gov.vn/so-tay/" })
	abs := regexp.MustCompile(`(?:href|src|action)="/([^"]*)"`)
	for rel, b := range readTree(t, out) {
		if !strings.HasSuffix(rel, ".html") {
			continue
		}
		s := string(b)
		if !strings.Contains(s, `<html lang="vi" data-base="/so-tay/">`) {
			t.Errorf("%s: data-base is not the sub-path", rel)
		}
		for _, m := range abs.FindAllStringSubmatch(s, -1) {
			if !strings.HasPrefix(m[1], "so-tay/") {
				t.Errorf("%s: link %q outside the base path", rel, m[0])
			}
		}
	}
	if sm := page(t, out, "sitemap.xml"); !strings.Contains(sm, "<loc>https://example.gov.vn/so-tay/processes/qt-ts-01/</loc>") ||
		!strings.Contains(sm, "<loc>https://example.gov.vn/so-tay/decisions/100-qd-ubnd/</loc>") || strings.Contains(sm, "404") || strings.Contains(sm, "qt-ts-02") {
		t.Errorf("sitemap without absolute URLs:\n%s", sm)
	}
	if p := page(t, out, "processes/qt-ts-01/"); !strings.Contains(p, `<a href="/so-tay/decisions/200-qd-ubnd/">Quyết định 200/QĐ-UBND</a>`) {
		t.Error("body link not under the base path")
	}
}

// brokenArchive adds a process that cites an unknown document and relies
// on a superseded one: two errors.
func brokenArchive(t *testing.T) string {
	t.Helper()
	a := withFile(loadArchive(t, "site.txtar"), "processes/qt-ts-03.md", `---
code: "QT-TS-03"
title: Quy trình có lỗi
kind: task
unit: Chi cục Thủy sản
revision: 1
effective: 2021-04-01
approved_by: "50/QĐ-SNN"
status: active
legal_basis:
  - "100/QĐ-UBND"
  - "999/QĐ-UBND"
---
Có lỗi.
`)
	return writeArchive(t, a)
}

// TestChecksStopBuild: with errors nothing is written and the errors are
// printed; with Force the pages show them.
func TestChecksStopBuild(t *testing.T) {
	root := brokenArchive(t)
	out := filepath.Join(t.TempDir(), "public")
	var stderr bytes.Buffer
	_, err := Build(context.Background(), Options{Root: root, Out: out, AsOf: testAsOf, Stderr: &stderr})
	if !errors.Is(err, ErrChecks) {
		t.Fatalf("err = %v, want ErrChecks", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written despite errors: %v", err)
	}
	for _, w := range []string{"processes/qt-ts-03.md:", "(ST001)", "(XR001)", "2 lỗi"} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
		}
	}
	left, _ := os.ReadDir(filepath.Dir(out))
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}

	stderr.Reset()
	res, err := Build(context.Background(), Options{Root: root, Out: out, AsOf: testAsOf, Stderr: &stderr, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Diagnostics); n < 2 {
		t.Errorf("%d diagnostics", n)
	}
	p := page(t, out, "processes/qt-ts-03/")
	for _, w := range []string{`<h2 class="banner-title" id="banner-title-errors">Lỗi kiểm tra</h2>`, `(<a href="/checks/#ST001">ST001</a>)`, `(<a href="/checks/#XR001">XR001</a>)`, `Dòng 11:`} {
		if !strings.Contains(p, w) {
			t.Errorf("forced page lacks %q", w)
		}
	}
	if p := page(t, out, "processes/qt-ts-01/"); strings.Contains(p, "Lỗi kiểm tra") {
		t.Error("error banner on a page without errors")
	}
	dash := page(t, out, "")
	for _, w := range []string{
		`<tr><td><a href="/processes/qt-ts-03/">QT-TS-03</a>`,
		`<td data-label="Dựa vào">Căn cứ pháp lý</td><td data-label="Văn bản"><a href="/decisions/100-qd-ubnd/">100/QĐ-UBND</a>`,
		`<span class="hint">thay thế bởi</span> <a href="/decisions/200-qd-ubnd/">200/QĐ-UBND</a>`,
	} {
		if !strings.Contains(dash, w) {
			t.Errorf("dashboard lacks %q", w)
		}
	}
}

// TestDeterminism builds the same content twice and compares the trees
// byte for byte.
func TestDeterminism(t *testing.T) {
	a := loadArchive(t, "site.txtar")
	out1, _ := buildSite(t, a, nil)
	out2, _ := buildSite(t, a, func(o *Options) { o.Workers = 1 })
	t1, t2 := readTree(t, out1), readTree(t, out2)
	if len(t1) != len(t2) {
		t.Fatalf("%d files, then %d", len(t1), len(t2))
	}
	for p, b := range t1 {
		if !bytes.Equal(b, t2[p]) {
			t.Errorf("%s differs between builds", p)
		}
	}
}

// TestAtomicity: a build that fails (checks, cancellation) leaves the
// previous site exactly as it was and no temporary directory behind.
func TestAtomicity(t *testing.T) {
	good := writeArchive(t, loadArchive(t, "site.txtar"))
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	opts := Options{Root: good, Out: out, AsOf: testAsOf}
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	same := func(when string) {
		t.Helper()
		after := readTree(t, out)
		if len(after) != len(before) {
			t.Fatalf("%s: %d files, was %d", when, len(after), len(before))
		}
		for p, b := range before {
			if !bytes.Equal(b, after[p]) {
				t.Errorf("%s: %s changed", when, p)
			}
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("%s: left behind %v", when, entries)
		}
	}

	bad := opts
	bad.Root = brokenArchive(t)
	if _, err := Build(context.Background(), bad); !errors.Is(err, ErrChecks) {
		t.Fatalf("broken content: err = %v", err)
	}
	same("after a build with errors")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	later := opts
	later.AsOf = testAsOf.AddDays(400) // would change pages
	if _, err := Build(ctx, later); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: err = %v", err)
	}
	same("after a cancelled build")

	// A successful build replaces the site.
	if _, err := Build(context.Background(), later); err != nil {
		t.Fatal(err)
	}
	if p := page(t, out, ""); !strings.Contains(p, "tính đến ngày "+testAsOf.AddDays(400).VN()) {
		t.Error("site not replaced by the later build")
	}
	// The previous site is kept for the next build to recycle (recycle.go).
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != ".public.prev" {
		t.Errorf("left behind %v", entries)
	}
}

// TestOutGuard refuses output directories that would destroy content.
func TestOutGuard(t *testing.T) {
	root := writeArchive(t, loadArchive(t, "site.txtar"))
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{root, filepath.Dir(root), other} {
		_, err := Build(context.Background(), Options{Root: root, Out: out, AsOf: testAsOf})
		if err == nil {
			t.Errorf("Out=%s accepted", out)
		}
	}
	if b, err := os.ReadFile(filepath.Join(other, "notes.txt")); err != nil || string(b) != "keep" {
		t.Errorf("unrelated directory touched: %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(root, "processes", "qt-01.md")); err != nil {
		t.Errorf("content touched: %v", err)
	}
}

// TestSitemapNotice: without a base URL the sitemap cannot have absolute
// addresses (render leaves it out); the build says so once on Stderr, and
// not when the base URL is set.
func TestSitemapNotice(t *testing.T) {
	root := writeArchive(t, loadArchive(t, "site.txtar"))
	for _, base := range []string{"", "https://example.gov.vn/so-tay/"} {
		var stderr bytes.Buffer
		opts := Options{Root: root, Out: filepath.Join(t.TempDir(), "public"), AsOf: testAsOf, NoHistory: true, BaseURL: base, Stderr: &stderr}
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		n := strings.Count(stderr.String(), "sitemap.xml")
		if want := map[bool]int{true: 1, false: 0}[base == ""]; n != want {
			t.Errorf("base URL %q: the notice %d times, want %d:\n%s", base, n, want, stderr.String())
		}
	}
}

package content

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// yamlV3 is what parseYAML did before fastYAML: yaml.v3's document node.
func yamlV3(src string) (*yaml.Node, error) {
	var doc yaml.Node
	err := yaml.Unmarshal([]byte(src), &doc)
	return &doc, err
}

// dumpNode writes a node tree one node a line, for failure messages.
func dumpNode(b *strings.Builder, n *yaml.Node, indent string) {
	if n == nil {
		b.WriteString(indent + "<nil>\n")
		return
	}
	fmt.Fprintf(b, "%skind=%d style=%d tag=%q value=%q anchor=%q alias=%v line=%d col=%d head=%q line=%q foot=%q content=%d\n",
		indent, n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.Alias != nil, n.Line, n.Column, n.HeadComment, n.LineComment, n.FootComment, len(n.Content))
	for _, c := range n.Content {
		dumpNode(b, c, indent+"  ")
	}
}

func dumpTree(n *yaml.Node) string {
	var b strings.Builder
	dumpNode(&b, n, "")
	return b.String()
}

// checkFast parses src with fastYAML and, when it accepts it, requires
// yaml.v3 to accept it too with the same tree. It reports whether
// fastYAML accepted src.
func checkFast(t *testing.T, name, src string) bool {
	t.Helper()
	got, ok := fastYAML(src)
	if !ok {
		if got != nil {
			t.Errorf("%s: fastYAML refused the input but returned a node", name)
		}
		return false
	}
	want, err := yamlV3(src)
	if err != nil {
		t.Errorf("%s: fastYAML accepted %q, which yaml.v3 refuses: %v", name, src, err)
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: fastYAML's tree differs from yaml.v3's for %q\ngot:\n%swant:\n%s", name, src, dumpTree(got), dumpTree(want))
	}
	return true
}

// frontMatters returns the front matter of every document of the
// repository's own content and of a generated corpus, by name.
func frontMatters(t testing.TB) (real, generated map[string]string) {
	t.Helper()
	real = map[string]string{}
	for _, dir := range []string{"processes", "procedures", "decisions"} {
		root := filepath.Join("..", "..", dir)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if fm, ok := splitFrontMatter(p, normalize(data, false), new([]qms.Diagnostic)); ok {
				real[p] = fm.yaml
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	generated = map[string]string{}
	for p, s := range corpusgen.Files(corpusgen.Options{Docs: 400}) {
		if fm, ok := splitFrontMatter(p, normalize([]byte(s), false), new([]qms.Diagnostic)); ok {
			generated[p] = fm.yaml
		}
	}
	return real, generated
}

// TestFastYAMLMatchesYAMLv3 parses the front matter of every document of
// the repository and of a generated corpus with both parsers: fastYAML
// must accept all of it (it is written in the subset) and give yaml.v3's
// tree.
func TestFastYAMLMatchesYAMLv3(t *testing.T) {
	real, generated := frontMatters(t)
	for _, set := range []struct {
		name  string
		files map[string]string
		min   int
	}{
		{"repository", real, 60},
		{"generated", generated, 300},
	} {
		if len(set.files) < set.min {
			t.Fatalf("%s: %d front matters, want at least %d", set.name, len(set.files), set.min)
		}
		names := make([]string, 0, len(set.files))
		for p := range set.files {
			names = append(names, p)
		}
		sort.Strings(names)
		accepted := 0
		var refused []string
		for _, p := range names {
			if checkFast(t, p, set.files[p]) {
				accepted++
			} else {
				refused = append(refused, p)
			}
		}
		t.Logf("%s: fastYAML accepted %d of %d front matters (%.1f%%)", set.name, accepted, len(names), 100*float64(accepted)/float64(len(names)))
		if accepted != len(names) {
			t.Errorf("%s: fastYAML refused %d front matters, e.g. %s", set.name, len(refused), refused[0])
		}
	}
}

// fastYAMLCases are tricky inputs: each must give yaml.v3's tree when
// fastYAML accepts it, and fastYAML must accept exactly those marked
// accept (the others are outside the subset).
var fastYAMLCases = []struct {
	src    string
	accept bool
}{
	{"title: \"a: b\"\n", true},
	{"title: 'a: b'\n", true},
	{"title: 'it''s'\n", true},
	{"title: \"say \\\"hi\\\" \\\\ \\u00a0 \\x41 \\U0001F600 \\t\\n\\0\"\n", true},
	{"title: \"\\/\"\n", false},
	{"title: \"\\ud800\"\n", false},
	{"effective: 2020-10-06\n", true},
	{"effective: 2020-1-6\n", true},
	{"effective: 2020-13-06\n", true},
	{"effective: 2020-02-30\n", true},
	{"effective: 2020-10-06 10:20:30\n", true},
	{"effective: 2020-10-06T10:20:30Z\n", true},
	{"effective: 2020-10-06t10:20:30+07:00\n", true},
	{"code: 1.004359\n", true},
	{"code: \"1.004359\"\n", true},
	{"code: 007\n", true},
	{"code: 08\n", true},
	{"code: 0x1F\n", true},
	{"code: 0o17\n", true},
	{"code: 0b101\n", true},
	{"code: -0b101\n", false},
	{"code: +12\n", true},
	{"code: 1_000\n", true},
	{"code: 1e3\n", true},
	{"code: .5\n", true},
	{"code: .inf\n", true},
	{"code: +.inf\n", true},
	{"code: .nan\n", true},
	{"code: 99999999999999999999\n", true},
	{"code: 18446744073709551615\n", true},
	{"code: 123456789012345678\n", true},
	{"a: true\nb: True\nc: TRUE\nd: yes\ne: on\nf: no\ng: off\nh: y\ni: False\n", true},
	{"a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\n", true},
	{"<<: x\n", true},
	{"key:value\n", false},
	{"a: key:value\n", true},
	{"a:b: c\n", true},
	{"a  : b   \n", true},
	{"title: trailing   \nb: 1   \n", true},
	{"tên: Giá trị có dấu\nđơn_vị: Chi cục Thủy sản\n", true},
	{"title: a\u00a0b\u00a0\n", true},
	{"\u00a0title: a\n", true},
	{"a:\n- x\n-\n- y: 1\n  z:\nb: [ \"a\", b ]\n", true},
	{"a:\n  - x\n  -   k: v\n      l: w\n", true},
	{"a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", true},
	{"a:\n    - x\n  - y\n", false},
	{"a: x\n  b: y\n", false},
	{"a: x\n  continued\n", false},
	{"- a\n- b\n", false},
	{"a: 1\na: 2\n", true},
	{"a: [ ]\nb: []\nc: [\"x\",]\nd: ['y', z w]\n", true},
	{"a: [\"x\"\n", false},
	{"a: [x, [y]]\n", false},
	{"a: {b: c}\n", false},
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"a: |\n  text\n", false},
	{"a: >\n  text\n", false},
	{"# comment\na: 1\n", false},
	{"a: 1 # comment\n", false},
	{"a: x#y\n", true},
	{"a: \"x\" y\n", false},
	{"a: \"x\": y\n", false},
	{"\n\n  \na: 1\n\n\nb: 2\n  \n", true},
	{"a: 1", true},
	{"", false},
	{"a: -1\n", false},
	{"a:\n-\n  b: 1\n", false},
	{"a:\n  - b:\n    - c\n  - d:\n      - e\n", true},
	{"- b:\n", false},
	{"a: \"\"\nb: ''\n", true},
	{"a: 'x\n  y'\n", false},
	{"a: \"x\\\n  y\"\n", false},
	{"a: https://example.com/x.aspx?ItemID=4254&CQID=0\n", true},
	{"title: TCVN ISO 9001:2015\n", true},
	{"a: b:\n", false},
	{"a: 04 giờ làm việc\nb: 05 năm\n", true},
	{"a: ...\nb: ---x\n", false},
	{"...\n", false},
	{"a: 1\n---\nb: 2\n", false},
	{"a:\tb\n", false},
	{"a: b\r\n", false},
}

func TestFastYAMLCases(t *testing.T) {
	for i, c := range fastYAMLCases {
		name := fmt.Sprintf("case %d", i)
		if got := checkFast(t, name, c.src); got != c.accept {
			t.Errorf("%s: fastYAML accepted %q: %v, want %v", name, c.src, got, c.accept)
		}
	}
}

// TestFastYAMLRandom builds many small documents near the subset's edges
// (nested mappings and sequences at various indentations, tricky keys
// and values, some lines then moved, dropped or added) and compares
// fastYAML with yaml.v3 on each. A good part of them must be accepted,
// or the test would prove little.
func TestFastYAMLRandom(t *testing.T) {
	keys := []string{"a", "b", "tên", "a b", "a:b", "1", "007", "true", "~", "null", "<<", "a\"b", "x'", "-a", ".a", "a  ", "2020-01-02", "a#b", "?a", "\u00a0", "k\u00a0"}
	values := []string{"1", "0", "007", "08", "+1", "1_000", "0x1F", "0o17", "0b11", "1e3", "1.5", ".5", ".inf", "+.inf", ".nan",
		"2020-10-06", "2020-1-6", "2020-13-06", "2020-10-06 10:20:30", "2020-10-06T10:20:30Z", "2020-10-06 x", "12345678901234567890",
		"yes", "on", "true", "True", "FALSE", "~", "null", "Null", "nULL", "<<",
		"a b", "a:b", "a#b", "x ", "x  y", "Giá trị có dấu", "a\u00a0", "\u00a0", "TCVN ISO 9001:2015", "http://x/y?a=1&b=2", "a ]", "a [b]", "a {b}", "...",
		"\"q\"", "\"a: b\"", "'q'", "\"a\\\"b\"", "\"\\u00e9\\x41\\t\"", "'it''s'", "''", "\"\"", "\"#\"", "'\\'",
		"[a, b]", "[\"x\", 'y',]", "[]", "[ ]", "[ a b ]", "[1, 2020-10-06, true, ~]", "[ 'a' ,\"b\" ]"}
	outside := []string{"-1", "a: b", "a:", "a #b", "\"\\/\"", "\"x\" y", "'a' : b", "\"unclosed", "[a", "[a]]", "[a, [b]]", "[,]", "[a,,b]", "[-a]", "[a:b]",
		"{a: b}", "&a x", "*a", "!x y", "|", ">", "---", "- x", "? x", "%x", "@x", "`x", ", x", "]", "# c"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(l []string) string {
		if len(l) == len(values) && rng.IntN(12) == 0 {
			l = outside
		}
		return l[rng.IntN(len(l))]
	}
	// A document is first built by a grammar of the subset (with values
	// that may be outside it), then sometimes broken by a line edit.
	var b []string
	var mapping func(indent, depth int, first string)
	var sequence func(indent, depth int)
	value := func(indent, depth int, head string) {
		switch r := rng.IntN(10); {
		case r < 6 || depth > 3:
			b = append(b, head+strings.Repeat(" ", 1+rng.IntN(2)*rng.IntN(3))+pick(values)+strings.Repeat(" ", rng.IntN(2)))
		case r < 7:
			b = append(b, head)
		case r < 8:
			b = append(b, head)
			mapping(indent+1+rng.IntN(4), depth+1, "")
		case r < 9:
			b = append(b, head)
			sequence(indent+rng.IntN(2)*(1+rng.IntN(4)), depth+1)
		default:
			b = append(b, head)
			sequence(indent, depth+1)
		}
	}
	mapping = func(indent, depth int, first string) {
		for i := range 1 + rng.IntN(4) {
			head := strings.Repeat(" ", indent)
			if i == 0 && first != "" {
				head = first
			}
			value(indent, depth, head+pick(keys)+":")
		}
	}
	sequence = func(indent, depth int) {
		for range 1 + rng.IntN(4) {
			head := strings.Repeat(" ", indent) + "-"
			switch r := rng.IntN(8); {
			case r < 4:
				b = append(b, head+" "+pick(values))
			case r < 7 && depth < 4:
				sp := 1 + rng.IntN(3)
				mapping(indent+1+sp, depth+1, head+strings.Repeat(" ", sp))
			default:
				b = append(b, head)
			}
		}
	}
	const docs = 40000
	accepted := 0
	for i := 0; i < docs; i++ {
		b = b[:0]
		mapping(0, 0, "")
		if rng.IntN(3) == 0 {
			j := rng.IntN(len(b))
			switch rng.IntN(5) {
			case 0:
				b[j] = " " + b[j]
			case 1:
				b[j] = strings.TrimPrefix(b[j], " ")
			case 2:
				b = append(b[:j], b[j+1:]...)
			case 3:
				b = append(b[:j], append([]string{strings.Repeat(" ", rng.IntN(4))}, b[j:]...)...)
			default:
				b = append(b[:j], append([]string{strings.Repeat(" ", rng.IntN(6)) + pick(values)}, b[j:]...)...)
			}
		}
		src := strings.Join(b, "\n")
		if rng.IntN(4) > 0 {
			src += "\n"
		}
		if checkFast(t, fmt.Sprintf("random %d", i), src) {
			accepted++
		}
		if t.Failed() {
			break
		}
	}
	t.Logf("fastYAML accepted %d of %d random documents", accepted, docs)
	if accepted < docs/4 {
		t.Errorf("fastYAML accepted only %d of %d random documents", accepted, docs)
	}
}

// FuzzFastYAML asserts that whatever fastYAML accepts, yaml.v3 accepts
// too with the same tree. Regression inputs are in
// testdata/fuzz/FuzzFastYAML.
func FuzzFastYAML(f *testing.F) {
	real, generated := frontMatters(f)
	for _, set := range []map[string]string{real, generated} {
		n := 0
		for _, s := range set {
			if n++; n > 40 {
				break
			}
			f.Add(s)
		}
	}
	for _, c := range fastYAMLCases {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkFast(t, "fuzz", src)
	})
}

// BenchmarkParseYAML compares fastYAML with yaml.v3 on a process's front
// matter.
func BenchmarkParseYAML(b *testing.B) {
	fm, ok := splitFrontMatter("processes/qt-01.md", normalize([]byte(benchProcess), false), new([]qms.Diagnostic))
	if !ok {
		b.Fatal("no front matter")
	}
	if _, ok := fastYAML(fm.yaml); !ok {
		b.Fatal("fastYAML refused the benchmark's front matter")
	}
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := fastYAML(fm.yaml); !ok {
				b.Fatal("refused")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := yamlV3(fm.yaml); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchProcess is a typical process document (front matter only matters).
const benchProcess = `---
code: "QT-TS-01"
title: Quy trình cấp văn bản chấp thuận đóng mới, cải hoán tàu cá
kind: task
unit: Chi cục Thủy sản
revision: 2
effective: 2020-12-01
approved_by: "1067/QĐ-SNN-VP"
status: active
procedures:
  - "1.004359"
legal_basis:
  - "18/2017/QH14"
  - "26/2019/NĐ-CP"
  - "23/2018/TT-BNNPTNT"
review_by: 2021-12-31
prepared_by: Chuyên viên Chi cục Thủy sản
reviewed_by: Chi cục trưởng Chi cục Thủy sản
approver: Giám đốc Sở
steps:
  - actor: Công chức tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh
    action: Tiếp nhận, kiểm tra tính đầy đủ, hợp lệ của hồ sơ; chuyển hồ sơ đến Chi cục Thủy sản
    time: 04 giờ làm việc
    forms: ["BM-TS-01-01", "BM-TS-01-02", "BM-TS-01-03"]
  - actor: Lãnh đạo Chi cục Thủy sản
    action: Phân công chuyên viên thụ lý hồ sơ
    time: 02 giờ làm việc
    forms: ["BM-TS-01-03"]
  - actor: Chuyên viên thụ lý, Chi cục Thủy sản
    action: Thẩm định hồ sơ; dự thảo văn bản chấp thuận hoặc văn bản trả lời
    time: 30 giờ làm việc
    forms: ["BM-TS-01-03"]
  - actor: Lãnh đạo Chi cục Thủy sản
    action: Ký văn bản chấp thuận
    time: 04 giờ làm việc
forms:
  - code: "BM-TS-01-01"
    title: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01, Thông tư 01/2018/TT-VPCP)
  - code: "BM-TS-01-02"
    title: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02, Thông tư 01/2018/TT-VPCP)
  - code: "BM-TS-01-03"
    title: Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu số 05, Thông tư 01/2018/TT-VPCP)
records:
  - name: Hồ sơ đề nghị và văn bản chấp thuận
    keeper: Chi cục Thủy sản
    retention: 05 năm
---
# Quy trình
`

package export_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/snnptnt-nghean/qms/internal/content"
	"github.com/snnptnt-nghean/qms/internal/corpusgen"
	"github.com/snnptnt-nghean/qms/internal/export"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// compileSchema compiles export.Schema, asserting formats ("date").
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(export.Schema))
	if err != nil {
		t.Fatalf("manual.schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("manual.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("manual.schema.json")
	if err != nil {
		t.Fatalf("manual.schema.json does not compile: %v", err)
	}
	return s
}

// validate reports whether data is valid against the schema.
func validate(s *jsonschema.Schema, data []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

func load(t *testing.T, root string) *qms.Corpus {
	t.Helper()
	c, _, err := content.LoadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func date(t *testing.T, s string) qms.Date {
	t.Helper()
	d, err := qms.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// exportOf exports the fixture (or root) as of asOf and decodes it.
func exportOf(t *testing.T, c *qms.Corpus, asOf string) (raw []byte, m map[string]any) {
	t.Helper()
	raw, err := export.New(c, export.Options{AsOf: date(t, asOf)}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return raw, m
}

// doc returns the exported document with the given kind and id.
func doc(t *testing.T, m map[string]any, kind, id string) map[string]any {
	t.Helper()
	for _, d := range m["documents"].([]any) {
		d := d.(map[string]any)
		if d["kind"] == kind && d["id"] == id {
			return d
		}
	}
	t.Fatalf("no %s %q in the export", kind, id)
	return nil
}

const fixture = "testdata/manual"

func loadFiles(files map[string]string) *qms.Corpus {
	fsys := fstest.MapFS{}
	for p, text := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	c, _ := content.Load(fsys)
	return c
}

// broken is a manual whose documents have every kind of error the checks
// report: the export of what could be read must still be valid.
var broken = map[string]string{
	"qms.yaml":                "organization:\n  name: [\n",
	"processes/qt-01.md":      "---\ncode: QT-01\nstatus: nonsense\nrevision: -3\neffective: 2021-02-30\nrevisions: 7\nprocedures: [\"\", \"X\"]\nlegal_basis: [\"không phải số\", \"1/QĐ-UBND ngày 99/99/2020\"]\n---\n",
	"processes/Quy trình.md":  "---\ncode: QT 02/ĐV\ntitle: 5\nkind: other\nstatus: abolished\nabolished_by: \"9/QĐ-X\"\nunder_review: {}\n---\n",
	"processes/by-status.md":  "---\ncode: QT-01\nstatus: active\nrevision: 1\neffective: 2020-01-01\n---\n",
	"processes/qt-04.md":      "---\ncode: [QT-04\n---\n",
	"processes/qt-05.md":      "no front matter\n",
	"procedures/x.md":         "---\ncode: \"X\"\nlevel: tỉnh\ntime_limit: mãi mãi\nannounced_by: \"1/QĐ-UBND\"\nabolished_by: \"2/QĐ-UBND\"\n---\n",
	"procedures/y.md":         "---\ncode: \"Y\"\ntime_limit: 0 ngày\n---\n",
	"decisions/1-qd-ubnd.md":  "---\nnumber: \"1/QĐ-UBND\"\ntype: sắc lệnh\nissued: 2020-01-01\nsupersedes: [\"1/QĐ-UBND\", \"2/QĐ-UBND\"]\namends: [\"??\"]\nannounces: -1\n---\n",
	"decisions/2-qd-ubnd.md":  "---\nnumber: \"2/QĐ-UBND\"\nissued: 2020-01-01\nsupersedes: [\"1/QĐ-UBND\"]\n---\n",
	"decisions/1-qd-ubnd2.md": "---\nnumber: \"1/QĐ-UBND\"\n---\n",
	"decisions/bad.md":        "---\nnumber: nothing at all\n---\n",
}

// TestGolden pins the whole format: a change of a field name or of the
// order shows here (run with -update after a deliberate addition).
func TestGolden(t *testing.T) {
	raw, _ := exportOf(t, load(t, fixture), "2021-01-15")
	golden := filepath.Join("testdata", "manual-2021-01-15.json")
	if *update {
		if err := os.WriteFile(golden, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(raw, want) {
		t.Errorf("export differs from %s (run go test -update after a deliberate change):\n%s", golden, raw)
	}
}

// TestValidates: the export of the fixture and of the repository's own
// manual, at dates before, inside and after their documents' lives and
// with and without drafts, validates against the schema.
func TestValidates(t *testing.T) {
	s := compileSchema(t)
	corpora := map[string]*qms.Corpus{
		fixture:                   load(t, fixture),
		"the repository":          load(t, filepath.Join("..", "..")),
		"a generated manual":      loadFiles(corpusgen.Files(corpusgen.Options{Docs: 300})),
		"a manual full of errors": loadFiles(broken),
	}
	for root, c := range corpora {
		if len(c.Documents()) == 0 {
			t.Fatalf("%s: no documents loaded", root)
		}
		for _, asOf := range []string{"2000-01-01", "2021-01-15", "2021-03-01", "2025-03-01", "2026-12-07", "2040-01-01"} {
			for _, drafts := range []bool{false, true} {
				raw, err := export.New(c, export.Options{AsOf: date(t, asOf), Drafts: drafts}).JSON()
				if err != nil {
					t.Fatal(err)
				}
				if err := validate(s, raw); err != nil {
					t.Errorf("%s as of %s (drafts %v) does not validate: %v", root, asOf, drafts, err)
				}
			}
		}
	}
}

// TestSchemaStrict: the schema rejects what a reader could not rely on.
func TestSchemaStrict(t *testing.T) {
	s := compileSchema(t)
	raw, _ := exportOf(t, load(t, fixture), "2021-01-15")
	for _, tt := range []struct {
		name   string
		change func(m map[string]any)
	}{
		{"unknown top-level field", func(m map[string]any) { m["extra"] = 1 }},
		{"unknown document field", func(m map[string]any) { first(m)["colour"] = "red" }},
		{"unknown kind", func(m map[string]any) { first(m)["kind"] = "form" }},
		{"unknown process status", func(m map[string]any) { first(m)["status"] = "in-force" }},
		{"decision status on a procedure", func(m map[string]any) { byKind(m, "procedure")["status"] = "superseded" }},
		{"date not ISO", func(m map[string]any) { m["as_of"] = "15/01/2021" }},
		{"impossible date", func(m map[string]any) { m["as_of"] = "2021-02-30" }},
		{"missing relations", func(m map[string]any) { delete(byKind(m, "decision"), "supersedes") }},
		{"url not a page path", func(m map[string]any) { first(m)["url"] = "processes/qt-01.html" }},
	} {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		tt.change(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if validate(s, b) == nil {
			t.Errorf("%s: the schema accepts it", tt.name)
		}
	}
}

func first(m map[string]any) map[string]any {
	return m["documents"].([]any)[0].(map[string]any)
}

func byKind(m map[string]any, kind string) map[string]any {
	for _, d := range m["documents"].([]any) {
		if d := d.(map[string]any); d["kind"] == kind {
			return d
		}
	}
	return nil
}

// TestAsOf: statuses, the issue in force and the organisation's name
// follow the date.
func TestAsOf(t *testing.T) {
	c := load(t, fixture)
	for _, tt := range []struct {
		asOf, kind, id string
		want           map[string]any // fields and their values; nil value: absent
	}{
		// QT-02's second issue takes effect on 2021-03-01.
		{"2019-06-01", "process", "QT-02", map[string]any{"status": "not-yet-effective", "revision": nil, "effective": nil, "approved_by": nil}},
		{"2020-01-01", "process", "QT-02", map[string]any{"status": "active", "revision": 1.0, "effective": "2020-01-01", "approved_by": "10/QĐ-SNN"}},
		{"2021-02-28", "process", "QT-02", map[string]any{"status": "active", "revision": 1.0, "effective": "2020-01-01"}},
		{"2021-03-01", "process", "QT-02", map[string]any{"status": "active", "revision": 2.0, "effective": "2021-03-01", "approved_by": "20/QĐ-SNN"}},
		// QT-01 is abolished by 20/QĐ-SNN, effective 2021-02-15.
		{"2021-02-14", "process", "QT-01", map[string]any{"status": "active", "abolished_by": "20/QĐ-SNN"}},
		{"2021-02-15", "process", "QT-01", map[string]any{"status": "abolished"}},
		// A citation matching only without diacritics names the document.
		{"2021-02-15", "process", "QT-01", map[string]any{"legal_basis": []any{"5/2018/NĐ-CP"}}},
		{"2040-01-01", "process", "QT-03", map[string]any{"status": "draft", "url": nil}},
		{"2020-02-09", "procedure", "MH-02", map[string]any{"status": "in-force"}},
		{"2020-02-10", "procedure", "MH-02", map[string]any{"status": "abolished", "abolished_by": "30/QĐ-UBND ngày 10/02/2020"}},
		{"2022-06-30", "decision", "5/2018/NĐ-CP", map[string]any{"status": "in-force", "superseded_by": []any{"6/2022/NĐ-CP"}}},
		{"2022-07-01", "decision", "5/2018/NĐ-CP", map[string]any{"status": "superseded", "status_since": "2022-07-01"}},
		{"2021-02-14", "decision", "10/QĐ-SNN", map[string]any{"status": "in-force", "amended_by": []any{"20/QĐ-SNN"}}},
		{"2021-02-15", "decision", "10/QĐ-SNN", map[string]any{"status": "amended"}},
		{"2020-12-31", "decision", "30/QĐ-UBND ngày 05/03/2019", map[string]any{"status": "expired", "number": "30/QĐ-UBND"}},
		{"2024-01-01", "decision", "30/QĐ-UBND ngày 10/02/2020", map[string]any{"status": "repealed", "status_since": "2024-01-01"}},
		{"2021-01-15", "procedure", "MH-01", map[string]any{"time_limit": map[string]any{"text": "07 ngày làm việc", "value": 7.0, "unit": "working-days", "working_hours": 56.0}}},
		{"2021-01-15", "procedure", "MH-02", map[string]any{"time_limit": map[string]any{"text": "20 ngày", "value": 20.0, "unit": "days"}}},
	} {
		_, m := exportOf(t, c, tt.asOf)
		d := doc(t, m, tt.kind, tt.id)
		for k, want := range tt.want {
			got, ok := d[k]
			if want == nil {
				if ok {
					t.Errorf("%s as of %s: %s = %v, want absent", tt.id, tt.asOf, k, got)
				}
				continue
			}
			if g, _ := json.Marshal(got); string(g) != mustJSON(t, want) {
				t.Errorf("%s as of %s: %s = %s, want %s", tt.id, tt.asOf, k, g, mustJSON(t, want))
			}
		}
	}
	for asOf, want := range map[string]string{"2021-02-28": "Sở Minh họa Cũ", "2021-03-01": "Sở Minh họa Mới"} {
		_, m := exportOf(t, c, asOf)
		if got := m["organization"].(map[string]any)["name"]; got != want {
			t.Errorf("organization as of %s: %v, want %s", asOf, got, want)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOrder: processes, procedures, decisions; ids with numbers by value.
func TestOrder(t *testing.T) {
	_, m := exportOf(t, load(t, fixture), "2021-01-15")
	var got []string
	for _, d := range m["documents"].([]any) {
		d := d.(map[string]any)
		got = append(got, d["kind"].(string)+" "+d["id"].(string))
	}
	want := []string{
		"process QT-01", "process QT-02", "process QT-03",
		"procedure MH-01", "procedure MH-02",
		"decision 5/2018/NĐ-CP", "decision 6/2022/NĐ-CP", "decision 10/QĐ-SNN", "decision 12/QĐ-UBND",
		"decision 20/QĐ-SNN", "decision 30/QĐ-UBND ngày 05/03/2019", "decision 30/QĐ-UBND ngày 10/02/2020",
	}
	if mustJSON(t, got) != mustJSON(t, want) {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}
}

// TestDeterministic: two exports of the same content are byte-identical.
func TestDeterministic(t *testing.T) {
	a, _ := exportOf(t, load(t, fixture), "2021-01-15")
	b, _ := exportOf(t, load(t, fixture), "2021-01-15")
	if !bytes.Equal(a, b) {
		t.Error("two exports of the same content differ")
	}
}

// TestDocExample: the example in docs/du-lieu-so-tay.md is what the
// export of the fixture gives, document for document.
func TestDocExample(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "docs", "du-lieu-so-tay.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The example is the last JSON block (the first shows the outline).
	const open = "```json\n{\n  \"as_of\": \"2021-01-15\""
	i := strings.LastIndex(string(text), open)
	if i < 0 {
		t.Fatal("no example of the export as of 2021-01-15 in docs/du-lieu-so-tay.md")
	}
	block, _, _ := strings.Cut(string(text)[i+len(open):], "```")
	var ex map[string]any
	if err := json.Unmarshal([]byte("{\"as_of\": \"2021-01-15\""+block), &ex); err != nil {
		t.Fatalf("the example is not JSON: %v", err)
	}
	_, m := exportOf(t, load(t, fixture), "2021-01-15")
	if got, want := mustJSON(t, ex["organization"]), mustJSON(t, m["organization"]); got != want {
		t.Errorf("example organization %s, export %s", got, want)
	}
	docs := ex["documents"].([]any)
	if len(docs) == 0 {
		t.Fatal("the example has no documents")
	}
	for _, d := range docs {
		d := d.(map[string]any)
		want := doc(t, m, d["kind"].(string), d["id"].(string))
		if got, want := mustJSON(t, d), mustJSON(t, want); got != want {
			t.Errorf("example document differs from the export:\n got %s\nwant %s", got, want)
		}
	}
}

// BenchmarkManual exports a generated manual of 10,000 documents: the
// cost qms build adds for /data/manual.json.
func BenchmarkManual(b *testing.B) {
	c := loadFiles(corpusgen.Files(corpusgen.Options{Docs: 10000}))
	asOf := qms.Date{Year: 2026, Month: 12, Day: 7}
	for b.Loop() {
		if _, err := export.New(c, export.Options{AsOf: asOf}).JSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExportHidesEmails: the export is published with the site, so no
// e-mail address written in a document reaches it.
func TestExportHidesEmails(t *testing.T) {
	c := loadFiles(map[string]string{
		"processes/qt-01.md": "---\ncode: QT-01\ntitle: Quy trình hỏi qua a.b@snn.example.vn\nkind: task\nunit: Văn phòng\nrevision: 1\neffective: 2020-01-01\nstatus: active\n" +
			"under_review:\n  since: 2025-07-01\n  reason: Góp ý gửi x@y.vn\n" +
			"steps:\n  - actor: Văn thư (vanthu@snn.example.vn)\n    action: Tiếp nhận\n    time: 04 giờ làm việc\n" +
			"records:\n  - name: Thư điện tử\n    keeper: hoso@snn.example.vn\n---\n",
	})
	raw, err := export.New(c, export.Options{AsOf: date(t, "2026-01-01")}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	if qms.EmailAddress.Match(raw) {
		t.Errorf("the export shows an e-mail address:\n%s", raw)
	}
	if n := strings.Count(string(raw), qms.EmailHidden); n != 4 {
		t.Errorf("%d addresses hidden, want 4:\n%s", n, raw)
	}
}

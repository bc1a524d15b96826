package build

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/snnptnt-nghean/qms/internal/export"
)

// TestDataFiles: the built site has /data/manual.json and
// /data/manual.schema.json; the first validates against the second, is
// as of the build date, and every url in it is a page of the site.
func TestDataFiles(t *testing.T) {
	for _, drafts := range []bool{false, true} {
		out, _ := buildSite(t, loadArchive(t, "site.txtar"), func(o *Options) { o.Drafts = drafts })
		read := func(rel string) []byte {
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		manual, schema := read("data/manual.json"), read("data/manual.schema.json")
		if !bytes.Equal(schema, export.Schema) {
			t.Error("data/manual.schema.json is not export.Schema")
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("manual.schema.json", doc); err != nil {
			t.Fatal(err)
		}
		sch, err := c.Compile("manual.schema.json")
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(manual))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("drafts %v: data/manual.json does not validate against data/manual.schema.json: %v", drafts, err)
		}
		var m struct {
			AsOf      string `json:"as_of"`
			Documents []struct {
				Kind, ID, URL, Status string
			}
		}
		if err := json.Unmarshal(manual, &m); err != nil {
			t.Fatal(err)
		}
		if m.AsOf != testAsOf.String() {
			t.Errorf("as_of %s, want the build date %s", m.AsOf, testAsOf)
		}
		if len(m.Documents) == 0 {
			t.Fatal("data/manual.json has no documents")
		}
		drafted := 0
		for _, d := range m.Documents {
			if d.Status == "draft" {
				drafted++
			}
			if d.URL == "" {
				if d.Status != "draft" || drafts {
					t.Errorf("drafts %v: %s %s has no url", drafts, d.Kind, d.ID)
				}
				continue
			}
			if !exists(out, d.URL[1:]+"index.html") {
				t.Errorf("drafts %v: %s %s: url %s is no page of the site", drafts, d.Kind, d.ID, d.URL)
			}
		}
		if drafted == 0 {
			t.Error("site.txtar has no draft process: the drafts case tests nothing")
		}
	}
}

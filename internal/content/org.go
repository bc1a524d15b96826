package content

import (
	"errors"
	"io/fs"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// OrgFile is the manual's settings file, at the content root.
const OrgFile = "qms.yaml"

// The schema of qms.yaml.
var (
	orgFileFields = []field[*qms.Organization]{
		{"organization", true, func(d *decoder, x *qms.Organization, n *yaml.Node, key string) {
			decodeMap(d, n, key, x, organizationFields)
		}},
		{"site", false, func(d *decoder, x *qms.Organization, n *yaml.Node, key string) {
			decodeMap(d, n, key, &x.Site, siteFields)
		}},
		{"units", false, func(d *decoder, x *qms.Organization, n *yaml.Node, key string) {
			decodeList(d, n, key, &x.Units, func(d *decoder, it *yaml.Node, u *qms.Unit) { u.Pos = d.pos(it) }, unitFields)
		}},
	}
	organizationFields = []field[*qms.Organization]{
		{"name", true, func(d *decoder, x *qms.Organization, n *yaml.Node, key string) { d.str(n, key, &x.Name) }},
		{"short_name", false, func(d *decoder, x *qms.Organization, n *yaml.Node, key string) { d.str(n, key, &x.ShortName) }},
		{"history", false, func(d *decoder, x *qms.Organization, n *yaml.Node, key string) {
			decodeList(d, n, key, &x.History, startFormer, formerNameFields)
		}},
	}
	siteFields = []field[*qms.Site]{
		{"title", false, func(d *decoder, x *qms.Site, n *yaml.Node, key string) { d.str(n, key, &x.Title) }},
		{"base_url", false, func(d *decoder, x *qms.Site, n *yaml.Node, key string) { d.str(n, key, &x.BaseURL) }},
		{"language", false, func(d *decoder, x *qms.Site, n *yaml.Node, key string) { d.str(n, key, &x.Language) }},
	}
	unitFields = []field[*qms.Unit]{
		{"name", true, func(d *decoder, x *qms.Unit, n *yaml.Node, key string) { d.str(n, key, &x.Name) }},
		{"history", false, func(d *decoder, x *qms.Unit, n *yaml.Node, key string) {
			decodeList(d, n, key, &x.History, startFormer, formerNameFields)
		}},
	}
	formerNameFields = []field[*qms.FormerName]{
		{"name", true, func(d *decoder, x *qms.FormerName, n *yaml.Node, key string) { d.str(n, key, &x.Name) }},
		{"until", true, func(d *decoder, x *qms.FormerName, n *yaml.Node, key string) { d.date(n, key, &x.Until) }},
		{"decision", false, func(d *decoder, x *qms.FormerName, n *yaml.Node, key string) { d.citationPtr(n, key, &x.Decision) }},
	}
)

func startFormer(d *decoder, it *yaml.Node, f *qms.FormerName) { f.Pos = d.pos(it) }

// decodeMap decodes the mapping n, the value of key, against schema into
// x.
func decodeMap[T any](d *decoder, n *yaml.Node, key string, x T, schema []field[T]) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, idType, "trường %q phải gồm các dòng \"trường: giá trị\" thụt lề bên dưới, không phải %s", key, kindName(n))
		return
	}
	decodeFields(d, n, x, key, n, schema)
}

// LoadOrg reads OrgFile at the root of fsys (as Load does) and appends
// its diagnostics to diags. Without one, or when it cannot be read as
// YAML, the organisation is qms.DefaultOrganization; fields it leaves out
// take their defaults.
func LoadOrg(fsys fs.FS, diags *[]qms.Diagnostic) qms.Organization {
	data, err := fs.ReadFile(fsys, OrgFile)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			*diags = append(*diags, diag(qms.Pos{Path: OrgFile, Line: 1, Col: 1}, qms.Error, idUnreadable, "%s", ioError(err)))
		}
		return qms.DefaultOrganization()
	}
	return ParseOrg(data, diags)
}

// ParseOrg parses the contents of OrgFile, appending its diagnostics to
// diags.
func ParseOrg(data []byte, diags *[]qms.Diagnostic) qms.Organization {
	if len(data) > MaxFileSize {
		*diags = append(*diags, tooLarge(OrgFile, int64(len(data))))
		return qms.DefaultOrganization()
	}
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		*diags = append(*diags, diag(qms.Pos{Path: OrgFile, Line: line, Col: col}, qms.Error, idEncoding,
			"tệp không phải UTF-8 hợp lệ; hãy lưu lại với bảng mã UTF-8"))
		return qms.DefaultOrganization()
	}
	src := normalize(data)
	d := &decoder{path: OrgFile, diags: diags, keys: map[string]qms.Pos{}}
	root, ok := d.parseYAML(string(src))
	if !ok {
		return qms.DefaultOrganization()
	}
	o := qms.DefaultOrganization() // for what qms.yaml leaves out
	o.Default = false
	decodeFields(d, root, &o, "", nil, orgFileFields)
	return o
}

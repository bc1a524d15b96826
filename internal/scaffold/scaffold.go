package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"golang.org/x/text/unicode/norm"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

//go:embed templates/*.md.tmpl templates/init/*.tmpl
var templateFS embed.FS

// ProcessParams are the values `qms new process` fills in; empty ones
// become placeholders (Kind defaults to task).
type ProcessParams struct {
	Code       string // default: the next free code of Unit (or Prefix)
	Prefix     string // unit prefix for the code: "TS"; default UnitPrefix
	Title      string
	Kind       string // qms.KindTask or qms.KindFramework
	Unit       string
	Effective  string // YYYY-MM-DD
	Procedures []string
	LegalBasis []string
}

// ProcedureParams are the values `qms new procedure` fills in.
type ProcedureParams struct {
	Code        string // default: the next local code of Field
	Title       string
	Field       string
	Level       string // tinh (default), huyen, xa
	Agency      string
	Receiving   string
	TimeLimit   string
	Fee         string
	AnnouncedBy []string
	LegalBasis  []string
}

// DecisionParams are the values `qms new decision` fills in. Number is
// required.
type DecisionParams struct {
	Number     string
	Type       string // default: from the number's type abbreviation
	Issuer     string
	Issued     string // YYYY-MM-DD; also chooses the year folder
	Effective  string
	Title      string
	Supersedes []string
	Amends     []string
	Source     string
}

// File is a document to be written: its path relative to the content root
// and its content.
type File struct {
	Path string
	Data []byte
	// ID is the new document's code or number.
	ID string
	// Notes tell the editor what else to do (in Vietnamese), such as
	// renaming the file of another document with the same number.
	Notes []string
}

// Process renders a new process. c is the current corpus, used for the
// next free code and to refuse a code in use.
func Process(c *qms.Corpus, p ProcessParams) (*File, error) {
	p = ProcessParams{
		Code: clean(p.Code), Prefix: clean(p.Prefix), Title: clean(p.Title), Kind: clean(p.Kind),
		Unit: clean(p.Unit), Effective: clean(p.Effective), Procedures: cleanList(p.Procedures), LegalBasis: cleanList(p.LegalBasis),
	}
	if p.Kind == "" {
		p.Kind = qms.KindTask
	}
	if p.Kind != qms.KindTask && p.Kind != qms.KindFramework {
		return nil, fmt.Errorf("loại quy trình (--kind) phải là %s hoặc %s, không phải %q", qms.KindTask, qms.KindFramework, p.Kind)
	}
	if err := checkDate("--effective", p.Effective); err != nil {
		return nil, err
	}
	if err := checkRefs("--legal-basis", p.LegalBasis); err != nil {
		return nil, err
	}
	if p.Code == "" {
		switch {
		case p.Kind == qms.KindFramework && p.Prefix == "":
			p.Code = NextProcessCode(c, "")
		case p.Prefix != "":
			p.Code = NextProcessCode(c, p.Prefix)
		case p.Unit == "":
			return nil, errors.New("cần --unit (đơn vị chủ trì) hoặc --prefix để đặt mã quy trình mới, hoặc ghi mã bằng --code")
		default:
			p.Code = NextProcessCode(c, UnitPrefix(c, p.Unit))
		}
	} else if c.Process(p.Code) != nil {
		return nil, fmt.Errorf("mã quy trình %s đã có (%s)", p.Code, c.Process(p.Code).Path)
	}
	form := "BM-" + strings.TrimPrefix(strings.ToUpper(p.Code), "QT-") + "-01"
	return render("process", "processes/"+qms.CodeSlug(p.Code)+".md", p.Code, struct {
		ProcessParams
		Form string
	}{p, form})
}

// Procedure renders a new procedure.
func Procedure(c *qms.Corpus, p ProcedureParams) (*File, error) {
	p = ProcedureParams{
		Code: clean(p.Code), Title: clean(p.Title), Field: clean(p.Field), Level: clean(p.Level),
		Agency: clean(p.Agency), Receiving: clean(p.Receiving), TimeLimit: clean(p.TimeLimit), Fee: clean(p.Fee),
		AnnouncedBy: cleanList(p.AnnouncedBy), LegalBasis: cleanList(p.LegalBasis),
	}
	if p.Level == "" {
		p.Level = "tinh"
	}
	if _, ok := qms.Levels[p.Level]; !ok {
		return nil, fmt.Errorf("cấp thực hiện (--level) phải là tinh, huyen hoặc xa, không phải %q", p.Level)
	}
	if p.TimeLimit != "" {
		if _, err := qms.ParseDuration(p.TimeLimit); err != nil {
			return nil, fmt.Errorf("--time-limit: %w", err)
		}
	}
	if err := checkRefs("--announced-by", p.AnnouncedBy); err != nil {
		return nil, err
	}
	if err := checkRefs("--legal-basis", p.LegalBasis); err != nil {
		return nil, err
	}
	if p.Code == "" {
		if p.Field == "" {
			return nil, errors.New("cần --field (lĩnh vực) để đặt mã nội bộ cho thủ tục mới, hoặc ghi mã quốc gia bằng --code")
		}
		p.Code = NextProcedureCode(c, p.Field)
	} else if c.Procedure(p.Code) != nil {
		return nil, fmt.Errorf("mã thủ tục %s đã có (%s)", p.Code, c.Procedure(p.Code).Path)
	}
	return render("procedure", "procedures/"+qms.CodeSlug(p.Code)+".md", p.Code, struct {
		ProcedureParams
		Local bool
	}{p, !IsNationalCode(p.Code)})
}

// Decision renders a new decision. Its file goes to decisions/<year>/,
// the year of Issued (or of a normative number); with a year suffix when
// another document has the same number.
func Decision(c *qms.Corpus, p DecisionParams) (*File, error) {
	p = DecisionParams{
		Number: clean(p.Number), Type: clean(p.Type), Issuer: clean(p.Issuer), Issued: clean(p.Issued),
		Effective: clean(p.Effective), Title: clean(p.Title), Supersedes: cleanList(p.Supersedes),
		Amends: cleanList(p.Amends), Source: clean(p.Source),
	}
	if p.Number == "" {
		return nil, errors.New("cần --number: số và ký hiệu của văn bản, ví dụ 1234/QĐ-UBND")
	}
	num, err := qms.ParseNumber(p.Number)
	if err != nil {
		return nil, fmt.Errorf("--number: %w", err)
	}
	var notes []string
	if c, ok := num.Canonical(); ok {
		// 77/QD-UBND: the official spelling has "Đ"; write that, and take
		// the type from it (ASCII "QD" would read as a công văn).
		notes = append(notes, fmt.Sprintf("số %s đã được ghi đúng dấu là %s", num, c))
		num = c
	}
	p.Number = num.String()
	if p.Type == "" {
		p.Type = typeOf(num)
	}
	if _, ok := qms.DecisionTypes[p.Type]; !ok {
		return nil, fmt.Errorf("loại văn bản (--type) %q không có trong danh sách: %s", p.Type, typeList())
	}
	for _, d := range []struct{ flag, v string }{{"--issued", p.Issued}, {"--effective", p.Effective}} {
		if err := checkDate(d.flag, d.v); err != nil {
			return nil, err
		}
	}
	if err := checkRefs("--supersedes", p.Supersedes); err != nil {
		return nil, err
	}
	if err := checkRefs("--amends", p.Amends); err != nil {
		return nil, err
	}
	year := num.Year
	if p.Issued != "" {
		d, _ := qms.ParseDate(p.Issued)
		year = d.Year
	}
	stem := num.Slug()
	same := c.DecisionsByNumber(num)
	for _, d := range same {
		if d.Issued.String() == p.Issued || p.Issued == "" {
			return nil, fmt.Errorf("văn bản %s đã có (%s); văn bản cùng số ở năm khác cần --issued", num, d.Path)
		}
	}
	if len(same) > 0 {
		stem += fmt.Sprintf("-%d", year)
		for _, d := range same {
			notes = append(notes, fmt.Sprintf("số %s cũng là số của văn bản ký ngày %s (%s): đổi tên tệp đó thành %s-%d.md và ghi ngày ban hành vào mọi trích dẫn số này (“%s ngày dd/mm/yyyy”)",
				num, d.Issued.VN(), d.Path, num.Slug(), d.Issued.Year, num))
		}
	}
	dir := "decisions/"
	if year > 0 {
		dir += fmt.Sprintf("%d/", year)
	}
	f, err := render("decision", dir+stem+".md", p.Number, p)
	if f != nil {
		f.Notes = notes
	}
	return f, err
}

// typeOf guesses the `type` enum from a number's type abbreviation.
func typeOf(n qms.Number) string {
	switch n.Type {
	case "QĐ":
		return "quyet-dinh"
	case "NĐ":
		return "nghi-dinh"
	case "TT", "TTLT":
		return "thong-tu"
	case "NQ":
		return "nghi-quyet"
	case "CT":
		return "chi-thi"
	case "KH":
		return "ke-hoach"
	case "TTr":
		return "to-trinh"
	case "BC":
		return "bao-cao"
	case "TB":
		return "thong-bao"
	case "QH":
		return "luat"
	case "":
		return "cong-van"
	}
	return "khac"
}

func typeList() string {
	var ks []string
	for k := range qms.DecisionTypes {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

func render(name, p, id string, data any) (*File, error) {
	return renderFile(name+".md", p, id, data)
}

// renderFile executes templates/<name>.tmpl with data into the file p.
func renderFile(name, p, id string, data any) (*File, error) {
	t, err := template.New(path.Base(name)+".tmpl").Funcs(template.FuncMap{"y": yamlValue, "q": quoted}).
		ParseFS(templateFS, "templates/"+name+".tmpl")
	if err != nil {
		return nil, fmt.Errorf("mẫu %s: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("mẫu %s: %w", name, err)
	}
	return &File{Path: p, Data: norm.NFC.Bytes(b.Bytes()), ID: id}, nil
}

// Write creates f under the content root root, with its folders. It never
// overwrites: an existing file is an error wrapping fs.ErrExist.
func Write(root string, f *File) error {
	full := filepath.Join(root, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return fmt.Errorf("tạo %s: %w", f.Path, err)
	}
	w, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("không ghi đè %s: tệp đã có: %w", f.Path, err)
		}
		return fmt.Errorf("tạo %s: %w", f.Path, err)
	}
	if _, err := w.Write(f.Data); err != nil {
		w.Close()
		return fmt.Errorf("ghi %s: %w", f.Path, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("ghi %s: %w", f.Path, err)
	}
	return nil
}

func clean(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

func cleanList(ss []string) []string {
	var out []string
	for _, s := range ss {
		for _, part := range strings.Split(s, ",") {
			if part = clean(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

func checkDate(flag, s string) error {
	if s == "" {
		return nil
	}
	if _, err := qms.ParseDate(s); err != nil {
		return fmt.Errorf("%s: %w", flag, err)
	}
	return nil
}

func checkRefs(flag string, refs []string) error {
	for _, r := range refs {
		if _, err := qms.ParseRef(r); err != nil {
			return fmt.Errorf("%s %q: %w", flag, r, err)
		}
	}
	return nil
}

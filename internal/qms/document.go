package qms

// Kind is one of the three kinds of document; it is decided by the folder a
// file lives in, never by a field.
type Kind int

// The kinds of document.
const (
	KindDecision Kind = iota + 1
	KindProcedure
	KindProcess
)

// Kinds lists every kind in a fixed order.
var Kinds = []Kind{KindProcess, KindProcedure, KindDecision}

// Dir is the top-level folder of the kind ("decisions", ...); it is also the
// first URL segment of the kind's pages.
func (k Kind) Dir() string {
	switch k {
	case KindDecision:
		return "decisions"
	case KindProcedure:
		return "procedures"
	case KindProcess:
		return "processes"
	}
	return ""
}

// String is the English singular name used in JSON and code.
func (k Kind) String() string {
	switch k {
	case KindDecision:
		return "decision"
	case KindProcedure:
		return "procedure"
	case KindProcess:
		return "process"
	}
	return "unknown"
}

// Label is the Vietnamese name shown to readers.
func (k Kind) Label() string {
	switch k {
	case KindDecision:
		return "Văn bản"
	case KindProcedure:
		return "Thủ tục hành chính"
	case KindProcess:
		return "Quy trình"
	}
	return ""
}

// KindOfDir returns the kind whose folder is dir, or 0.
func KindOfDir(dir string) Kind {
	for _, k := range Kinds {
		if k.Dir() == dir {
			return k
		}
	}
	return 0
}

// Doc is what every document has: where it lives, where each front-matter
// value is, and its Markdown body.
type Doc struct {
	Kind Kind
	// Path is relative to the content root, '/'-separated:
	// "processes/qt-ts-01.md".
	Path string
	// Stem is the file name without ".md"; unique per kind, it names the
	// document's page: /processes/<stem>/.
	Stem string
	// Keys maps a front-matter key path to the position of its value:
	// "title", "legal_basis.1", "steps.0.time". Missing keys are absent.
	Keys map[string]Pos
	// Body is the Markdown after the front matter (NFC, LF line endings).
	Body string
	// BodyLine is the file line on which Body starts.
	BodyLine int
	// Links are the relative links found in the body, with positions.
	Links []Link
	// Source is the whole file as loaded (NFC, LF line endings, no BOM).
	Source []byte
	// Partial reports that the front matter has a syntax error: only the
	// top-level fields that could be read on their own are set, so that
	// other documents still find this one by its identity. The loader
	// has reported the error; checks of the document's own fields should
	// skip it.
	Partial bool
}

// At returns the position of key's value, or the start of the file when the
// key is absent.
func (d *Doc) At(key string) Pos {
	if p, ok := d.Keys[key]; ok {
		return p
	}
	return Pos{Path: d.Path, Line: 1, Col: 1}
}

// Base returns d itself; it lets code take any document as a *Doc.
func (d *Doc) Base() *Doc { return d }

// Document is implemented by *Decision, *Procedure and *Process.
type Document interface {
	Base() *Doc
	// ID is the document's identity: a decision's canonical number, a
	// procedure's or process's code.
	ID() string
	// Heading is the title shown to readers.
	Heading() string
}

// Link is a Markdown link in a body.
type Link struct {
	Dest string
	Pos  Pos
}

// Citation is a reference to a decision written in a front-matter field.
type Citation struct {
	// Text is the reference as written (NFC).
	Text string
	// Ref is the parsed reference; zero when Text does not parse (the loader
	// has reported that).
	Ref Ref
	Pos Pos
}

// Valid reports whether the citation parsed.
func (c Citation) Valid() bool { return !c.Ref.Number.IsZero() }

// CodeRef is a reference to a procedure by its code.
type CodeRef struct {
	Code string
	Pos  Pos
}

// Decision is a legal or administrative document (decisions/).
type Decision struct {
	Doc
	NumberText string
	Number     Number
	Type       string
	Issuer     string
	Issued     Date
	Effective  Date
	Expires    Date
	Repealed   Date
	Title      string
	Supersedes []Citation
	Amends     []Citation
	Source     string
	// Announces is how many procedures the decision announced; nil when
	// not given.
	Announces *int
}

// ID is the canonical document number.
func (d *Decision) ID() string { return d.Number.String() }

// Heading is the trích yếu.
func (d *Decision) Heading() string { return d.Title }

// EffectiveDate is Effective, or Issued when Effective is unset.
func (d *Decision) EffectiveDate() Date {
	if d.Effective.IsZero() {
		return d.Issued
	}
	return d.Effective
}

// DecisionTypes maps the `type` enum to its Vietnamese label.
var DecisionTypes = map[string]string{
	"luat":       "Luật",
	"nghi-dinh":  "Nghị định",
	"thong-tu":   "Thông tư",
	"nghi-quyet": "Nghị quyết",
	"quyet-dinh": "Quyết định",
	"chi-thi":    "Chỉ thị",
	"cong-van":   "Công văn",
	"ke-hoach":   "Kế hoạch",
	"to-trinh":   "Tờ trình",
	"bao-cao":    "Báo cáo",
	"thong-bao":  "Thông báo",
	"khac":       "Khác",
}

// Procedure is an administrative procedure, a TTHC (procedures/).
type Procedure struct {
	Doc
	Code          string
	Title         string
	Field         string
	Level         string
	Agency        string
	Receiving     string
	TimeLimitText string
	TimeLimit     Duration
	Fee           string
	AnnouncedBy   []Citation
	LegalBasis    []Citation
	AbolishedBy   *Citation
}

// ID is the procedure code.
func (p *Procedure) ID() string { return p.Code }

// Heading is the procedure name.
func (p *Procedure) Heading() string { return p.Title }

// Levels maps the `level` enum to its Vietnamese label.
var Levels = map[string]string{"tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}

// Process is an ISO 9001 process, a quy trình (processes/).
type Process struct {
	Doc
	Code        string
	Title       string
	ProcKind    string // "framework" or "task"
	Unit        string
	Revision    int
	Effective   Date
	ApprovedBy  *Citation
	Status      string // "draft", "active", "abolished"
	AbolishedBy *Citation
	Procedures  []CodeRef
	LegalBasis  []Citation
	ReviewBy    Date
	PreparedBy  string
	ReviewedBy  string
	Approver    string
	// Revisions is the amendment record as written, oldest first; nil
	// when absent (see Record).
	Revisions []Amendment
	// UnderReview is set while the process is being re-issued.
	UnderReview *UnderReview
	Steps       []Step
	Forms       []Form
	Records     []Record
}

// ID is the process code.
func (p *Process) ID() string { return p.Code }

// Heading is the process title.
func (p *Process) Heading() string { return p.Title }

// Process statuses and kinds.
const (
	StatusDraft     = "draft"
	StatusActive    = "active"
	StatusAbolished = "abolished"
	KindFramework   = "framework"
	KindTask        = "task"
)

// Step is one row of a process's steps table.
type Step struct {
	Actor    string
	Action   string
	TimeText string
	Time     Duration // zero when absent or unparsable
	Forms    []string
	Pos      Pos
}

// Form is a "biểu mẫu".
type Form struct {
	Code  string
	Title string
}

// Record is a "hồ sơ cần lưu".
type Record struct {
	Name      string
	Keeper    string
	Retention string
}

// StepsTotal sums the step times in working hours; ok is false when some
// step has no time or a calendar-time duration.
func (p *Process) StepsTotal() (hours int, ok bool) {
	ok = len(p.Steps) > 0
	for _, s := range p.Steps {
		h, wok := s.Time.WorkingHours()
		if !wok {
			ok = false
			continue
		}
		hours += h
	}
	return hours, ok
}

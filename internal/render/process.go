package render

import (
	"html/template"
	"io"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/flowchart"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

// processData is the data of process.html.
type processData struct {
	Heading    string
	Tag        *tag
	Summary    []row
	Roles      []roleCell
	Amendments []amendmentRow // "Theo dõi sửa đổi" (record.go)
	Procedures []procRef
	Steps      []stepRow
	Flowchart  *flowchart.Chart // drawn by the theme's "flowchart"; nil without steps
	Total      string
	Limits     []limitRow
	Legal      []docLink
	Forms      []qms.Form
	Records    []qms.Record
	Body       template.HTML
	Headed     bool
}

type roleCell struct{ Label, Name string }

type procRef struct {
	Link  docLink
	Limit string
}

type stepRow struct {
	N      int
	Actor  string
	Action string
	Time   string
	Forms  string // the step's forms, comma-separated
}

// limitRow compares the steps' total with one procedure's legal time limit.
type limitRow struct {
	Procedure docLink
	Limit     string
	Verdict   tag
	Detail    string
}

func (s *Site) writeProcess(w io.Writer, p *qms.Process) error {
	pg, err := s.processPage(p, nil)
	if err != nil {
		return err
	}
	return s.exec(w, "process", pg)
}

// processPage makes the page of a process, or of a past revision of one
// (old non-nil).
func (s *Site) processPage(p *qms.Process, old *past) (*page, error) {
	x := s.x
	pg := s.newPage(p.Code+" — "+p.Title, "processes", s.docURL(p, old))
	pg.PrintHeader = p.Code + " · Lần ban hành " + revisionText(p.Revision) + " · Hiệu lực " + dateVN(p.Effective)
	pg.Crumbs = []link{{"Trang chủ", s.base}, {"Quy trình", s.base + "processes/"}}
	pg.Banners = s.processBanners(p)
	s.docFrame(pg, p.Path, old)
	d := processData{Heading: p.Title, Tag: x.processTag(p)}
	pg.Description = docDescription(qms.KindProcess.Label(), p.Code, p.Title, d.Tag)

	d.Summary = append(d.Summary,
		row{Key: "Mã hiệu", Text: p.Code},
		row{Key: "Lần ban hành", Text: revisionText(p.Revision)},
		row{Key: "Ngày hiệu lực", Text: dateVN(p.Effective)},
	)
	if p.ApprovedBy != nil {
		d.Summary = append(d.Summary, row{Key: "Phê duyệt bởi", Links: []docLink{x.citationLink(*p.ApprovedBy)}})
	} else {
		d.Summary = append(d.Summary, row{Key: "Phê duyệt bởi", Text: "Chưa phê duyệt"})
	}
	unit := s.unitLink(p.Unit)
	d.Summary = append(d.Summary,
		row{Key: "Đơn vị chủ trì", Link: &unit},
		row{Key: "Loại quy trình", Text: labelOr(processKindLabels, p.ProcKind)},
		row{Key: "Trạng thái", Tag: d.Tag},
	)
	if p.AbolishedBy != nil {
		d.Summary = append(d.Summary, row{Key: "Bãi bỏ bởi", Links: []docLink{x.citationLink(*p.AbolishedBy)}})
	}
	if !p.ReviewBy.IsZero() {
		r := row{Key: "Hạn rà soát", Text: p.ReviewBy.VN()}
		if p.Status == qms.StatusActive && p.ReviewBy.Before(x.asOf) {
			r.Tag = &tag{"Quá hạn rà soát", "red"}
		}
		d.Summary = append(d.Summary, r)
	}
	d.Summary = s.appendLastChange(d.Summary, p.Path, old)
	if p.PreparedBy != "" || p.ReviewedBy != "" || p.Approver != "" {
		d.Roles = []roleCell{{"Soạn thảo", p.PreparedBy}, {"Xem xét", p.ReviewedBy}, {"Phê duyệt", p.Approver}}
	}

	cur := qms.Document(p)
	if c := old.current(); c != nil {
		cur = c
	}
	d.Amendments = s.amendmentRows(p, cur)

	for _, r := range p.Procedures {
		pr := x.c.Procedure(r.Code)
		if pr == nil {
			d.Procedures = append(d.Procedures, procRef{Link: docLink{Text: r.Code, Note: "không có trong hệ thống tài liệu"}, Limit: "—"})
			continue
		}
		d.Procedures = append(d.Procedures, procRef{Link: x.docLinkOf(pr), Limit: durationText(pr.TimeLimit, pr.TimeLimitText)})
	}
	var chart []flowchart.Step
	for i, st := range p.Steps {
		r := stepRow{N: i + 1, Actor: st.Actor, Action: st.Action, Time: durationText(st.Time, st.TimeText), Forms: strings.Join(st.Forms, ", ")}
		d.Steps = append(d.Steps, r)
		if r.Time == "—" {
			r.Time = "" // the chart writes no time
		}
		chart = append(chart, flowchart.Step{Actor: r.Actor, Action: r.Action, Time: r.Time, Forms: r.Forms})
	}
	// The flowchart is drawn for the current issue only: a past version's
	// page has its steps table and what changed in them.
	if old == nil {
		d.Flowchart = flowchart.New(p.Code, chart)
	}
	total, totalOK := p.StepsTotal()
	if totalOK {
		d.Total = qms.FormatHours(total)
	}
	if len(p.Steps) > 0 {
		for _, r := range p.Procedures {
			if pr := x.c.Procedure(r.Code); pr != nil {
				d.Limits = append(d.Limits, limitVerdict(x.docLinkOf(pr), pr, total, totalOK))
			}
		}
	}
	for _, c := range p.LegalBasis {
		d.Legal = append(d.Legal, x.citationLink(c))
	}
	d.Forms, d.Records = p.Forms, p.Records
	body, err := s.renderMarkdown(p.Body, p.Path, 2)
	if err != nil {
		return nil, err
	}
	d.Body = safeHTML(body.HTML)
	d.Headed = body.Headed
	pg.Data = d
	return pg, nil
}

// limitVerdict compares the steps' total (working hours) with a
// procedure's legal time limit.
func limitVerdict(l docLink, pr *qms.Procedure, total int, totalOK bool) limitRow {
	r := limitRow{Procedure: l, Limit: durationText(pr.TimeLimit, pr.TimeLimitText)}
	limit, limitOK := pr.TimeLimit.WorkingHours()
	switch {
	case !totalOK:
		r.Verdict = tag{"Không so sánh được", "grey"}
		r.Detail = "Có bước không ghi thời gian hoặc ghi theo ngày lịch."
	case !limitOK:
		r.Verdict = tag{"Không so sánh được", "grey"}
		r.Detail = "Thời hạn không tính theo thời gian làm việc."
	case total <= limit:
		r.Verdict = tag{"Trong thời hạn", "green"}
		if total < limit {
			r.Detail = "Còn dư " + qms.FormatHours(limit-total) + "."
		} else {
			r.Detail = "Bằng thời hạn luật định."
		}
	default:
		r.Verdict = tag{"Vượt thời hạn", "red"}
		r.Detail = "Vượt " + qms.FormatHours(total-limit) + "."
	}
	return r
}

// processBanners returns the banners of an obsolete, draft or not yet
// effective process, and of one under review.
func (s *Site) processBanners(p *qms.Process) []banner {
	if r := underReview(p); r != nil {
		b := banner{Class: "info", Title: "Đang rà soát", Heading: "Đang rà soát từ ngày " + dateVN(r.Since)}
		for _, para := range paragraphs(r.Reason) {
			b.Lines = append(b.Lines, bannerLine{Text: para})
		}
		return append(s.statusBanners(p), b)
	}
	return s.statusBanners(p)
}

// underReview returns the review of a process being re-issued, or nil;
// an abolished process is not re-issued.
func underReview(p *qms.Process) *qms.UnderReview {
	if p.Status == qms.StatusAbolished {
		return nil
	}
	return p.UnderReview
}

// reviewTag is the tag of a process under review.
func reviewTag(p *qms.Process) *tag {
	if underReview(p) == nil {
		return nil
	}
	return &tag{"Đang rà soát", "yellow"}
}

// statusBanners returns the banners of an obsolete, draft or not yet
// effective process.
func (s *Site) statusBanners(p *qms.Process) []banner {
	x := s.x
	switch {
	case p.Status == qms.StatusAbolished:
		b := banner{Class: "obsolete", Title: "Hết hiệu lực", Heading: "HẾT HIỆU LỰC"}
		line := bannerLine{Text: "Quy trình này đã bị bãi bỏ và chỉ còn để tra cứu."}
		if p.AbolishedBy != nil {
			line = bannerLine{Text: "Quy trình này đã bị bãi bỏ theo", Links: []docLink{x.citationLink(*p.AbolishedBy)}}
		}
		b.Lines = append(b.Lines, line)
		if succ := s.processSuccessors(p); len(succ) > 0 {
			b.Lines = append(b.Lines, bannerLine{Text: "Quy trình đang áp dụng cho cùng thủ tục:", Links: succ})
		}
		return []banner{b}
	case p.Status == qms.StatusDraft:
		return []banner{{Class: "draft", Title: "Dự thảo", Heading: "DỰ THẢO", Lines: []bannerLine{{Text: "Quy trình này chưa được phê duyệt ban hành; không dùng để giải quyết công việc."}}}}
	case !p.Effective.IsZero() && x.asOf.Before(p.Effective):
		return []banner{{Class: "info", Title: "Chưa có hiệu lực", Heading: "Có hiệu lực từ ngày " + p.Effective.VN(), Lines: []bannerLine{{Text: "Lần ban hành này chưa có hiệu lực."}}}}
	}
	return nil
}

// processSuccessors lists the active processes that implement a procedure
// the abolished process p implemented.
func (s *Site) processSuccessors(p *qms.Process) []docLink {
	var out []docLink
	seen := map[*qms.Process]bool{p: true}
	for _, r := range p.Procedures {
		pr := s.x.c.Procedure(r.Code)
		if pr == nil {
			continue
		}
		for _, q := range s.x.implementers[pr] {
			if !seen[q] && q.Status == qms.StatusActive {
				seen[q] = true
				out = append(out, s.x.docLinkOf(q))
			}
		}
	}
	return out
}

// diagViews returns the error diagnostics about the file at path.
func (s *Site) diagViews(path string) []diagView {
	var out []diagView
	for _, d := range s.x.errors[path] {
		out = append(out, diagView{
			Line: d.Pos.Line, Severity: d.Severity.Label(), Check: d.Check,
			CheckURL: s.base + "checks/#" + d.Check, Message: d.Message,
		})
	}
	return out
}

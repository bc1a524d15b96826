package render

import (
	"html/template"
	"io"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// procedureData is the data of procedure.html.
type procedureData struct {
	Heading   string
	Tag       *tag
	Summary   []row
	Processes []processRow
	Body      template.HTML
	Headed    bool
}

func (s *Site) writeProcedure(w io.Writer, p *qms.Procedure) error {
	pg, err := s.procedurePage(p, nil)
	if err != nil {
		return err
	}
	return s.exec(w, "procedure", pg)
}

// procedurePage makes the page of a procedure, or of a past revision of one
// (old non-nil).
func (s *Site) procedurePage(p *qms.Procedure, old *past) (*page, error) {
	x := s.x
	key := p // relations are kept by the current document
	if c, ok := old.current().(*qms.Procedure); ok {
		key = c
	}
	title := p.Title
	if p.Code != "" {
		title = p.Code + " — " + p.Title
	}
	pg := s.newPage(title, "procedures", s.docURL(p, old))
	pg.PrintHeader = orDash(p.Code) + " · Thủ tục hành chính"
	pg.Crumbs = []link{{"Trang chủ", s.base}, {"Thủ tục hành chính", s.base + "procedures/"}}
	d := procedureData{Heading: p.Title, Tag: x.procedureTag(p)}
	pg.Description = docDescription(qms.KindProcedure.Label(), p.Code, p.Title, d.Tag)
	abolished, by := x.procedureAbolished(p)
	if abolished {
		b := banner{Class: "obsolete", Title: "Hết hiệu lực", Heading: "HẾT HIỆU LỰC"}
		if p.AbolishedBy != nil {
			b.Lines = []bannerLine{{Text: "Thủ tục này đã bị bãi bỏ theo", Links: []docLink{x.citationLink(*p.AbolishedBy)}}}
		} else {
			b.Lines = []bannerLine{{Text: "Thủ tục này đã bị bãi bỏ."}}
		}
		pg.Banners = append(pg.Banners, b)
	} else if by != nil {
		pg.Banners = append(pg.Banners, banner{Class: "info", Title: "Sắp bãi bỏ", Heading: "Bị bãi bỏ từ ngày " + by.EffectiveDate().VN(),
			Lines: []bannerLine{{Text: "Thủ tục này bị bãi bỏ theo", Links: []docLink{x.docLinkOf(by)}}}})
	}

	field, agency := s.fieldLink(p.Field), s.unitLink(p.Agency)
	d.Summary = []row{
		{Key: "Mã thủ tục", Text: orDash(p.Code)},
		{Key: "Lĩnh vực", Link: &field},
		{Key: "Cấp thực hiện", Text: labelOr(qms.Levels, p.Level)},
		{Key: "Cơ quan giải quyết", Link: &agency},
		{Key: "Nơi tiếp nhận, trả kết quả", Text: orDash(p.Receiving)},
		{Key: "Thời hạn giải quyết", Text: durationText(p.TimeLimit, p.TimeLimitText)},
		{Key: "Phí, lệ phí", Text: orDash(p.Fee)},
		{Key: "Trạng thái", Tag: d.Tag},
	}
	if l := citationLinks(x, p.AnnouncedBy); len(l) > 0 {
		d.Summary = append(d.Summary, row{Key: "Công bố tại", Links: l})
	}
	if l := citationLinks(x, p.LegalBasis); len(l) > 0 {
		d.Summary = append(d.Summary, row{Key: "Căn cứ pháp lý", Links: l})
	}
	if p.AbolishedBy != nil {
		d.Summary = append(d.Summary, row{Key: "Bãi bỏ bởi", Links: []docLink{x.citationLink(*p.AbolishedBy)}})
	}
	d.Summary = s.appendLastChange(d.Summary, p.Path, old)
	s.docFrame(pg, p.Path, old)
	d.Processes = s.processRows(x.implementers[key])
	body, err := s.renderMarkdown(p.Body, p.Path, 2)
	if err != nil {
		return nil, err
	}
	d.Body = safeHTML(body.HTML)
	d.Headed = body.Headed
	pg.Data = d
	return pg, nil
}

func citationLinks(x *index, cs []qms.Citation) []docLink {
	var out []docLink
	for _, c := range cs {
		out = append(out, x.citationLink(c))
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

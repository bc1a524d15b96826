package render

import (
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// decisionData is the data of decision.html.
type decisionData struct {
	Heading string
	Tag     *tag
	Summary []row
	Chain   []chainItem
	CitedBy []citedRow
	Body    template.HTML
	Headed  bool
}

// chainItem is one document in a supersession chain.
type chainItem struct {
	Link      docLink
	Effective string
	Current   bool
}

// citedRow is a process or procedure that relies on the decision.
type citedRow struct {
	Kind string
	Link docLink
	Role string
}

func (s *Site) writeDecision(w io.Writer, d *qms.Decision) error {
	pg, err := s.decisionPage(d, nil)
	if err != nil {
		return err
	}
	return s.exec(w, "decision", pg)
}

// decisionPage makes the page of a decision, or of a past revision of one
// (old non-nil): its status and relations are those of the current
// document.
func (s *Site) decisionPage(d *qms.Decision, old *past) (*page, error) {
	x := s.x
	key := d
	if c, ok := old.current().(*qms.Decision); ok {
		key = c
	}
	st := x.status[key]
	num := d.Number.String()
	if d.Number.IsZero() {
		num = d.NumberText
	}
	pg := s.newPage(num+" — "+d.Title, "decisions", s.docURL(d, old))
	pg.PrintHeader = num + " · Ban hành " + dateVN(d.Issued)
	pg.Crumbs = []link{{"Trang chủ", s.base}, {"Văn bản", s.base + "decisions/"}}
	pg.Banners = s.decisionBanners(d, st)
	s.docFrame(pg, d.Path, old)
	data := decisionData{Heading: d.Title, Tag: decisionTag(st)}
	pg.Description = docDescription(qms.KindDecision.Label(), num, d.Title, data.Tag)

	data.Summary = []row{
		{Key: "Số, ký hiệu", Text: orDash(num)},
		{Key: "Loại văn bản", Text: labelOr(qms.DecisionTypes, d.Type)},
		{Key: "Cơ quan ban hành", Text: orDash(d.Issuer)},
		{Key: "Ngày ban hành", Text: dateVN(d.Issued)},
		{Key: "Ngày có hiệu lực", Text: dateVN(d.EffectiveDate())},
	}
	if !d.Expires.IsZero() {
		data.Summary = append(data.Summary, row{Key: "Ngày hết hiệu lực", Text: d.Expires.VN()})
	}
	if !d.Repealed.IsZero() {
		data.Summary = append(data.Summary, row{Key: "Ngày bị bãi bỏ", Text: d.Repealed.VN()})
	}
	status := row{Key: "Trạng thái (tính đến " + x.asOf.VN() + ")", Tag: data.Tag}
	if !st.Since.IsZero() && st.Kind != qms.InForce {
		status.Extra = "từ ngày " + st.Since.VN()
	}
	data.Summary = append(data.Summary, status)
	if st.By != nil {
		data.Summary = append(data.Summary, row{Key: "Bị thay thế bởi", Links: []docLink{x.docLinkOf(st.By)}})
	}
	if later := x.rel.SupersededBy(key); len(later) > 0 && st.By == nil {
		data.Summary = append(data.Summary, row{Key: "Sẽ bị thay thế bởi", Links: docLinks(x, later)})
	}
	if l := citationLinks(x, d.Supersedes); len(l) > 0 {
		data.Summary = append(data.Summary, row{Key: "Thay thế văn bản", Links: l})
	}
	if l := citationLinks(x, d.Amends); len(l) > 0 {
		data.Summary = append(data.Summary, row{Key: "Sửa đổi, bổ sung văn bản", Links: l})
	}
	if by := x.rel.AmendedBy(key); len(by) > 0 {
		data.Summary = append(data.Summary, row{Key: "Được sửa đổi, bổ sung bởi", Links: docLinks(x, by)})
	}
	if src := strings.TrimSpace(d.Source); src != "" && safeScheme(src) && !strings.HasPrefix(strings.ToLower(src), "mailto:") {
		data.Summary = append(data.Summary, row{Key: "Nguồn văn bản", Link: &link{Text: src, URL: src}})
	}
	data.Summary = s.appendLastChange(data.Summary, d.Path, old)
	data.Chain = s.supersessionChain(key)
	for _, c := range x.citedBy[key] {
		data.CitedBy = append(data.CitedBy, citedRow{Kind: c.Doc.Base().Kind.Label(), Link: x.docLinkOf(c.Doc), Role: c.Role})
	}
	body, err := s.renderMarkdown(d.Body, d.Path, 2)
	if err != nil {
		return nil, err
	}
	data.Body = safeHTML(body.HTML)
	data.Headed = body.Headed
	pg.Data = data
	return pg, nil
}

func docLinks(x *index, ds []*qms.Decision) []docLink {
	out := make([]docLink, 0, len(ds))
	seen := map[*qms.Decision]bool{}
	for _, d := range ds {
		if !seen[d] {
			seen[d] = true
			out = append(out, x.docLinkOf(d))
		}
	}
	return out
}

func (s *Site) decisionBanners(d *qms.Decision, st qms.Status) []banner {
	x := s.x
	b := banner{Class: "obsolete", Title: "Hết hiệu lực", Heading: "HẾT HIỆU LỰC"}
	switch st.Kind {
	case qms.Superseded:
		b.Lines = []bannerLine{{Text: "Văn bản này bị thay thế từ ngày " + st.Since.VN() + " bởi", Links: []docLink{x.docLinkOf(st.By)}}}
	case qms.Repealed:
		b.Lines = []bannerLine{{Text: "Văn bản này bị bãi bỏ từ ngày " + st.Since.VN() + "."}}
	case qms.Expired:
		b.Lines = []bannerLine{{Text: "Văn bản này hết thời hạn hiệu lực từ ngày " + st.Since.VN() + "."}}
	case qms.NotYetEffective:
		return []banner{{Class: "info", Title: "Chưa có hiệu lực", Heading: "Có hiệu lực từ ngày " + st.Since.VN(),
			Lines: []bannerLine{{Text: "Văn bản này chưa có hiệu lực."}}}}
	default:
		return nil
	}
	return []banner{b}
}

// supersessionChain returns every document connected to d by supersession,
// both ways, oldest first; nil when d stands alone.
func (s *Site) supersessionChain(d *qms.Decision) []chainItem {
	x := s.x
	seen := map[*qms.Decision]bool{d: true}
	queue := []*qms.Decision{d}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		var next []*qms.Decision
		for _, c := range cur.Supersedes {
			if o := x.lookup(c); o != nil {
				next = append(next, o)
			}
		}
		next = append(next, x.rel.SupersededBy(cur)...)
		for _, o := range next {
			if !seen[o] {
				seen[o] = true
				queue = append(queue, o)
			}
		}
	}
	if len(seen) < 2 {
		return nil
	}
	all := make([]*qms.Decision, 0, len(seen))
	for o := range seen {
		all = append(all, o)
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if c := a.EffectiveDate().Compare(b.EffectiveDate()); c != 0 {
			return c < 0
		}
		return a.Path < b.Path
	})
	out := make([]chainItem, 0, len(all))
	for _, o := range all {
		l := x.docLinkOf(o)
		if o == d {
			l.URL = ""
		}
		out = append(out, chainItem{Link: l, Effective: dateVN(o.EffectiveDate()), Current: o == d})
	}
	return out
}

package render

import (
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// dashboard is the data of dashboard.html: figures computed from the
// corpus and the lists of what needs attention.
type dashboard struct {
	Policy       template.HTML
	PolicySource *docLink
	Totals       []count
	ProcSummary  string
	ByField      []count
	ByReceiving  []count
	ProcByKind   []count
	ProcByUnit   []count
	ProcByStatus []count
	DecByStatus  []count
	Reliance     []relianceRow
	Uncovered    []docLink
	Overdue      []overdueRow
	UnderReview  []reviewRow
	// Announced compares, for each decision announcing a list of
	// procedures, the procedures recorded with those it announced.
	Announced []announcedRow
}

// reviewRow is a process under review, with since when and why.
type reviewRow struct {
	Process docLink
	Since   string
	Reason  string
}

// announcedRow is a decision that announced Announced procedures, of
// which the manual records Recorded.
type announcedRow struct {
	Decision  link // "Quyết định 3465/QĐ-UBND"
	Announced int
	Recorded  int
}

// relianceRow is an active process relying on a document that no longer
// has effect.
type relianceRow struct {
	Process docLink
	Via     string
	Doc     docLink
}

type overdueRow struct {
	Process  docLink
	ReviewBy string
	Days     int
}

// policyHeading is the heading of the quality policy section of a
// decision's body.
const policyHeading = "Chính sách chất lượng"

func (s *Site) buildDashboard(col *collator) *dashboard {
	x := s.x
	d := &dashboard{}
	d.Policy, d.PolicySource = s.qualityPolicy()

	// Procedures in force, by field and by receiving place.
	var inForce []*qms.Procedure
	for _, p := range s.procedures {
		if ab, _ := x.procedureAbolished(p); !ab {
			inForce = append(inForce, p)
		}
	}
	fields, places := map[string]int{}, map[string]int{}
	for _, p := range inForce {
		fields[p.Field]++
		places[p.Receiving]++
	}
	for _, name := range sortedKeys(fields, col) {
		d.ByField = append(d.ByField, count{Label: orDash(name), URL: s.fieldLink(name).URL, N: fields[name]})
	}
	for _, name := range sortedKeys(places, col) {
		d.ByReceiving = append(d.ByReceiving, count{Label: orDash(name), N: places[name]})
	}
	sort.SliceStable(d.ByReceiving, func(i, j int) bool { return d.ByReceiving[i].N > d.ByReceiving[j].N })
	d.ProcSummary = procedureSummary(len(inForce), d.ByReceiving)

	// Processes by kind, unit and status.
	active := 0
	kinds, statuses := map[string]int{}, map[string]int{}
	noUnit := 0
	for _, p := range s.processes {
		kinds[p.ProcKind]++
		if p.Unit == "" {
			noUnit++
		}
		statuses[p.Status]++
		if p.Status == qms.StatusActive {
			active++
		}
	}
	for _, k := range []string{qms.KindFramework, qms.KindTask} {
		if kinds[k] > 0 {
			d.ProcByKind = append(d.ProcByKind, count{Label: processKindLabels[k], URL: s.base + "processes/by-kind/" + k + "/", N: kinds[k]})
		}
	}
	// A unit is counted as its page lists it (buildGroups): spellings
	// that fold alike and former names are one unit, one row.
	for _, g := range s.units {
		if n := len(g.Processes); n > 0 {
			d.ProcByUnit = append(d.ProcByUnit, count{Label: g.Name, URL: s.base + g.rel, N: n})
		}
	}
	if noUnit > 0 {
		d.ProcByUnit = append(d.ProcByUnit, count{Label: orDash(""), N: noUnit})
	}
	for _, k := range []string{qms.StatusActive, qms.StatusDraft, qms.StatusAbolished} {
		if statuses[k] > 0 {
			d.ProcByStatus = append(d.ProcByStatus, count{Label: processStatusLabels[k], URL: s.base + "processes/by-status/" + k + "/", N: statuses[k]})
		}
	}

	// Decisions by status.
	decs := map[qms.StatusKind]int{}
	for _, dec := range s.decisions {
		decs[x.status[dec].Kind]++
	}
	for _, k := range []qms.StatusKind{qms.InForce, qms.Amended, qms.NotYetEffective, qms.Superseded, qms.Repealed, qms.Expired} {
		if decs[k] > 0 {
			d.DecByStatus = append(d.DecByStatus, count{Label: k.Label(), N: decs[k]})
		}
	}
	d.Totals = []count{
		{Label: "Quy trình đang áp dụng", URL: s.base + "processes/", N: active},
		{Label: "Thủ tục hành chính còn hiệu lực đã ghi nhận", URL: s.base + "procedures/", N: len(inForce)},
		{Label: "Văn bản", URL: s.base + "decisions/", N: len(s.decisions)},
	}

	d.Reliance = s.reliance()
	for _, p := range inForce {
		covered := false
		for _, q := range x.implementers[p] {
			if q.Status == qms.StatusActive {
				covered = true
				break
			}
		}
		if !covered {
			d.Uncovered = append(d.Uncovered, x.docLinkOf(p))
		}
	}
	for _, p := range s.processes {
		if p.Status == qms.StatusActive && !p.ReviewBy.IsZero() && p.ReviewBy.Before(x.asOf) {
			days := int(x.asOf.Time().Sub(p.ReviewBy.Time()).Hours() / 24)
			d.Overdue = append(d.Overdue, overdueRow{Process: x.docLinkOf(p), ReviewBy: p.ReviewBy.VN(), Days: days})
		}
	}
	sort.SliceStable(d.Overdue, func(i, j int) bool { return d.Overdue[i].Days > d.Overdue[j].Days })
	for _, p := range s.processes {
		if r := underReview(p); r != nil {
			d.UnderReview = append(d.UnderReview, reviewRow{Process: x.docLinkOf(p), Since: dateVN(r.Since), Reason: r.Reason})
		}
	}
	for _, a := range x.c.AnnouncedCounts() {
		l := x.docLinkOf(a.Decision)
		name := l.Text
		if t := qms.DecisionTypes[a.Decision.Type]; t != "" && t != "Khác" {
			name = t + " " + name
		}
		d.Announced = append(d.Announced, announcedRow{Decision: link{Text: name, URL: l.URL}, Announced: a.Announced, Recorded: a.Recorded})
	}
	return d
}

// procedureSummary says how many procedures in force the manual records,
// by receiving place: "Sổ tay ghi nhận 19 thủ tục hành chính còn hiệu
// lực, trong đó 12 thủ tục tiếp nhận và trả kết quả tại …; 7 thủ tục tại
// …". The manual may hold only part of what was announced, so the
// sentence says "ghi nhận", and the dashboard sets it against the
// announcing decisions' figures (Announced).
func procedureSummary(total int, places []count) string {
	if total == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Sổ tay ghi nhận " + strconv.Itoa(total) + " thủ tục hành chính còn hiệu lực")
	for i, c := range places {
		if i == 0 {
			b.WriteString(", trong đó ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(strconv.Itoa(c.N) + " thủ tục tiếp nhận và trả kết quả tại " + c.Label)
	}
	b.WriteString(".")
	return b.String()
}

func sortedKeys(m map[string]int, col *collator) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	col.sortStrings(out)
	return out
}

// reliance lists active processes that rely on a document that no longer
// has effect: their approval, their legal basis or the announcement of a
// procedure they implement.
func (s *Site) reliance() []relianceRow {
	x := s.x
	var out []relianceRow
	for _, p := range s.processes {
		if p.Status != qms.StatusActive {
			continue
		}
		// A process being re-issued says so: the reliance is being dealt
		// with.
		pl := x.docLinkOf(p)
		if r := underReview(p); r != nil {
			pl.Note = "đang rà soát từ ngày " + dateVN(r.Since)
		}
		check := func(c *qms.Citation, via string) {
			if c == nil {
				return
			}
			dec := x.lookup(*c)
			if dec == nil || !x.status[dec].Kind.Obsolete() {
				return
			}
			out = append(out, relianceRow{Process: pl, Via: via, Doc: x.citationLink(*c)})
		}
		check(p.ApprovedBy, "Phê duyệt")
		for _, c := range p.LegalBasis {
			check(&c, "Căn cứ pháp lý")
		}
		for _, r := range p.Procedures {
			pr := x.c.Procedure(r.Code)
			if pr == nil {
				continue
			}
			if ab, _ := x.procedureAbolished(pr); ab {
				continue // implementing an abolished procedure is another finding
			}
			for _, c := range pr.AnnouncedBy {
				if !s.reannounced(pr, c) {
					check(&c, "Công bố thủ tục "+pr.Code)
				}
			}
		}
	}
	return out
}

// reannounced reports whether an announcement c of pr that no longer has
// effect has been replaced by another announcement of pr: a decision later
// in its supersession chain is also in pr's announced_by (as rule ST001).
func (s *Site) reannounced(pr *qms.Procedure, c qms.Citation) bool {
	x := s.x
	d := x.lookup(c)
	seen := map[*qms.Decision]bool{}
	for d != nil && !seen[d] {
		seen[d] = true
		d = x.status[d].By
		for _, o := range pr.AnnouncedBy {
			if d != nil && x.lookup(o) == d {
				return true
			}
		}
	}
	return false
}

// qualityPolicy finds the section "## Chính sách chất lượng" in a
// decision's body, preferring documents in force and then the newest, and
// renders it.
func (s *Site) qualityPolicy() (template.HTML, *docLink) {
	var best *qms.Decision
	var bestText string
	for _, d := range s.decisions { // newest first
		text, ok := section(d.Body, policyHeading)
		if !ok {
			continue
		}
		if best == nil || s.x.status[best].Kind.Obsolete() && !s.x.status[d].Kind.Obsolete() {
			best, bestText = d, text
		}
	}
	if best == nil {
		return "", nil
	}
	out, err := s.renderMarkdown(bestText, best.Path, 3)
	if err != nil {
		return "", nil
	}
	l := s.x.docLinkOf(best)
	return safeHTML(out.HTML), &l
}

// section returns the Markdown under the level-2 heading whose text is
// name (case-insensitively, after optional numbering such as "2."), up to
// the next heading of level 1 or 2; fenced code is skipped over.
func section(body, name string) (string, bool) {
	lines := strings.Split(body, "\n")
	start := -1
	fence := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		level, text := atxHeading(l)
		if start >= 0 && level >= 1 && level <= 2 {
			return strings.TrimSpace(strings.Join(lines[start:i], "\n")), true
		}
		if start < 0 && level == 2 && strings.EqualFold(stripNumbering(text), name) {
			start = i + 1
		}
	}
	if start >= 0 {
		return strings.TrimSpace(strings.Join(lines[start:], "\n")), true
	}
	return "", false
}

// atxHeading returns the level and text of an ATX heading line, or 0.
func atxHeading(l string) (int, string) {
	if len(l)-len(strings.TrimLeft(l, " ")) > 3 {
		return 0, ""
	}
	t := strings.TrimLeft(l, " ")
	n := len(t) - len(strings.TrimLeft(t, "#"))
	if n < 1 || n > 6 || (len(t) > n && t[n] != ' ' && t[n] != '\t') {
		return 0, ""
	}
	text := strings.TrimSpace(t[n:])
	text = strings.TrimSpace(strings.TrimRight(text, "#"))
	return n, text
}

// stripNumbering removes a leading "2." or "II." from a heading.
func stripNumbering(s string) string {
	f := strings.SplitN(s, " ", 2)
	if len(f) == 2 && strings.HasSuffix(f[0], ".") && strings.Trim(f[0], "0123456789IVXLivxl.") == "" {
		return strings.TrimSpace(f[1])
	}
	return strings.TrimSpace(s)
}

func (s *Site) writeDashboard(w io.Writer) error {
	p := s.newPage("Tổng quan", "home", "")
	p.Data = s.dash
	return s.exec(w, "dashboard", p)
}

package corpusgen

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"time"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// snapshot is the set of documents on a branch, by id.
type snapshot map[string]*doc

func (s snapshot) clone() snapshot {
	c := make(snapshot, len(s))
	for k, v := range s {
		c[k] = v
	}
	return c
}

// sortedIDs returns the ids of s whose docs satisfy keep, sorted.
func (s snapshot) sortedIDs(keep func(*doc) bool) []string {
	ids := make([]string, 0, len(s))
	for id, d := range s {
		if keep(d) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// gen holds the generator's state.
type gen struct {
	r   *rand.Rand
	t   text
	opt Options
	now time.Time
	// counters for unique identities
	seqUBND, seqSNN, seqNat, seqCV, seqProc, seqQT int
	// used[id] lists the sub-folders a doc has lived in, so that a move
	// never returns a doc to a path it had (paths are never reused).
	used map[string][]string
	// approvals are the Department's approval decisions, oldest first.
	approvals []*doc
	// national are the decrees and circulars procedures rest on;
	// announcing the UBND decisions that announce procedures.
	national, announcing []*doc
}

func newGen(opt Options) *gen {
	r := rand.New(rand.NewSource(opt.Seed))
	return &gen{r: r, t: text{r}, opt: opt,
		now:  time.Date(2019, 1, 2, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		used: map[string][]string{}}
}

func (g *gen) date(fromYear, toYear int) qms.Date {
	d := qms.Date{Year: fromYear, Month: 1, Day: 1}
	days := (toYear - fromYear + 1) * 365
	return d.AddDays(g.r.Intn(days))
}

// decision makes a decision. cited ones are the legal basis of procedures
// and processes; the others (official letters, plans, reports) are cited by
// nobody and may be deleted.
func (g *gen) decision(kindOf string, issued qms.Date) *doc {
	d := &doc{kind: qms.KindDecision, issued: issued, version: 1}
	switch kindOf {
	case "national":
		g.seqNat++
		if g.seqNat%2 == 0 {
			d.id = fmt.Sprintf("%d/%d/NĐ-CP", g.seqNat, issued.Year)
			d.typ, d.issuer = "nghi-dinh", "Chính phủ"
		} else {
			d.id = fmt.Sprintf("%d/%d/TT-BNNPTNT", g.seqNat, issued.Year)
			d.typ, d.issuer = "thong-tu", "Bộ Nông nghiệp và Phát triển nông thôn"
		}
		d.cited = true
	case "announcing":
		g.seqUBND++
		d.id = fmt.Sprintf("%d/QĐ-UBND", 1000+g.seqUBND)
		d.typ, d.issuer = "quyet-dinh", "UBND tỉnh Nghệ An"
		d.cited = true
	case "approval":
		g.seqSNN++
		d.id = fmt.Sprintf("%d/QĐ-SNN-VP", 100+g.seqSNN)
		d.typ, d.issuer = "quyet-dinh", "Sở Nông nghiệp và PTNT Nghệ An"
		d.cited = true
	default:
		g.seqCV++
		if g.seqCV%2 == 0 {
			d.id = fmt.Sprintf("%d/SNN-VP", 2000+g.seqCV)
			d.typ = "cong-van"
		} else {
			d.id = fmt.Sprintf("%d/KH-SNN-VP", 2000+g.seqCV)
			d.typ = "ke-hoach"
		}
		d.issuer = "Sở Nông nghiệp và PTNT Nghệ An"
	}
	d.stem = qms.Slug(d.id)
	if n, err := qms.ParseNumber(d.id); err == nil {
		d.stem = n.Slug()
	}
	d.sub = fmt.Sprint(issued.Year)
	d.title = g.t.title(8 + g.r.Intn(8))
	for i := 0; i < 3+g.r.Intn(3); i++ {
		d.paras = append(d.paras, g.t.para())
	}
	return d
}

func (g *gen) procedure() *doc {
	g.seqProc++
	f := g.r.Intn(len(fields))
	d := &doc{kind: qms.KindProcedure, id: fmt.Sprintf("1.%06d", 4000+g.seqProc), field: f, version: 1,
		timeLimit: []int{5, 7, 10, 12, 15, 20, 30}[g.r.Intn(7)], cited: true}
	d.stem = qms.CodeSlug(d.id)
	d.sub = fields[f].Slug
	d.title = g.t.title(6 + g.r.Intn(8))
	if g.r.Intn(2) == 0 {
		d.fee = fmt.Sprintf("%d.000 đồng/hồ sơ", 50*(1+g.r.Intn(20)))
	}
	d.announcedBy = []*doc{g.announcing[g.r.Intn(len(g.announcing))]}
	d.legalBasis = []*doc{g.national[g.r.Intn(len(g.national))]}
	for i := 0; i < 4; i++ {
		d.paras = append(d.paras, g.t.para())
	}
	return d
}

// process makes a process implementing procedure p, effective no earlier
// than every document it cites.
func (g *gen) process(p *doc, effective qms.Date) *doc {
	g.seqQT++
	u := g.r.Intn(len(units))
	d := &doc{kind: qms.KindProcess, unit: u, revision: 1, version: 1,
		id: fmt.Sprintf("QT-%s-%04d", units[u].Code, g.seqQT), procedures: []*doc{p}}
	d.stem = qms.CodeSlug(d.id)
	d.sub = units[u].Slug
	rs := []rune(p.title)
	d.title = "Quy trình " + strings.ToLower(string(rs[:1])) + string(rs[1:])
	d.legalBasis = append(append([]*doc(nil), p.legalBasis...), p.announcedBy...)
	for _, c := range d.legalBasis {
		if c.issued.After(effective) {
			effective = c.issued
		}
	}
	d.effective = effective
	d.approvedBy = g.approvalBy(effective)
	// Steps: 04 hours at the one-stop centre, then days within the limit.
	budget := p.timeLimit*qms.HoursPerWorkDay - 8
	d.steps = []step{{actors[0], "Tiếp nhận, kiểm tra hồ sơ, chuyển phòng chuyên môn", "04 giờ làm việc"}}
	for i := 1; i < len(actors)-1 && budget >= 8; i++ {
		days := 1 + g.r.Intn(max(1, budget/8/2))
		budget -= days * 8
		d.steps = append(d.steps, step{actors[i], g.t.title(6 + g.r.Intn(6)), fmt.Sprintf("%02d ngày làm việc", days)})
	}
	d.steps = append(d.steps, step{actors[len(actors)-1], "Ký kết quả, chuyển trả Trung tâm", "04 giờ làm việc"})
	for i := 0; i < 5; i++ {
		d.paras = append(d.paras, g.t.para())
	}
	return d
}

// approvalBy returns an approval decision issued on or before date.
func (g *gen) approvalBy(date qms.Date) *doc {
	k := sort.Search(len(g.approvals), func(i int) bool { return g.approvals[i].issued.After(date) })
	if k == 0 {
		return g.approvals[0] // cannot happen: the first is issued in 2015
	}
	return g.approvals[g.r.Intn(k)]
}

// initial makes the documents present at the start: n in all, a fifth
// decisions, the rest procedures and their processes, two fifths each.
func (g *gen) initial(n int) snapshot {
	s := snapshot{}
	add := func(d *doc) { s[d.id] = d; g.used[d.id] = []string{d.sub} }
	nd := max(6, n/5)
	for i := 0; i < max(2, nd/10); i++ {
		d := g.decision("approval", g.date(2015, 2018))
		g.approvals = append(g.approvals, d)
	}
	// The first approval is early, so every process has one.
	g.approvals[0].issued = qms.Date{Year: 2015, Month: 1, Day: 5}
	sort.SliceStable(g.approvals, func(i, j int) bool { return g.approvals[i].issued.Before(g.approvals[j].issued) })
	for _, d := range g.approvals {
		add(d)
	}
	for i := 0; i < max(2, nd/5); i++ {
		d := g.decision("national", g.date(2010, 2018))
		g.national = append(g.national, d)
		add(d)
	}
	for i := 0; i < max(2, nd/5); i++ {
		d := g.decision("announcing", g.date(2016, 2018))
		g.announcing = append(g.announcing, d)
		add(d)
	}
	for len(s) < nd {
		add(g.decision("other", g.date(2016, 2018)))
	}
	for len(s)+2 <= n {
		p := g.procedure()
		add(p)
		add(g.process(p, g.date(2018, 2018)))
	}
	for len(s) < n {
		add(g.decision("other", g.date(2016, 2018)))
	}
	return s
}

// Files returns the documents of a corpus without history: path → content.
func Files(opt Options) map[string]string {
	opt = opt.withDefaults()
	g := newGen(opt)
	s := g.initial(opt.Docs)
	out := make(map[string]string, len(s))
	for _, d := range s {
		out[d.path()] = d.render()
	}
	return out
}

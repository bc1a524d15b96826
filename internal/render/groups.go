package render

import (
	"io"
	"slices"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// group is a unit ("đơn vị") or a field ("lĩnh vực") with its documents.
type group struct {
	kind string // "units" or "fields"
	// Name is the unit's name in qms.yaml when it declares the unit, else
	// the commonest spelling (sortedGroups).
	Name      string
	slug      string         // qms.PageSlug of Name's spellings (groupOf)
	spellings map[string]int // spelling → documents spelling it so
	// unit is the unit qms.yaml declares under this group's name, nil
	// for a field or an undeclared unit.
	unit       *qms.Unit
	rel        string
	Processes  []*qms.Process
	Procedures []*qms.Procedure
}

// groupsData is the data of groups.html.
type groupsData struct {
	Heading string
	Intro   string
	Rows    []groupRow
}

type groupRow struct {
	Name       link
	Processes  int
	Procedures int
}

// groupData is the data of group.html.
type groupData struct {
	Heading string
	Kind    string
	// Former are a unit's former names, from qms.yaml.
	Former     []formerView
	Processes  []processRow
	Procedures []procedureRow
	// Records are the records a unit keeps under the processes in force.
	Records []unitRecord
}

type unitRecord struct {
	qms.Record
	Process docLink
}

// buildGroups collects units (a process's unit, a procedure's agency) and
// fields (a procedure's field, with the processes that implement its
// procedures), sorted by name.
func (s *Site) buildGroups(col *collator) {
	declared := newDeclaredUnits(&s.x.c.Org)
	units := map[string]*group{}
	for _, p := range s.processes {
		if p.Unit != "" {
			g := s.unitGroup(units, declared, p.Unit)
			g.Processes = append(g.Processes, p)
		}
	}
	for _, p := range s.procedures {
		if p.Agency != "" {
			g := s.unitGroup(units, declared, p.Agency)
			g.Procedures = append(g.Procedures, p)
		}
	}
	fields := map[string]*group{}
	for _, p := range s.procedures {
		if p.Field != "" {
			g := groupOf(fields, "fields", p.Field)
			g.Procedures = append(g.Procedures, p)
		}
	}
	for _, g := range fields {
		seen := map[*qms.Process]bool{}
		for _, pr := range g.Procedures {
			for _, p := range s.x.implementers[pr] {
				seen[p] = true
			}
		}
		for _, p := range s.processes { // list order
			if seen[p] {
				g.Processes = append(g.Processes, p)
			}
		}
	}
	s.units = sortedGroups(units, col, "units/")
	s.fields = sortedGroups(fields, col, "fields/")
	s.unitBy, s.fieldBy = groupsByName(s.units), groupsByName(s.fields)
}

// groupOf returns the group of name in m, creating it. Groups are keyed by
// the name's slug (qms.PageSlug), which is also their URL: spellings
// that fold alike (case, diacritics, punctuation) are one group at one
// URL, whatever order the files are read in, so a typo in one file cannot
// move the unit's page. Names without letters or digits share the slug
// "x".
func groupOf(m map[string]*group, kind, name string) *group {
	return groupAt(m, kind, qms.PageSlug(name), name)
}

// groupAt returns the group with slug in m, creating it, and counts
// spelling as one of its names.
func groupAt(m map[string]*group, kind, slug, spelling string) *group {
	if slug == "" {
		slug = "x"
	}
	g := m[slug]
	if g == nil {
		g = &group{kind: kind, slug: slug, spellings: map[string]int{}}
		m[slug] = g
	}
	g.spellings[spelling]++
	return g
}

// unitGroup returns the group of the unit name designates in m, creating
// it. A unit qms.yaml declares, by its current or a former name
// (qms.Organization.CanonicalUnit) or a spelling that folds alike, is
// grouped under its current name, whose slug is its URL; so a process
// written under a unit's former name is listed on the current unit's page.
func (s *Site) unitGroup(m map[string]*group, units declaredUnits, name string) *group {
	u := units.of(&s.x.c.Org, name)
	if u == nil {
		return groupOf(m, "units", name)
	}
	g := groupAt(m, "units", qms.PageSlug(u.Name), name)
	g.unit = u
	return g
}

// declaredUnits finds the units of qms.yaml by name: named by current
// name, bySlug by the slug of a current or former name (the first unit,
// in qms.yaml's order, with that slug among its names).
type declaredUnits struct{ named, bySlug map[string]*qms.Unit }

func newDeclaredUnits(org *qms.Organization) declaredUnits {
	d := declaredUnits{named: map[string]*qms.Unit{}, bySlug: map[string]*qms.Unit{}}
	claim := func(name string, u *qms.Unit) {
		if slug := qms.PageSlug(name); slug != "" && d.bySlug[slug] == nil {
			d.bySlug[slug] = u
		}
	}
	for i := range org.Units {
		u := &org.Units[i]
		if d.named[u.Name] == nil {
			d.named[u.Name] = u
		}
		claim(u.Name, u)
		for _, h := range u.History {
			claim(h.Name, u)
		}
	}
	return d
}

// of returns the unit of qms.yaml that name designates, or nil.
func (d declaredUnits) of(org *qms.Organization, name string) *qms.Unit {
	if canon, ok := org.CanonicalUnit(name); ok {
		return d.named[canon]
	}
	return d.bySlug[qms.PageSlug(name)]
}

// sortedGroups names each group after its commonest spelling (the first
// in Vietnamese order among the commonest) and sorts the groups by name.
func sortedGroups(m map[string]*group, col *collator, prefix string) []*group {
	byName := make(map[string]*group, len(m))
	names := make([]string, 0, len(m))
	for _, g := range m {
		spellings := make([]string, 0, len(g.spellings))
		for n := range g.spellings {
			spellings = append(spellings, n)
		}
		col.sortStrings(spellings)
		for _, n := range spellings {
			if g.Name == "" || g.spellings[n] > g.spellings[g.Name] {
				g.Name = n
			}
		}
		if g.unit != nil {
			g.Name = g.unit.Name
		}
		g.rel = prefix + g.slug + "/"
		byName[g.Name] = g
		names = append(names, g.Name)
	}
	col.sortStrings(names)
	out := make([]*group, len(names))
	for i, n := range names {
		out[i] = byName[n]
	}
	return out
}

// groupsByName maps every spelling of every group's name to the group.
func groupsByName(gs []*group) map[string]*group {
	by := map[string]*group{}
	for _, g := range gs {
		by[g.Name] = g
		for n := range g.spellings {
			by[n] = g
		}
	}
	return by
}

// unitLink links a unit name to its page.
func (s *Site) unitLink(name string) link {
	if g := s.unitBy[name]; g != nil {
		return link{Text: name, URL: s.base + g.rel}
	}
	return link{Text: name}
}

// fieldLink links a field name to its page.
func (s *Site) fieldLink(name string) link {
	if g := s.fieldBy[name]; g != nil {
		return link{Text: name, URL: s.base + g.rel}
	}
	return link{Text: name}
}

func (s *Site) writeGroups(w io.Writer, kind string, gs []*group) error {
	d := groupsData{Heading: "Đơn vị", Intro: "Các đơn vị chủ trì quy trình và giải quyết thủ tục hành chính."}
	if kind == "fields" {
		d = groupsData{Heading: "Lĩnh vực", Intro: "Các lĩnh vực của thủ tục hành chính."}
	}
	for _, g := range gs {
		d.Rows = append(d.Rows, groupRow{Name: link{Text: g.Name, URL: s.base + g.rel}, Processes: len(g.Processes), Procedures: len(g.Procedures)})
	}
	p := s.newPage(d.Heading, kind, kind+"/")
	p.Crumbs = []link{{"Trang chủ", s.base}}
	p.Data = d
	return s.exec(w, "groups", p)
}

func (s *Site) writeGroup(w io.Writer, g *group) error {
	kind, parent := "Đơn vị", "Đơn vị"
	if g.kind == "fields" {
		kind, parent = "Lĩnh vực", "Lĩnh vực"
	}
	p := s.newPage(g.Name, g.kind, g.rel)
	p.Crumbs = []link{{"Trang chủ", s.base}, {parent, s.base + g.kind + "/"}}
	var former []formerView
	if g.unit != nil {
		former = formerViews(s.x, g.unit.History)
	}
	d := groupData{
		Heading:    g.Name,
		Kind:       kind,
		Former:     former,
		Processes:  s.processRows(g.Processes),
		Procedures: s.procedureRows(g.Procedures),
	}
	if g.kind == "units" {
		d.Records = s.recordsKeptBy(g)
	}
	p.Data = d
	return s.exec(w, "group", p)
}

// recordsKeptBy lists, in the order of the process list, the records of
// the active processes whose keeper names unit g: as its current or a
// former name, or within a longer text ("Bộ phận một cửa, Chi cục Thủy
// sản"), compared without case and diacritics.
func (s *Site) recordsKeptBy(g *group) []unitRecord {
	names := []string{qms.Fold(g.Name)}
	if g.unit != nil {
		for _, h := range g.unit.History {
			names = append(names, qms.Fold(h.Name))
		}
	}
	var out []unitRecord
	for _, p := range s.processes {
		if p.Status != qms.StatusActive {
			continue
		}
		for _, r := range p.Records {
			keeper := qms.Fold(r.Keeper)
			if slices.ContainsFunc(names, func(n string) bool { return strings.Contains(keeper, n) }) {
				l := s.x.docLinkOf(p)
				l.Title, l.Tag = "", nil
				out = append(out, unitRecord{Record: r, Process: l})
			}
		}
	}
	return out
}

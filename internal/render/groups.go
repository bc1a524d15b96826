package render

import (
	"io"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// group is a unit ("đơn vị") or a field ("lĩnh vực") with its documents.
type group struct {
	kind       string // "units" or "fields"
	Name       string
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
	Heading    string
	Kind       string
	Processes  []processRow
	Procedures []procedureRow
}

// buildGroups collects units (a process's unit, a procedure's agency) and
// fields (a procedure's field, with the processes that implement its
// procedures), sorted by name.
func (s *Site) buildGroups(col *collator) {
	units := map[string]*group{}
	unit := func(name string) *group {
		if units[name] == nil {
			units[name] = &group{kind: "units", Name: name}
		}
		return units[name]
	}
	for _, p := range s.processes {
		if p.Unit != "" {
			g := unit(p.Unit)
			g.Processes = append(g.Processes, p)
		}
	}
	for _, p := range s.procedures {
		if p.Agency != "" {
			g := unit(p.Agency)
			g.Procedures = append(g.Procedures, p)
		}
	}
	fields := map[string]*group{}
	for _, p := range s.procedures {
		if p.Field == "" {
			continue
		}
		g := fields[p.Field]
		if g == nil {
			g = &group{kind: "fields", Name: p.Field}
			fields[p.Field] = g
		}
		g.Procedures = append(g.Procedures, p)
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
	s.unitBy, s.fieldBy = map[string]*group{}, map[string]*group{}
	for _, g := range s.units {
		s.unitBy[g.Name] = g
	}
	for _, g := range s.fields {
		s.fieldBy[g.Name] = g
	}
}

func sortedGroups(m map[string]*group, col *collator, prefix string) []*group {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	col.sortStrings(names)
	sl := newSlugger()
	out := make([]*group, 0, len(names))
	for _, n := range names {
		g := m[n]
		g.rel = prefix + sl.slug(n) + "/"
		out = append(out, g)
	}
	return out
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
	p.Data = groupData{
		Heading:    g.Name,
		Kind:       kind,
		Processes:  s.processRows(g.Processes),
		Procedures: s.procedureRows(g.Procedures),
	}
	return s.exec(w, "group", p)
}

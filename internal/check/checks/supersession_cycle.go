package checks

import (
	"sort"
	"strings"

	"github.com/snnptnt-nghean/qms/internal/check"
	"github.com/snnptnt-nghean/qms/internal/qms"
)

var supersessionCycle = &check.Check{
	ID: "GR001", Name: "supersession-cycle", Severity: qms.Error,
	Doc: `Vòng thay thế hoặc sửa đổi giữa các văn bản
Quan hệ thay thế (supersedes) và sửa đổi (amends) giữa các văn bản đi theo
thời gian: văn bản sau thay thế hoặc sửa đổi văn bản trước. Vì vậy không
thể có vòng, như A thay thế B và B thay thế A, hay A thay thế B, B sửa đổi
C, C thay thế A. Một vòng làm trạng thái hiệu lực của các văn bản trong vòng
không xác định được. Mỗi vòng được báo một lần, tại trích dẫn đầu tiên của
vòng trong văn bản có đường dẫn nhỏ nhất, và thông báo liệt kê cả vòng.
Văn bản tự thay thế chính nó được báo ở GR002.`,
	Run: runSupersessionCycle,
}

// edge is a supersedes or amends citation that resolves to a decision.
type edge struct {
	to   *qms.Decision
	verb string // "thay thế" or "sửa đổi"
	pos  qms.Pos
}

func runSupersessionCycle(pass *check.Pass) error {
	c := pass.Corpus
	res := newResolver(c)
	out := map[*qms.Decision][]edge{}
	for _, d := range c.Decisions {
		for _, l := range []struct {
			cits []qms.Citation
			verb string
		}{{d.Supersedes, "thay thế"}, {d.Amends, "sửa đổi"}} {
			for _, ct := range l.cits {
				if t := res.lookup(&ct); t != nil && t != d {
					out[d] = append(out[d], edge{t, l.verb, ct.Pos})
				}
			}
		}
	}
	for _, scc := range components(c.Decisions, out) {
		if len(scc) < 2 {
			continue
		}
		cycle := shortestCycle(scc, out)
		parts := make([]string, len(cycle))
		from := scc[0]
		for i, e := range cycle {
			parts[i] = from.Number.String() + " " + e.verb + " " + e.to.Number.String()
			from = e.to
		}
		pass.Reportf(cycle[0].pos, "quan hệ thay thế/sửa đổi tạo thành vòng: %s", strings.Join(parts, ", "))
	}
	return nil
}

// components returns the strongly connected components of the graph
// (Tarjan's algorithm), each sorted by path, in the order of their first
// member in nodes.
func components(nodes []*qms.Decision, out map[*qms.Decision][]edge) [][]*qms.Decision {
	index := map[*qms.Decision]int{}
	low := map[*qms.Decision]int{}
	on := map[*qms.Decision]bool{}
	var stack []*qms.Decision
	var sccs [][]*qms.Decision
	var visit func(v *qms.Decision)
	visit = func(v *qms.Decision) {
		index[v] = len(index)
		low[v] = index[v]
		stack = append(stack, v)
		on[v] = true
		for _, e := range out[v] {
			w := e.to
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if on[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var scc []*qms.Decision
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			on[w] = false
			scc = append(scc, w)
			if w == v {
				break
			}
		}
		sortByPath(scc)
		sccs = append(sccs, scc)
	}
	for _, v := range nodes {
		if _, seen := index[v]; !seen {
			visit(v)
		}
	}
	return sccs
}

// shortestCycle returns the edges of a shortest cycle through scc[0] that
// stays inside the component (breadth-first search, edges in file order).
func shortestCycle(scc []*qms.Decision, out map[*qms.Decision][]edge) []edge {
	in := map[*qms.Decision]bool{}
	for _, d := range scc {
		in[d] = true
	}
	start := scc[0]
	via := map[*qms.Decision]edge{}
	prev := map[*qms.Decision]*qms.Decision{}
	queue := []*qms.Decision{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range out[v] {
			if !in[e.to] {
				continue
			}
			if e.to == start {
				path := []edge{e}
				for w := v; w != start; w = prev[w] {
					path = append(path, via[w])
				}
				for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
					path[i], path[j] = path[j], path[i]
				}
				return path
			}
			if _, seen := prev[e.to]; !seen {
				prev[e.to] = v
				via[e.to] = e
				queue = append(queue, e.to)
			}
		}
	}
	return nil
}

func sortByPath(ds []*qms.Decision) {
	sort.Slice(ds, func(i, j int) bool { return ds[i].Path < ds[j].Path })
}

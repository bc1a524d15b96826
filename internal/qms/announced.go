package qms

import "fmt"

// AnnouncedCount compares, for a decision that announces a list of
// procedures (a "quyết định công bố danh mục thủ tục hành chính" with
// `announces`), how many of those procedures the manual records against
// how many the decision announced. A dashboard shows it as "19 trên 115
// thủ tục đã ghi nhận" (Label), never the recorded number alone: the
// manual often holds only a sample of a decision's procedures, and that
// sample must not read as the total.
type AnnouncedCount struct {
	Decision *Decision
	// Announced is the decision's `announces`.
	Announced int
	// Recorded is the number of procedures of the corpus that cite the
	// decision in announced_by, each counted once, abolished ones
	// included (they were announced all the same).
	Recorded int
}

// Complete reports whether every procedure the decision announced is
// recorded.
func (a AnnouncedCount) Complete() bool { return a.Recorded >= a.Announced }

// Over reports whether more procedures cite the decision than it
// announced: a citation is wrong, or `announces` is.
func (a AnnouncedCount) Over() bool { return a.Recorded > a.Announced }

// Label is the figure for readers: "19 trên 115 thủ tục đã ghi nhận".
func (a AnnouncedCount) Label() string {
	return fmt.Sprintf("%d trên %d thủ tục đã ghi nhận", a.Recorded, a.Announced)
}

// AnnouncedCounts returns one AnnouncedCount for each decision that gives
// `announces`, in the order of c.Decisions (by path). A procedure's
// announced_by citations are resolved with Lookup: one that does not
// resolve to exactly one decision counts for none. It is pure: it reads
// the corpus and changes nothing.
func (c *Corpus) AnnouncedCounts() []AnnouncedCount {
	recorded := map[*Decision]int{}
	for _, p := range c.Procedures {
		seen := map[*Decision]bool{}
		for _, ct := range p.AnnouncedBy {
			d := c.Lookup(ct.Ref)
			if d == nil || d.Announces == nil || seen[d] {
				continue
			}
			seen[d] = true
			recorded[d]++
		}
	}
	var out []AnnouncedCount
	for _, d := range c.Decisions {
		if d.Announces == nil {
			continue
		}
		out = append(out, AnnouncedCount{Decision: d, Announced: *d.Announces, Recorded: recorded[d]})
	}
	return out
}

package change

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Impact is everything that relies on one document, as of a date.
type Impact struct {
	AsOf   qms.Date `json:"-"`
	Target Item     `json:"target"`
	// Chain is the decision's supersession and amendment chain, in both
	// directions and transitively (decisions only).
	Chain []Item `json:"chain"`
	// Procedures are the procedures relying on the decision.
	Procedures []Item `json:"procedures"`
	// Processes are the processes relying on the document, directly or
	// through a procedure.
	Processes []Item `json:"processes"`
	// Links are the documents whose bodies link to the document's file.
	Links []Item `json:"links"`
}

// Item is one document of an Impact.
type Item struct {
	Kind  string `json:"kind"` // "process", "procedure", "decision"
	ID    string `json:"id"`
	Title string `json:"title"`
	Path  string `json:"path"`
	// Status is a stable code: a decision's qms.StatusKind; "active",
	// "draft", "abolished" or "not-yet-effective" for a process;
	// "in-force" or "abolished" for a procedure.
	Status string `json:"status"`
	// StatusText is the status in Vietnamese, with the document and date
	// it comes from.
	StatusText string `json:"status_text"`
	// Relations say how the item relates to the target (empty for the
	// target itself).
	Relations []Relation `json:"relations,omitempty"`
}

// Relation is one way an item relates to the target.
type Relation struct {
	// Field is the front-matter field holding the link: "legal_basis",
	// "approved_by", "abolished_by", "announced_by", "procedures",
	// "supersedes", "amends", or "body" for a link in the Markdown body.
	Field string `json:"field"`
	// Reverse is true when the target holds the link (the target
	// supersedes or amends the item), false when the item does.
	Reverse bool `json:"reverse,omitempty"`
	// Via is the ID of the document the relation goes through: the
	// procedure a process implements, or the chain neighbour.
	Via string `json:"via,omitempty"`
	// Text is the relation in Vietnamese.
	Text string `json:"text"`
}

// Lookup finds the document a user names on the command line: a process
// or procedure code (case-insensitive), or a decision number, optionally
// dated ("3463/QĐ-UBND ngày 06/10/2020").
func Lookup(c *qms.Corpus, query string) (qms.Document, error) {
	q := strings.TrimSpace(query)
	if p := c.Process(q); p != nil {
		return p, nil
	}
	if p := c.Procedure(q); p != nil {
		return p, nil
	}
	for _, p := range c.Processes {
		if strings.EqualFold(p.Code, q) {
			return p, nil
		}
	}
	for _, p := range c.Procedures {
		if strings.EqualFold(p.Code, q) {
			return p, nil
		}
	}
	ref, err := qms.ParseRef(q)
	if err != nil {
		return nil, fmt.Errorf("không có quy trình hay thủ tục mã %q, và %q không phải số văn bản: %v", q, q, err)
	}
	d, res, cands := c.Resolve(ref)
	switch res {
	case qms.Resolved, qms.DateMismatch, qms.FoldedOnly:
		if d != nil {
			return d, nil
		}
	case qms.Ambiguous, qms.DateNoMatch:
		var names []string
		for _, x := range cands {
			names = append(names, "“"+qms.Ref{Number: x.Number, Date: x.Issued}.String()+"”")
		}
		return nil, fmt.Errorf("số %s dùng cho %d văn bản, hãy ghi thêm ngày: %s", ref.Number, len(cands), strings.Join(names, ", "))
	}
	return nil, fmt.Errorf("không có tài liệu nào mang số hay mã %q", q)
}

// ImpactOf lists what relies on doc in c, with statuses as of asOf.
func ImpactOf(c *qms.Corpus, doc qms.Document, asOf qms.Date) *Impact {
	b := &impactBuilder{c: c, rel: c.Relations(), asOf: asOf, items: map[qms.Document]*Item{}}
	im := &Impact{AsOf: asOf, Target: b.item(doc), Chain: []Item{}, Procedures: []Item{}, Processes: []Item{}}
	switch x := doc.(type) {
	case *qms.Decision:
		im.Chain = b.chain(x)
		im.Procedures, im.Processes = b.decisionDependants(x)
	case *qms.Procedure:
		im.Processes = b.procedureDependants(x)
	}
	im.Links = b.links(doc)
	return im
}

type impactBuilder struct {
	c     *qms.Corpus
	rel   *qms.Relations
	asOf  qms.Date
	items map[qms.Document]*Item
	order []qms.Document
}

// add records relation r of document d; list collects the items.
func (b *impactBuilder) add(d qms.Document, r Relation) {
	it, ok := b.items[d]
	if !ok {
		x := b.item(d)
		it = &x
		b.items[d] = it
		b.order = append(b.order, d)
	}
	for _, o := range it.Relations {
		if o == r {
			return
		}
	}
	it.Relations = append(it.Relations, r)
}

// list returns the collected items of kind k, sorted by ID.
func (b *impactBuilder) list(k qms.Kind) []Item {
	out := []Item{}
	for _, d := range b.order {
		if d.Base().Kind == k {
			out = append(out, *b.items[d])
		}
	}
	sortItems(out)
	return out
}

func (b *impactBuilder) chain(d *qms.Decision) []Item {
	seen := map[*qms.Decision]bool{d: true}
	queue := []*qms.Decision{d}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		via := ""
		if cur != d {
			via = cur.Number.String()
		}
		visit := func(o *qms.Decision, field string, reverse bool) {
			if o == nil || o == d {
				return
			}
			b.add(o, Relation{Field: field, Reverse: reverse, Via: via, Text: chainText(field, reverse, via)})
			if !seen[o] {
				seen[o] = true
				queue = append(queue, o)
			}
		}
		for _, o := range b.rel.SupersededBy(cur) {
			visit(o, "supersedes", false)
		}
		for _, o := range b.rel.AmendedBy(cur) {
			visit(o, "amends", false)
		}
		for _, ct := range cur.Supersedes {
			if ct.Valid() {
				visit(b.c.Lookup(ct.Ref), "supersedes", true)
			}
		}
		for _, ct := range cur.Amends {
			if ct.Valid() {
				visit(b.c.Lookup(ct.Ref), "amends", true)
			}
		}
	}
	return b.list(qms.KindDecision)
}

func chainText(field string, reverse bool, via string) string {
	obj := "văn bản này"
	if via != "" {
		obj = via
	}
	switch {
	case field == "supersedes" && !reverse:
		return "thay thế " + obj
	case field == "supersedes":
		return "bị " + obj + " thay thế"
	case !reverse:
		return "sửa đổi " + obj
	}
	return "được " + obj + " sửa đổi"
}

// decisionDependants lists the procedures citing d and the processes
// citing d or implementing one of those procedures.
func (b *impactBuilder) decisionDependants(d *qms.Decision) (procs, processes []Item) {
	is := func(ct qms.Citation) bool { return ct.Valid() && b.c.Lookup(ct.Ref) == d }
	isPtr := func(ct *qms.Citation) bool { return ct != nil && is(*ct) }
	relying := map[*qms.Procedure][]string{}
	for _, p := range b.c.Procedures {
		for _, ct := range p.AnnouncedBy {
			if is(ct) {
				b.add(p, Relation{Field: "announced_by", Text: "được văn bản này công bố (announced_by)"})
				relying[p] = append(relying[p], "announced_by")
			}
		}
		for _, ct := range p.LegalBasis {
			if is(ct) {
				b.add(p, Relation{Field: "legal_basis", Text: "dựa vào văn bản này (legal_basis)"})
				relying[p] = append(relying[p], "legal_basis")
			}
		}
		if isPtr(p.AbolishedBy) {
			b.add(p, Relation{Field: "abolished_by", Text: "bị văn bản này bãi bỏ (abolished_by)"})
			relying[p] = append(relying[p], "abolished_by")
		}
	}
	for _, p := range b.c.Processes {
		for _, ct := range p.LegalBasis {
			if is(ct) {
				b.add(p, Relation{Field: "legal_basis", Text: "dẫn văn bản này làm căn cứ (legal_basis)"})
			}
		}
		if isPtr(p.ApprovedBy) {
			b.add(p, Relation{Field: "approved_by", Text: "được văn bản này phê duyệt (approved_by)"})
		}
		if isPtr(p.AbolishedBy) {
			b.add(p, Relation{Field: "abolished_by", Text: "bị văn bản này bãi bỏ (abolished_by)"})
		}
		for _, cr := range p.Procedures {
			if pr := b.c.Procedure(cr.Code); pr != nil && len(relying[pr]) > 0 {
				b.add(p, Relation{Field: "procedures", Via: pr.Code,
					Text: "thực hiện thủ tục " + pr.Code + " (" + strings.Join(relying[pr], ", ") + ")"})
			}
		}
	}
	return b.list(qms.KindProcedure), b.list(qms.KindProcess)
}

// procedureDependants lists the processes implementing pr.
func (b *impactBuilder) procedureDependants(pr *qms.Procedure) []Item {
	for _, p := range b.c.Processes {
		for _, cr := range p.Procedures {
			if cr.Code == pr.Code {
				b.add(p, Relation{Field: "procedures", Text: "thực hiện thủ tục này (procedures)"})
			}
		}
	}
	return b.list(qms.KindProcess)
}

// links lists the documents whose bodies link to doc's file.
func (b *impactBuilder) links(doc qms.Document) []Item {
	target := doc.Base().Path
	var found []qms.Document
	for _, d := range b.c.Documents() {
		if d == doc {
			continue
		}
		for _, l := range d.Base().Links {
			if linkTarget(d.Base().Path, l.Dest) == target {
				found = append(found, d)
				break
			}
		}
	}
	out := []Item{}
	for _, d := range found {
		x := b.item(d)
		x.Relations = []Relation{{Field: "body", Text: "liên kết tới trong nội dung"}}
		out = append(out, x)
	}
	sortItems(out)
	return out
}

// linkTarget resolves a relative link in the file at from to a path
// relative to the content root; "" for other links.
func linkTarget(from, dest string) string {
	dest, _, _ = strings.Cut(dest, "#")
	dest, _, _ = strings.Cut(dest, "?")
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	if dest == "" || strings.HasPrefix(dest, "/") || strings.Contains(dest, ":") {
		return ""
	}
	return path.Clean(path.Join(path.Dir(from), dest))
}

// item describes d with its status as of the builder's date.
func (b *impactBuilder) item(d qms.Document) Item {
	it := Item{Kind: d.Base().Kind.String(), ID: d.ID(), Title: d.Heading(), Path: d.Base().Path}
	switch x := d.(type) {
	case *qms.Decision:
		st := b.rel.StatusOf(x, b.asOf)
		it.Status, it.StatusText = string(st.Kind), statusPhrase(st)
	case *qms.Procedure:
		ab, by := b.c.ProcedureAbolished(x, b.asOf)
		switch {
		case ab && by != nil:
			it.Status, it.StatusText = "abolished", "đã bãi bỏ theo "+by.Number.String()+fromDate(by.EffectiveDate())
		case ab:
			it.Status, it.StatusText = "abolished", "đã bãi bỏ"
		case by != nil:
			it.Status, it.StatusText = "in-force", "đang thực hiện (sẽ bị bãi bỏ theo "+by.Number.String()+fromDate(by.EffectiveDate())+")"
		default:
			it.Status, it.StatusText = "in-force", "đang thực hiện"
		}
	case *qms.Process:
		it.Status, it.StatusText = b.processStatus(x)
	}
	return it
}

func (b *impactBuilder) processStatus(p *qms.Process) (string, string) {
	rev := fmt.Sprintf("lần ban hành %d", p.Revision)
	switch p.Status {
	case qms.StatusDraft:
		return "draft", "dự thảo"
	case qms.StatusAbolished:
		var by *qms.Decision
		if p.AbolishedBy != nil && p.AbolishedBy.Valid() {
			by = b.c.Lookup(p.AbolishedBy.Ref)
		}
		if by == nil {
			return "abolished", "đã bãi bỏ"
		}
		if by.EffectiveDate().After(b.asOf) {
			return "active", "đang áp dụng, " + rev + " (sẽ bị bãi bỏ theo " + by.Number.String() + fromDate(by.EffectiveDate()) + ")"
		}
		return "abolished", "đã bãi bỏ theo " + by.Number.String() + fromDate(by.EffectiveDate())
	}
	if p.Effective.After(b.asOf) {
		return "not-yet-effective", "chưa có hiệu lực (" + rev + " hiệu lực" + fromDate(p.Effective) + ")"
	}
	return "active", "đang áp dụng, " + rev + fromDate(p.Effective)
}

// sortItems orders items by ID.
func sortItems(items []Item) {
	sortByID(items, func(it Item) (string, string) { return it.ID, it.Path })
}

// sortByID orders s by ID (Vietnamese collation, digits compared as
// numbers), then by path.
func sortByID[T any](s []T, key func(T) (id, path string)) {
	col := collate.New(language.Vietnamese, collate.Numeric)
	sort.SliceStable(s, func(i, j int) bool {
		a, ap := key(s[i])
		b, bp := key(s[j])
		if r := col.CompareString(a, b); r != 0 {
			return r < 0
		}
		return ap < bp
	})
}

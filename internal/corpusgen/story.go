package corpusgen

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// change of one file in a commit: content "" deletes path.
type change struct {
	path, content string
}

// pr is an open side branch.
type pr struct {
	num     int
	name    string
	tip     int      // mark of the branch tip
	base    snapshot // main when the branch was made
	work    snapshot // the branch's documents
	changed map[string]bool
}

// story writes the history as a git fast-import stream.
type story struct {
	*gen
	w        *bufio.Writer
	mark     int
	registry []string // every id ever created, in creation order
	stats    Stats
}

// commit writes one commit and returns its mark.
func (s *story) commit(ref string, from, merge int, changes []change, author, msg string) int {
	s.mark++
	s.now = s.now.Add(time.Duration(1+s.r.Intn(600)) * time.Minute)
	ts := fmt.Sprintf("%d +0700", s.now.Unix())
	fmt.Fprintf(s.w, "commit %s\nmark :%d\nauthor %s %s\ncommitter %s %s\ndata %d\n%s\n", ref, s.mark, author, ts, author, ts, len(msg), msg)
	if from > 0 {
		fmt.Fprintf(s.w, "from :%d\n", from)
	}
	if merge > 0 {
		fmt.Fprintf(s.w, "merge :%d\n", merge)
		s.stats.Merges++
	}
	for _, c := range changes {
		if c.content == "" {
			fmt.Fprintf(s.w, "D %s\n", c.path)
			continue
		}
		fmt.Fprintf(s.w, "M 100644 inline %s\ndata %d\n%s\n", c.path, len(c.content), c.content)
	}
	s.w.WriteString("\n")
	s.stats.Commits++
	return s.mark
}

func (s *story) today() qms.Date { return qms.DateOf(s.now) }

// pick returns the id of a document of snap satisfying keep: half of the
// time among the oldest tenth of all documents (the often edited ones),
// else uniformly; "" when none was found in a bounded number of tries.
func (s *story) pick(snap snapshot, keep func(*doc) bool) string {
	for try := 0; try < 64; try++ {
		n := len(s.registry)
		if s.r.Intn(2) == 0 {
			n = n/10 + 1
		}
		id := s.registry[s.r.Intn(n)]
		if d, ok := snap[id]; ok && keep(d) {
			return id
		}
	}
	return ""
}

func anyDoc(*doc) bool { return true }

// edit returns a changed copy of d.
func (s *story) edit(d *doc) *doc {
	c := d.clone()
	c.version++
	c.paras[s.r.Intn(len(c.paras))] = s.t.para()
	switch c.kind {
	case qms.KindProcess:
		c.revision++
		if t := s.today(); t.After(c.effective) {
			c.effective = t
		}
		c.approvedBy = s.approvalBy(c.effective)
		if len(c.steps) > 2 {
			i := 1 + s.r.Intn(len(c.steps)-2)
			c.steps[i].action = s.t.title(6 + s.r.Intn(6))
		}
	case qms.KindProcedure:
		if s.r.Intn(3) == 0 {
			c.fee = fmt.Sprintf("%d.000 đồng/hồ sơ", 50*(1+s.r.Intn(20)))
		}
	}
	return c
}

// move returns a copy of d in another sub-folder it has never been in, or
// nil when there is none.
func (s *story) move(d *doc) *doc {
	var subs []string
	switch d.kind {
	case qms.KindProcess:
		for _, u := range units {
			subs = append(subs, u.Slug)
		}
	case qms.KindProcedure:
		for _, f := range fields {
			subs = append(subs, f.Slug)
		}
	default:
		return nil
	}
	var free []int
	for i, sub := range subs {
		used := false
		for _, u := range s.used[d.id] {
			used = used || u == sub
		}
		if !used {
			free = append(free, i)
		}
	}
	if len(free) == 0 {
		return nil
	}
	i := free[s.r.Intn(len(free))]
	c := s.edit(d)
	c.sub = subs[i]
	if c.kind == qms.KindProcess {
		c.unit = i
	} else {
		c.field = i
	}
	s.used[d.id] = append(s.used[d.id], c.sub)
	return c
}

// makeChanges changes snap (a branch's documents) for one commit and
// returns the file changes, the message and the ids touched.
func (s *story) makeChanges(snap snapshot, addsLeft *int, remaining int) ([]change, string, []string) {
	x := s.r.Float64()
	switch {
	case *addsLeft > 0 && s.r.Intn(remaining+1) < *addsLeft*2:
		*addsLeft--
		var d *doc
		if s.r.Intn(2) == 0 {
			d = s.decision("other", s.today())
		} else if pid := s.pick(snap, func(d *doc) bool { return d.kind == qms.KindProcedure }); pid != "" {
			d = s.process(snap[pid], s.today())
		} else {
			d = s.decision("other", s.today())
		}
		snap[d.id] = d
		s.used[d.id] = []string{d.sub}
		s.registry = append(s.registry, d.id)
		return []change{{d.path(), d.render()}}, "Thêm " + d.id + "\n", []string{d.id}
	case x < s.opt.Renames:
		id := s.pick(snap, func(d *doc) bool { return d.kind != qms.KindDecision })
		if id == "" {
			break
		}
		old := snap[id]
		d := s.move(old)
		if d == nil {
			break
		}
		snap[id] = d
		s.stats.Renames++
		what := "lĩnh vực " + fields[d.field].Name
		if d.kind == qms.KindProcess {
			what = units[d.unit].Name
		}
		return []change{{old.path(), ""}, {d.path(), d.render()}}, "Chuyển " + id + " sang " + what + "\n", []string{id}
	case x < s.opt.Renames+s.opt.Deletes:
		id := s.pick(snap, func(d *doc) bool { return d.kind == qms.KindDecision && !d.cited })
		if id == "" {
			break
		}
		old := snap[id]
		delete(snap, id)
		s.stats.Deletes++
		return []change{{old.path(), ""}}, "Xóa văn bản " + id + " (không còn dùng)\n", []string{id}
	}
	k := []int{1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5}[s.r.Intn(16)]
	var ch []change
	var ids []string
	seen := map[string]bool{}
	var first *doc
	for i := 0; i < k; i++ {
		id := s.pick(snap, anyDoc)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		d := s.edit(snap[id])
		snap[id] = d
		ch = append(ch, change{d.path(), d.render()})
		ids = append(ids, id)
		if first == nil {
			first = d
		}
	}
	if first == nil {
		return nil, "", nil
	}
	msg := "Sửa đổi " + first.id
	if first.kind == qms.KindProcess {
		msg += fmt.Sprintf(" lần %d", first.revision)
	}
	msg += "\n"
	if s.r.Intn(3) == 0 {
		msg += "\n" + s.t.para() + "\n"
	}
	if first.kind == qms.KindProcess {
		msg += fmt.Sprintf("\nApproved-by: Giám đốc Sở (%s)\nChange-reason: %s\n", first.approvedBy.id, reasons[s.r.Intn(len(reasons))])
	}
	return ch, msg, ids
}

// merge brings pull request p into main and returns the merge's changes.
// Where main changed a document too, the merge resolves the conflict: it
// keeps the branch's text at main's path (when only main moved it) or, half
// of the time, makes a new revision of it (a resolution that differs from
// both parents).
func (s *story) merge(main snapshot, p *pr) []change {
	ids := make([]string, 0, len(p.changed))
	for id := range p.changed {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var ch []change
	for _, id := range ids {
		md, bd := main[id], p.work[id]
		if md == bd {
			continue
		}
		if md != nil && bd != nil && md != p.base[id] {
			if bb := p.base[id]; bb != nil && bd.sub == bb.sub && md.sub != bb.sub {
				c := bd.clone()
				c.sub, c.unit, c.field = md.sub, md.unit, md.field
				bd = c
			} else if s.r.Intn(2) == 0 {
				bd = s.edit(bd)
			}
		}
		if md != nil && (bd == nil || md.path() != bd.path()) {
			ch = append(ch, change{md.path(), ""})
		}
		if bd == nil {
			delete(main, id)
			continue
		}
		main[id] = bd
		ch = append(ch, change{bd.path(), bd.render()})
	}
	return ch
}

// run writes the whole history.
func (s *story) run() {
	n, m := s.opt.Docs, s.opt.Commits
	adds := min(m/4, n/5)
	main := s.initial(n - adds)
	ids := main.sortedIDs(anyDoc)
	s.registry = append(s.registry, ids...)
	var initial []change
	for _, id := range ids {
		initial = append(initial, change{main[id].path(), main[id].render()})
	}
	head := s.commit("refs/heads/main", 0, 0, initial, authors[0], "Nhập sổ tay chất lượng hiện hành\n")
	addsLeft := adds
	var prs []*pr
	prSeq := 0
	for s.stats.Commits < m {
		author := authors[s.r.Intn(len(authors))]
		remaining := m - s.stats.Commits
		if len(prs) > 0 && (s.r.Intn(3) == 0 || remaining <= len(prs)) {
			i := s.r.Intn(len(prs))
			p := prs[i]
			prs = append(prs[:i], prs[i+1:]...)
			ch := s.merge(main, p)
			msg := fmt.Sprintf("Merge pull request #%d from %s\n", p.num, p.name)
			head = s.commit("refs/heads/main", head, p.tip, ch, author, msg)
			continue
		}
		if s.r.Float64() < s.opt.PR && remaining > 2 {
			var p *pr
			if len(prs) > 0 && s.r.Intn(2) == 0 {
				p = prs[s.r.Intn(len(prs))]
			} else if len(prs) < 3 {
				prSeq++
				p = &pr{num: prSeq, name: fmt.Sprintf("pr-%d", prSeq), tip: head, base: main.clone(), changed: map[string]bool{}}
				p.work = p.base.clone()
				prs = append(prs, p)
			}
			if p != nil {
				ch, msg, touched := s.makeChanges(p.work, &addsLeft, remaining)
				if ch == nil {
					continue
				}
				for _, id := range touched {
					p.changed[id] = true
				}
				p.tip = s.commit("refs/heads/"+p.name, p.tip, 0, ch, author, msg)
				continue
			}
		}
		ch, msg, _ := s.makeChanges(main, &addsLeft, remaining)
		if ch == nil {
			continue
		}
		head = s.commit("refs/heads/main", head, 0, ch, author, msg)
	}
	s.stats.Docs = len(main)
	s.stats.Head = map[string]string{}
	for _, d := range main {
		s.stats.Head[d.path()] = d.render()
	}
}

// WriteStream writes the generated history as a `git fast-import` stream
// (branch main; side branches pr-N are merged into it).
func WriteStream(w io.Writer, opt Options) (Stats, error) {
	opt = opt.withDefaults()
	if opt.Commits < 1 {
		return Stats{}, fmt.Errorf("corpusgen: cần ít nhất 1 commit")
	}
	s := &story{gen: newGen(opt), w: bufio.NewWriterSize(w, 1<<20)}
	s.run()
	if err := s.w.Flush(); err != nil {
		return Stats{}, err
	}
	return s.stats, nil
}

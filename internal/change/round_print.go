package change

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// roundList is one list of a round with its Vietnamese heading.
type roundList struct {
	key, title string
	items      []RoundItem
}

func (r *Round) lists() []roundList {
	return []roundList{
		{"processes_new", "Quy trình xây dựng mới", r.ProcessesNew},
		{"processes_amended", "Quy trình sửa đổi, bổ sung", r.ProcessesAmended},
		{"processes_abolished", "Quy trình bãi bỏ", r.ProcessesAbolished},
		{"procedures_added", "Thủ tục hành chính bổ sung", r.ProceduresAdded},
		{"procedures_abolished", "Thủ tục hành chính bãi bỏ", r.ProceduresAbolished},
		{"decisions_added", "Văn bản mới", r.DecisionsAdded},
	}
}

// Summary is the round in one Vietnamese sentence, the way the Department
// reports it.
func (r *Round) Summary() string {
	return fmt.Sprintf("%d quy trình được ban hành: %d xây dựng mới, %d sửa đổi, bổ sung; %d quy trình bãi bỏ.",
		r.Promulgated(), len(r.ProcessesNew), len(r.ProcessesAmended), len(r.ProcessesAbolished))
}

// showCommit reports whether the commit is worth showing next to the ref:
// not when the ref is itself the (abbreviated) hash.
func (e End) showCommit() bool {
	return e.Commit != "" && !strings.HasPrefix(e.Ref, e.Commit) && !strings.HasPrefix(e.Commit, e.Ref)
}

// dated reports whether the end is a date (a round from the record)
// rather than a git revision.
func (e End) dated() bool { return e.Commit == "" && !e.Date.IsZero() }

func (e End) String() string {
	if e.dated() {
		return e.Date.VN()
	}
	s := e.Ref
	if e.showCommit() {
		s += " (" + e.Commit
		if !e.Date.IsZero() {
			s += ", " + e.Date.VN()
		}
		s += ")"
	}
	return s
}

func (it RoundItem) revisionNote() string {
	switch {
	case it.FromRevision > 0 && it.Revision > it.FromRevision:
		return fmt.Sprintf(" (lần ban hành %d → %d)", it.FromRevision, it.Revision)
	case it.FromRevision == 0 && it.Revision > 0:
		return fmt.Sprintf(" (lần ban hành %d)", it.Revision)
	}
	return ""
}

// WriteRoundText prints a round for the terminal.
func WriteRoundText(w io.Writer, r *Round) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Rà soát từ %s đến %s\n", r.From, r.To)
	fmt.Fprintf(&b, "%s\n", r.Summary())
	fmt.Fprintf(&b, "Thủ tục hành chính: %d bổ sung, %d bãi bỏ. Văn bản mới: %d.\n",
		len(r.ProceduresAdded), len(r.ProceduresAbolished), len(r.DecisionsAdded))
	for _, l := range r.lists() {
		if len(l.items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%d):\n", l.title, len(l.items))
		for _, it := range l.items {
			fmt.Fprintf(&b, "  %s  %s%s\n", it.ID, it.Title, it.revisionNote())
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteRoundMarkdown prints a round as GitHub-flavoured Markdown, ready to
// paste as a pull-request comment: a table of figures, the summary
// sentence and the lists.
func WriteRoundMarkdown(w io.Writer, r *Round) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### Kết quả rà soát hệ thống quản lý chất lượng\n\n")
	fmt.Fprintf(&b, "Từ %s đến %s.\n\n", mdCode(r.From), mdCode(r.To))
	b.WriteString("| Nội dung | Số lượng |\n|:--|--:|\n")
	fmt.Fprintf(&b, "| Quy trình được ban hành | %d |\n", r.Promulgated())
	fmt.Fprintf(&b, "| – xây dựng mới | %d |\n", len(r.ProcessesNew))
	fmt.Fprintf(&b, "| – sửa đổi, bổ sung | %d |\n", len(r.ProcessesAmended))
	fmt.Fprintf(&b, "| Quy trình bãi bỏ | %d |\n", len(r.ProcessesAbolished))
	fmt.Fprintf(&b, "| Thủ tục hành chính bổ sung | %d |\n", len(r.ProceduresAdded))
	fmt.Fprintf(&b, "| Thủ tục hành chính bãi bỏ | %d |\n", len(r.ProceduresAbolished))
	fmt.Fprintf(&b, "| Văn bản mới | %d |\n", len(r.DecisionsAdded))
	fmt.Fprintf(&b, "\n**%s**\n", r.Summary())
	for _, l := range r.lists() {
		if len(l.items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n#### %s (%d)\n\n", l.title, len(l.items))
		for _, it := range l.items {
			fmt.Fprintf(&b, "- `%s` %s%s\n", strings.ReplaceAll(it.ID, "`", "'"), mdEscape(it.Title), it.revisionNote())
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCode(e End) string {
	if e.dated() {
		return e.Date.VN()
	}
	s := "`" + strings.ReplaceAll(e.Ref, "`", "'") + "`"
	if e.showCommit() {
		s += " (" + e.Commit
		if !e.Date.IsZero() {
			s += ", " + e.Date.VN()
		}
		s += ")"
	}
	return s
}

// mdEscape escapes the characters that would turn a title into Markdown
// or HTML.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|#~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

type jsonEnd struct {
	Ref    string `json:"ref"`
	Commit string `json:"commit,omitempty"`
	Date   string `json:"date,omitempty"`
}

func (e End) json() jsonEnd { return jsonEnd{e.Ref, e.Commit, e.Date.String()} }

// WriteRoundJSON prints a round as one JSON object with the counts and the
// lists.
func WriteRoundJSON(w io.Writer, r *Round) error {
	type counts struct {
		New       int `json:"new"`
		Amended   int `json:"amended"`
		Abolished int `json:"abolished"`
		Total     int `json:"promulgated"`
	}
	out := struct {
		From       jsonEnd                `json:"from"`
		To         jsonEnd                `json:"to"`
		Processes  counts                 `json:"processes"`
		Procedures map[string]int         `json:"procedures"`
		Decisions  map[string]int         `json:"decisions"`
		Summary    string                 `json:"summary"`
		Items      map[string][]RoundItem `json:"items"`
	}{
		From: r.From.json(), To: r.To.json(),
		Processes:  counts{len(r.ProcessesNew), len(r.ProcessesAmended), len(r.ProcessesAbolished), r.Promulgated()},
		Procedures: map[string]int{"added": len(r.ProceduresAdded), "abolished": len(r.ProceduresAbolished)},
		Decisions:  map[string]int{"added": len(r.DecisionsAdded)},
		Summary:    r.Summary(),
		Items:      map[string][]RoundItem{},
	}
	for _, l := range r.lists() {
		items := l.items
		if items == nil {
			items = []RoundItem{}
		}
		out.Items[l.key] = items
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

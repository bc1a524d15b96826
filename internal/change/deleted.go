package change

import "github.com/snnptnt-nghean/qms/internal/qms"

// deleted runs CC003: base documents whose file is gone and whose identity
// lives on nowhere.
func (c *comparison) deleted() {
	replaced := map[qms.Document]bool{}
	for _, b := range c.pairs.inPlace {
		replaced[b] = true
	}
	for _, b := range withID(c.base.Corpus.Documents()) {
		if c.pairs.toHead[b] != nil || replaced[b] {
			continue
		}
		p := b.Base().Path
		if c.head.Files[p] {
			if c.headAt[p] == nil {
				continue // present but unreadable: the loader reports it
			}
		}
		c.report(Deleted, qms.Pos{Path: p}, "%s %s (tệp %s ở %s) đã bị xóa; %s",
			kindNoun(b), b.ID(), p, c.baseName(), keepAdvice(b))
	}
}

func kindNoun(d qms.Document) string {
	switch d.Base().Kind {
	case qms.KindProcess:
		return "quy trình"
	case qms.KindProcedure:
		return "thủ tục"
	}
	return "văn bản"
}

// keepAdvice says how a document of d's kind is kept and marked instead.
func keepAdvice(d qms.Document) string {
	switch d.Base().Kind {
	case qms.KindProcess:
		return "quy trình thôi áp dụng phải được giữ lại với status: abolished và abolished_by (ISO 9001 mục 7.5.3)"
	case qms.KindProcedure:
		return "thủ tục bị bãi bỏ phải được giữ lại với abolished_by: quyết định bãi bỏ"
	}
	return "văn bản hết hiệu lực phải được giữ lại; tình trạng của nó được suy ra từ supersedes của văn bản thay thế, repealed hoặc expires"
}

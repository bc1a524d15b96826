package change

import "github.com/snnptnt-nghean/qms/internal/qms"

// idChanged runs CC004: a document whose identity changed in its file.
func (c *comparison) idChanged() {
	for _, h := range withID(c.head.Corpus.Documents()) {
		b := c.pairs.inPlace[h]
		if b == nil {
			continue
		}
		key := "code"
		if h.Base().Kind == qms.KindDecision {
			key = "number"
		}
		c.report(IDChanged, h.Base().At(key),
			"định danh của %s trong tệp %s đã đổi từ %s (ở %s) thành %s; giữ tài liệu cũ và tạo tài liệu mới thay vì sửa định danh",
			kindNoun(h), h.Base().Path, b.ID(), c.baseName(), h.ID())
	}
}

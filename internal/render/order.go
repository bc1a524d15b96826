package render

import (
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator sorts Vietnamese text. A collator keeps buffers: use one per
// goroutine.
type collator struct {
	text *collate.Collator // names and titles
	code *collate.Collator // codes: digits compared as numbers
}

func newCollator() *collator {
	return &collator{
		text: collate.New(language.Vietnamese),
		code: collate.New(language.Vietnamese, collate.Numeric),
	}
}

// less orders a and b alphabetically, Vietnamese style, with a byte-wise
// tie-break so that the order is total.
func (c *collator) less(a, b string) bool {
	if r := c.text.CompareString(a, b); r != 0 {
		return r < 0
	}
	return a < b
}

// lessCode orders codes with numeric runs compared as numbers.
func (c *collator) lessCode(a, b string) bool {
	if r := c.code.CompareString(a, b); r != 0 {
		return r < 0
	}
	return a < b
}

// sortStrings sorts names alphabetically.
func (c *collator) sortStrings(s []string) {
	sort.SliceStable(s, func(i, j int) bool { return c.less(s[i], s[j]) })
}

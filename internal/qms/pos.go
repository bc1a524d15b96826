package qms

import "fmt"

// Pos is a position in a content file: Path is relative to the content root
// and '/'-separated; Line and Col are 1-based (Col counts runes). A zero Line
// means "the whole file".
type Pos struct {
	Path string
	Line int
	Col  int
}

// String formats p as path:line:col, the shape editors and CI parse.
func (p Pos) String() string {
	if p.Line <= 0 {
		return p.Path + ":1:1"
	}
	c := p.Col
	if c <= 0 {
		c = 1
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, c)
}

// Less orders positions by path, line, then column.
func (p Pos) Less(q Pos) bool {
	if p.Path != q.Path {
		return p.Path < q.Path
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

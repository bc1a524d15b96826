package build

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// This file reads the text of a PDF with where each piece of it is on its
// page: enough to check the layout of a page that Chromium printed (Skia's
// PDF writer), not a general PDF reader. It reads a classic cross-reference
// table, FlateDecode streams, Type0 fonts with two-byte codes and simple
// fonts with one-byte codes, their widths and ToUnicode maps, and the text
// operators of content streams with the graphics state's matrices.

// pdfRun is the text of one text-showing operator (Tj or TJ) and the box its
// glyphs occupy, in points from the page's top-left corner: from the left of
// the first glyph to the end of the last one's advance, and from the font's
// ascent above the baseline to its descent below.
type pdfRun struct {
	Text        string
	X0, X1      float64
	Top, Bottom float64
	Base        float64 // the baseline
	Size        float64 // the font size on the page, in points
}

// pdfPage is a page's size in points and its text.
type pdfPage struct {
	Width, Height float64
	Runs          []pdfRun
}

// pdfLine is text that lies on one baseline, without a gap wider than a
// few spaces: runs joined in reading order, with the box around them.
type pdfLine = pdfRun

// lines joins the page's runs into lines: runs on the same baseline whose
// boxes are less than two font sizes apart horizontally. Text on one baseline
// with a wider gap (a left and a right footer, say) makes two lines.
func (p pdfPage) lines() []pdfLine {
	runs := append([]pdfRun(nil), p.Runs...)
	base := func(r pdfRun) float64 { return r.Base }
	sort.SliceStable(runs, func(i, j int) bool {
		if d := base(runs[i]) - base(runs[j]); math.Abs(d) > 0.5 {
			return d < 0
		}
		return runs[i].X0 < runs[j].X0
	})
	var out []pdfLine
	for _, r := range runs {
		if n := len(out); n > 0 {
			l := &out[n-1]
			if math.Abs(base(*l)-base(r)) <= 0.5 && r.X0-l.X1 < 2*math.Max(l.Size, r.Size) {
				if r.X0-l.X1 > 0.2*r.Size && !strings.HasSuffix(l.Text, " ") && !strings.HasPrefix(r.Text, " ") {
					l.Text += " "
				}
				l.Text += r.Text
				l.X1 = math.Max(l.X1, r.X1)
				l.Top = math.Min(l.Top, r.Top)
				l.Bottom = math.Max(l.Bottom, r.Bottom)
				l.Size = math.Max(l.Size, r.Size)
				continue
			}
		}
		out = append(out, r)
	}
	for i := range out {
		out[i].Text = strings.TrimSpace(out[i].Text)
	}
	return out
}

// Values of the PDF object syntax.
type (
	pdfName   string
	pdfRef    struct{ Num, Gen int }
	pdfDict   map[pdfName]any
	pdfArray  []any
	pdfString []byte
	pdfOp     string // a keyword: an operator of a content stream
	pdfStream struct {
		Dict pdfDict
		Data []byte // as stored, before the filters
	}
)

// pdfFile is a parsed PDF: its objects' offsets from the cross-reference
// table, and the objects read so far.
type pdfFile struct {
	data    []byte
	offsets map[int]int
	objects map[int]any
	trailer pdfDict
}

// readPDFText returns the pages of a PDF with their text.
func readPDFText(data []byte) ([]pdfPage, error) {
	f := &pdfFile{data: data, offsets: map[int]int{}, objects: map[int]any{}}
	if err := f.readXref(); err != nil {
		return nil, err
	}
	root, ok := f.resolve(f.trailer["Root"]).(pdfDict)
	if !ok {
		return nil, errors.New("pdf: no catalog")
	}
	var pages []pdfPage
	var walk func(node pdfDict, inherited pdfDict, depth int) error
	walk = func(node pdfDict, inherited pdfDict, depth int) error {
		if depth > 32 {
			return errors.New("pdf: page tree too deep")
		}
		attrs := pdfDict{}
		for k, v := range inherited {
			attrs[k] = v
		}
		for _, k := range []pdfName{"Resources", "MediaBox"} {
			if v, ok := node[k]; ok {
				attrs[k] = v
			}
		}
		if node["Type"] == pdfName("Page") {
			p, err := f.page(node, attrs)
			if err != nil {
				return fmt.Errorf("pdf: page %d: %w", len(pages)+1, err)
			}
			pages = append(pages, p)
			return nil
		}
		kids, _ := f.resolve(node["Kids"]).(pdfArray)
		for _, k := range kids {
			kid, ok := f.resolve(k).(pdfDict)
			if !ok {
				return errors.New("pdf: a page tree node is not a dictionary")
			}
			if err := walk(kid, attrs, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	top, ok := f.resolve(root["Pages"]).(pdfDict)
	if !ok {
		return nil, errors.New("pdf: no page tree")
	}
	if err := walk(top, nil, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// readXref reads the cross-reference table that startxref points to, and
// the trailer after it.
func (f *pdfFile) readXref() error {
	i := bytes.LastIndex(f.data, []byte("startxref"))
	if i < 0 {
		return errors.New("pdf: no startxref")
	}
	p := &pdfParser{b: f.data, pos: i + len("startxref"), refs: true}
	v, err := p.value()
	off, ok := v.(float64)
	if err != nil || !ok || off < 0 || int(off) >= len(f.data) {
		return fmt.Errorf("pdf: bad startxref (%v)", err)
	}
	p.pos = int(off)
	if kw, _ := p.value(); kw != pdfOp("xref") {
		return errors.New("pdf: no classic cross-reference table (a cross-reference stream is not supported)")
	}
	for {
		v, err := p.value()
		if err != nil {
			return fmt.Errorf("pdf: xref: %w", err)
		}
		if v == pdfOp("trailer") {
			break
		}
		first, ok1 := v.(float64)
		c, _ := p.value()
		count, ok2 := c.(float64)
		if !ok1 || !ok2 {
			return errors.New("pdf: bad xref subsection")
		}
		for n := 0; n < int(count); n++ {
			o, _ := p.value()
			_, _ = p.value() // generation
			kind, _ := p.value()
			if off, ok := o.(float64); ok && kind == pdfOp("n") {
				f.offsets[int(first)+n] = int(off)
			}
		}
	}
	t, err := p.value()
	if err != nil {
		return fmt.Errorf("pdf: trailer: %w", err)
	}
	f.trailer, _ = t.(pdfDict)
	if f.trailer == nil {
		return errors.New("pdf: no trailer dictionary")
	}
	return nil
}

// resolve returns the object a reference points to (nil when it cannot be
// read), or v itself when it is not a reference.
func (f *pdfFile) resolve(v any) any {
	for depth := 0; depth < 8; depth++ {
		r, ok := v.(pdfRef)
		if !ok {
			return v
		}
		v = f.object(r.Num)
	}
	return nil
}

// object reads object num ("num gen obj ... endobj"), a stream included.
func (f *pdfFile) object(num int) any {
	if v, ok := f.objects[num]; ok {
		return v
	}
	f.objects[num] = nil // a cycle reads nil
	off, ok := f.offsets[num]
	if !ok || off >= len(f.data) {
		return nil
	}
	p := &pdfParser{b: f.data, pos: off, refs: true}
	for range 3 { // num gen obj
		if _, err := p.value(); err != nil {
			return nil
		}
	}
	v, err := p.value()
	if err != nil {
		return nil
	}
	if d, ok := v.(pdfDict); ok {
		save := p.pos
		if kw, _ := p.value(); kw == pdfOp("stream") {
			// the data starts after the end of line that follows "stream"
			if p.pos < len(p.b) && p.b[p.pos] == '\r' {
				p.pos++
			}
			if p.pos < len(p.b) && p.b[p.pos] == '\n' {
				p.pos++
			}
			n, _ := f.resolve(d["Length"]).(float64)
			if n < 0 || p.pos+int(n) > len(p.b) {
				return nil
			}
			v = pdfStream{Dict: d, Data: p.b[p.pos : p.pos+int(n)]}
		} else {
			p.pos = save
		}
	}
	f.objects[num] = v
	return v
}

// decode returns a stream's data with its filters applied.
func (f *pdfFile) decode(v any) ([]byte, error) {
	s, ok := f.resolve(v).(pdfStream)
	if !ok {
		return nil, errors.New("not a stream")
	}
	var filters []any
	switch fl := f.resolve(s.Dict["Filter"]).(type) {
	case nil:
	case pdfName:
		filters = []any{fl}
	case pdfArray:
		filters = fl
	}
	data := s.Data
	for _, fl := range filters {
		if f.resolve(fl) != pdfName("FlateDecode") {
			return nil, fmt.Errorf("filter %v not supported", fl)
		}
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		data, err = io.ReadAll(r)
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// pdfFont is what placing and reading a font's text needs.
type pdfFont struct {
	twoByte         bool
	toUnicode       map[uint32]string
	widths          map[uint32]float64 // in thousandths of the font size
	defaultWidth    float64
	ascent, descent float64 // thousandths; descent is negative
}

// font reads a font dictionary.
func (f *pdfFile) font(v any) (*pdfFont, error) {
	d, ok := f.resolve(v).(pdfDict)
	if !ok {
		return nil, errors.New("font is not a dictionary")
	}
	ft := &pdfFont{toUnicode: map[uint32]string{}, widths: map[uint32]float64{}, ascent: 800, descent: -200}
	descriptor := d["FontDescriptor"]
	switch f.resolve(d["Subtype"]) {
	case pdfName("Type0"):
		if enc := f.resolve(d["Encoding"]); enc != pdfName("Identity-H") {
			return nil, fmt.Errorf("Type0 encoding %v not supported", enc)
		}
		ft.twoByte = true
		desc, _ := f.resolve(d["DescendantFonts"]).(pdfArray)
		if len(desc) != 1 {
			return nil, errors.New("Type0 font without one descendant font")
		}
		cid, ok := f.resolve(desc[0]).(pdfDict)
		if !ok {
			return nil, errors.New("descendant font is not a dictionary")
		}
		descriptor = cid["FontDescriptor"]
		ft.defaultWidth = 1000
		if dw, ok := f.resolve(cid["DW"]).(float64); ok {
			ft.defaultWidth = dw
		}
		// W: c [w1 w2 ...] gives widths from c on; c1 c2 w gives one
		// width to the codes c1 to c2.
		w, _ := f.resolve(cid["W"]).(pdfArray)
		for i := 0; i < len(w); {
			c, _ := f.resolve(w[i]).(float64)
			if i+1 < len(w) {
				if list, ok := f.resolve(w[i+1]).(pdfArray); ok {
					for j, x := range list {
						ft.widths[uint32(c)+uint32(j)], _ = f.resolve(x).(float64)
					}
					i += 2
					continue
				}
			}
			if i+2 >= len(w) {
				return nil, errors.New("bad W array")
			}
			last, _ := f.resolve(w[i+1]).(float64)
			width, _ := f.resolve(w[i+2]).(float64)
			for code := c; code <= last && code-c < 1<<16; code++ {
				ft.widths[uint32(code)] = width
			}
			i += 3
		}
	default:
		first, _ := f.resolve(d["FirstChar"]).(float64)
		scale := 1.0 // Type3 widths are in glyph space
		if m, ok := f.resolve(d["FontMatrix"]).(pdfArray); ok && len(m) > 0 {
			if a, ok := f.resolve(m[0]).(float64); ok {
				scale = a * 1000
			}
		}
		ws, _ := f.resolve(d["Widths"]).(pdfArray)
		for i, x := range ws {
			w, _ := f.resolve(x).(float64)
			ft.widths[uint32(first)+uint32(i)] = w * scale
		}
	}
	if fd, ok := f.resolve(descriptor).(pdfDict); ok {
		if a, ok := f.resolve(fd["Ascent"]).(float64); ok && a > 0 {
			ft.ascent = a
		}
		if de, ok := f.resolve(fd["Descent"]).(float64); ok && de < 0 {
			ft.descent = de
		}
	}
	if tu := d["ToUnicode"]; tu != nil {
		cmap, err := f.decode(tu)
		if err != nil {
			return nil, fmt.Errorf("ToUnicode: %w", err)
		}
		if err := ft.readCMap(cmap); err != nil {
			return nil, fmt.Errorf("ToUnicode: %w", err)
		}
	}
	return ft, nil
}

// readCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func (ft *pdfFont) readCMap(data []byte) error {
	p := &pdfParser{b: data}
	var operands []any
	code := func(v any) uint32 {
		var c uint32
		for _, b := range v.(pdfString) {
			c = c<<8 | uint32(b)
		}
		return c
	}
	for {
		v, err := p.value()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		op, ok := v.(pdfOp)
		if !ok {
			operands = append(operands, v)
			continue
		}
		switch op {
		case "endbfchar":
			for i := 0; i+1 < len(operands); i += 2 {
				src, ok1 := operands[i].(pdfString)
				dst, ok2 := operands[i+1].(pdfString)
				if ok1 && ok2 {
					ft.toUnicode[code(src)] = utf16BE(dst)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands); i += 3 {
				lo, ok1 := operands[i].(pdfString)
				hi, ok2 := operands[i+1].(pdfString)
				if !ok1 || !ok2 {
					continue
				}
				switch dst := operands[i+2].(type) {
				case pdfString:
					u := []rune(utf16BE(dst))
					for c := code(lo); c <= code(hi) && len(u) > 0; c++ {
						ft.toUnicode[c] = string(u)
						u = append([]rune(nil), u...)
						u[len(u)-1]++
					}
				case pdfArray:
					for j, x := range dst {
						if s, ok := x.(pdfString); ok {
							ft.toUnicode[code(lo)+uint32(j)] = utf16BE(s)
						}
					}
				}
			}
		}
		operands = operands[:0]
	}
}

// utf16BE decodes UTF-16 big-endian text.
func utf16BE(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// pdfMatrix is an affine transformation [a b c d e f]: a point (x, y) maps
// to (a·x + c·y + e, b·x + d·y + f).
type pdfMatrix [6]float64

var pdfIdentity = pdfMatrix{1, 0, 0, 1, 0, 0}

// then returns m followed by n (m × n in the PDF reference's notation).
func (m pdfMatrix) then(n pdfMatrix) pdfMatrix {
	return pdfMatrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m pdfMatrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// page reads a page's size and the text of its content streams.
func (f *pdfFile) page(node, attrs pdfDict) (pdfPage, error) {
	var p pdfPage
	box, _ := f.resolve(attrs["MediaBox"]).(pdfArray)
	if len(box) != 4 {
		return p, errors.New("no MediaBox")
	}
	var mb [4]float64
	for i, v := range box {
		mb[i], _ = f.resolve(v).(float64)
	}
	p.Width, p.Height = mb[2]-mb[0], mb[3]-mb[1]
	res, _ := f.resolve(attrs["Resources"]).(pdfDict)
	fontDict, _ := f.resolve(res["Font"]).(pdfDict)
	fonts := map[pdfName]*pdfFont{}
	var content []byte
	contents := f.resolve(node["Contents"])
	parts, ok := contents.(pdfArray)
	if !ok {
		parts = pdfArray{node["Contents"]}
	}
	for _, part := range parts {
		b, err := f.decode(part)
		if err != nil {
			return p, fmt.Errorf("contents: %w", err)
		}
		content = append(append(content, b...), '\n')
	}

	type gstate struct {
		ctm                  pdfMatrix
		font                 *pdfFont
		size, leading        float64
		charSpace, wordSpace float64
		hscale, rise         float64
	}
	gs := gstate{ctm: pdfIdentity, hscale: 1}
	var stack []gstate
	var tm, tlm pdfMatrix
	num := func(ops []any, i int) float64 {
		if i < len(ops) {
			x, _ := ops[i].(float64)
			return x
		}
		return 0
	}
	// toPage maps a point of text space to the page, y from the top.
	toPage := func(x, y float64) (float64, float64) {
		px, py := tm.then(gs.ctm).apply(x, y)
		return px - mb[0], mb[3] - py
	}
	show := func(items []any) error {
		if gs.font == nil {
			return errors.New("text shown without a font")
		}
		ft := gs.font
		var text strings.Builder
		x0, _ := toPage(0, gs.rise)
		run := pdfRun{X0: x0, Top: math.Inf(1), Bottom: math.Inf(-1)}
		// the ascent and descent of the glyphs in text space
		asc, desc := ft.ascent/1000*gs.size+gs.rise, ft.descent/1000*gs.size+gs.rise
		for _, it := range items {
			switch it := it.(type) {
			case float64:
				tm = pdfMatrix{1, 0, 0, 1, -it / 1000 * gs.size * gs.hscale, 0}.then(tm)
			case pdfString:
				step := 1
				if ft.twoByte {
					step = 2
				}
				for i := 0; i+step <= len(it); i += step {
					var c uint32
					for _, b := range it[i : i+step] {
						c = c<<8 | uint32(b)
					}
					if u, ok := ft.toUnicode[c]; ok {
						text.WriteString(u)
					} else {
						text.WriteRune('\uFFFD')
					}
					for _, y := range []float64{asc, desc} {
						_, py := toPage(0, y)
						run.Top = math.Min(run.Top, py)
						run.Bottom = math.Max(run.Bottom, py)
					}
					w, ok := ft.widths[c]
					if !ok {
						w = ft.defaultWidth
					}
					tx := w/1000*gs.size + gs.charSpace
					if step == 1 && c == ' ' {
						tx += gs.wordSpace
					}
					tm = pdfMatrix{1, 0, 0, 1, tx * gs.hscale, 0}.then(tm)
				}
			}
		}
		if text.Len() == 0 {
			return nil
		}
		run.X1, _ = toPage(0, gs.rise)
		if run.X1 < run.X0 {
			run.X0, run.X1 = run.X1, run.X0
		}
		_, top := toPage(0, gs.size)
		_, run.Base = toPage(0, 0)
		run.Size = math.Abs(run.Base - top)
		run.Text = text.String()
		p.Runs = append(p.Runs, run)
		return nil
	}

	cp := &pdfParser{b: content}
	var ops []any
	for {
		v, err := cp.value()
		if err == io.EOF {
			break
		}
		if err != nil {
			return p, fmt.Errorf("content stream: %w", err)
		}
		op, ok := v.(pdfOp)
		if !ok {
			ops = append(ops, v)
			continue
		}
		switch op {
		case "q":
			stack = append(stack, gs)
		case "Q":
			if n := len(stack); n > 0 {
				gs, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			gs.ctm = pdfMatrix{num(ops, 0), num(ops, 1), num(ops, 2), num(ops, 3), num(ops, 4), num(ops, 5)}.then(gs.ctm)
		case "BT":
			tm, tlm = pdfIdentity, pdfIdentity
		case "Tf":
			name, _ := ops[0].(pdfName)
			ft, ok := fonts[name]
			if !ok {
				if ft, err = f.font(fontDict[name]); err != nil {
					return p, fmt.Errorf("font %s: %w", name, err)
				}
				fonts[name] = ft
			}
			gs.font, gs.size = ft, num(ops, 1)
		case "Tc":
			gs.charSpace = num(ops, 0)
		case "Tw":
			gs.wordSpace = num(ops, 0)
		case "Tz":
			gs.hscale = num(ops, 0) / 100
		case "TL":
			gs.leading = num(ops, 0)
		case "Ts":
			gs.rise = num(ops, 0)
		case "Tm":
			tlm = pdfMatrix{num(ops, 0), num(ops, 1), num(ops, 2), num(ops, 3), num(ops, 4), num(ops, 5)}
			tm = tlm
		case "Td", "TD":
			if op == "TD" {
				gs.leading = -num(ops, 1)
			}
			tlm = pdfMatrix{1, 0, 0, 1, num(ops, 0), num(ops, 1)}.then(tlm)
			tm = tlm
		case "T*", "'", "\"":
			if op == "\"" {
				gs.wordSpace, gs.charSpace = num(ops, 0), num(ops, 1)
			}
			tlm = pdfMatrix{1, 0, 0, 1, 0, -gs.leading}.then(tlm)
			tm = tlm
			if op != "T*" && len(ops) > 0 {
				err = show(ops[len(ops)-1:])
			}
		case "Tj":
			err = show(ops)
		case "TJ":
			if len(ops) > 0 {
				items, _ := ops[len(ops)-1].(pdfArray)
				err = show(items)
			}
		case "BI":
			return p, errors.New("inline images are not supported")
		}
		if err != nil {
			return p, err
		}
		ops = ops[:0]
	}
	return p, nil
}

// pdfParser reads values of the PDF syntax from b at pos. With refs,
// "n g R" reads as a reference (in objects; content streams have none).
type pdfParser struct {
	b    []byte
	pos  int
	refs bool
}

func isPDFSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isPDFDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

// skip skips white space and comments.
func (p *pdfParser) skip() {
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		switch {
		case isPDFSpace(c):
			p.pos++
		case c == '%':
			for p.pos < len(p.b) && p.b[p.pos] != '\n' && p.b[p.pos] != '\r' {
				p.pos++
			}
		default:
			return
		}
	}
}

// token reads a run of regular characters.
func (p *pdfParser) token() string {
	start := p.pos
	for p.pos < len(p.b) && !isPDFSpace(p.b[p.pos]) && !isPDFDelim(p.b[p.pos]) {
		p.pos++
	}
	return string(p.b[start:p.pos])
}

// value reads the next value; io.EOF at the end of the input.
func (p *pdfParser) value() (any, error) {
	p.skip()
	if p.pos >= len(p.b) {
		return nil, io.EOF
	}
	switch c := p.b[p.pos]; {
	case c == '/':
		p.pos++
		name := p.token()
		for i := strings.IndexByte(name, '#'); i >= 0 && i+2 < len(name); i = strings.IndexByte(name, '#') {
			x, err := strconv.ParseUint(name[i+1:i+3], 16, 8)
			if err != nil {
				break
			}
			name = name[:i] + string(rune(x)) + name[i+3:]
		}
		return pdfName(name), nil
	case c == '<' && p.pos+1 < len(p.b) && p.b[p.pos+1] == '<':
		p.pos += 2
		d := pdfDict{}
		for {
			p.skip()
			if p.pos+1 < len(p.b) && p.b[p.pos] == '>' && p.b[p.pos+1] == '>' {
				p.pos += 2
				return d, nil
			}
			k, err := p.value()
			if err != nil {
				return nil, err
			}
			key, ok := k.(pdfName)
			if !ok {
				return nil, fmt.Errorf("dictionary key %v at %d is not a name", k, p.pos)
			}
			if d[key], err = p.value(); err != nil {
				return nil, err
			}
		}
	case c == '<':
		end := bytes.IndexByte(p.b[p.pos:], '>')
		if end < 0 {
			return nil, errors.New("unterminated hex string")
		}
		var hex []byte
		for _, h := range p.b[p.pos+1 : p.pos+end] {
			if !isPDFSpace(h) {
				hex = append(hex, h)
			}
		}
		p.pos += end + 1
		if len(hex)%2 == 1 {
			hex = append(hex, '0')
		}
		s := make(pdfString, len(hex)/2)
		for i := range s {
			x, err := strconv.ParseUint(string(hex[2*i:2*i+2]), 16, 8)
			if err != nil {
				return nil, fmt.Errorf("hex string: %w", err)
			}
			s[i] = byte(x)
		}
		return s, nil
	case c == '(':
		return p.literal()
	case c == '[':
		p.pos++
		var a pdfArray
		for {
			p.skip()
			if p.pos < len(p.b) && p.b[p.pos] == ']' {
				p.pos++
				return a, nil
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == '{' || c == '}' || c == ']' || c == ')' || c == '>':
		p.pos++
		return pdfOp(string(c)), nil
	}
	tok := p.token()
	if tok == "" {
		return nil, fmt.Errorf("unexpected byte %q at %d", p.b[p.pos], p.pos)
	}
	if x, err := strconv.ParseFloat(tok, 64); err == nil {
		if p.refs && !strings.ContainsAny(tok, ".+-") {
			// "num gen R"?
			save := p.pos
			p.skip()
			gen := p.token()
			p.skip()
			if g, err := strconv.Atoi(gen); err == nil && p.token() == "R" {
				return pdfRef{Num: int(x), Gen: g}, nil
			}
			p.pos = save
		}
		return x, nil
	}
	switch tok {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return pdfOp(tok), nil
}

// literal reads a (string) with its escapes and balanced parentheses.
func (p *pdfParser) literal() (pdfString, error) {
	p.pos++ // (
	var s pdfString
	depth := 1
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return s, nil
			}
		case '\\':
			if p.pos >= len(p.b) {
				return nil, errors.New("unterminated string")
			}
			e := p.b[p.pos]
			p.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n': // a line continuation
				if e == '\r' && p.pos < len(p.b) && p.b[p.pos] == '\n' {
					p.pos++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '7'; k++ {
						v = v*8 + int(p.b[p.pos]-'0')
						p.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		s = append(s, c)
	}
	return nil, errors.New("unterminated string")
}

package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// Load reads every document under processes/, procedures/ and decisions/ of
// fsys (whose root is the content root) and returns the indexed corpus and
// the loader's diagnostics, sorted. A missing folder is not an error.
func Load(fsys fs.FS) (*qms.Corpus, []qms.Diagnostic) {
	c := &qms.Corpus{}
	var diags []qms.Diagnostic
	for _, k := range qms.Kinds {
		var files []string
		err := fs.WalkDir(fsys, k.Dir(), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == k.Dir() && isNotExist(err) {
					return fs.SkipDir
				}
				diags = append(diags, diag(qms.Pos{Path: p}, qms.Error, idEncoding, "không đọc được: %v", err))
				return nil
			}
			if d.IsDir() {
				if p != k.Dir() && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if path.Ext(p) != ".md" {
				if !strings.EqualFold(path.Ext(p), ".md") {
					return nil // attachments and other files are not documents
				}
				diags = append(diags, diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idFolder,
					"phần mở rộng phải viết thường \".md\" để được nạp như một tài liệu"))
				return nil
			}
			files = append(files, p)
			return nil
		})
		if err != nil && !isNotExist(err) {
			diags = append(diags, diag(qms.Pos{Path: k.Dir()}, qms.Error, idEncoding, "không đọc được thư mục: %v", err))
		}
		sort.Strings(files)
		for _, r := range parseAll(fsys, files) {
			diags = append(diags, r.diags...)
			c.Add(r.doc)
		}
	}
	c.Index()
	return c, qms.SortDiagnostics(diags)
}

// parsed is one file's result in parseAll.
type parsed struct {
	doc   qms.Document
	diags []qms.Diagnostic
}

// parseAll reads and parses files on one goroutine per CPU and returns
// the results in the order of files, so that the corpus and its
// diagnostics do not depend on scheduling.
func parseAll(fsys fs.FS, files []string) []parsed {
	out := make([]parsed, len(files))
	workers := min(runtime.GOMAXPROCS(0), (len(files)+63)/64)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				p := files[i]
				data, err := fs.ReadFile(fsys, p)
				if err != nil {
					out[i].diags = []qms.Diagnostic{diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idEncoding, "không đọc được tệp: %v", err)}
					continue
				}
				out[i].doc, out[i].diags = ParseFile(p, data)
			}
		})
	}
	wg.Wait()
	return out
}

// LoadDir loads the content root directory root. It fails only when root
// itself cannot be read.
func LoadDir(root string) (*qms.Corpus, []qms.Diagnostic, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", root, err)
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("load %s: not a directory", root)
	}
	c, ds := Load(os.DirFS(root))
	return c, ds, nil
}

func isNotExist(err error) bool {
	return err != nil && (os.IsNotExist(err) || strings.Contains(err.Error(), "file does not exist"))
}

// ParseFile parses one document. path is relative to the content root and
// decides the kind (its first element); data is the file's bytes. It
// returns nil when the file's front matter cannot be read at all. The
// document keeps data (its Source and Body share it), so the caller must
// not modify data afterwards.
func ParseFile(p string, data []byte) (qms.Document, []qms.Diagnostic) {
	return ParseFileOptions(p, data, ParseOptions{})
}

// ParseOptions changes what ParseFileOptions does.
type ParseOptions struct {
	// NoLinks leaves Doc.Links nil instead of parsing the body to find
	// them: for a past revision of a document, which is shown but not
	// checked.
	NoLinks bool
}

// ParseFileOptions is ParseFile with options.
func ParseFileOptions(p string, data []byte, o ParseOptions) (qms.Document, []qms.Diagnostic) {
	var diags []qms.Diagnostic
	dir, _, _ := strings.Cut(p, "/")
	kind := qms.KindOfDir(dir)
	if kind == 0 {
		return nil, []qms.Diagnostic{diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idFolder,
			"tài liệu phải nằm trong processes/, procedures/ hoặc decisions/")}
	}
	valid, plain := scanText(bytes.TrimPrefix(data, []byte("\ufeff")))
	if !valid {
		line, col := firstInvalidUTF8(data)
		return nil, []qms.Diagnostic{diag(qms.Pos{Path: p, Line: line, Col: col}, qms.Error, idEncoding,
			"tệp không phải UTF-8 hợp lệ; hãy lưu lại với bảng mã UTF-8")}
	}
	src := normalize(data, plain)
	fm, ok := splitFrontMatter(p, src, &diags)
	if !ok {
		return nil, diags
	}
	base := qms.Doc{
		Kind:     kind,
		Path:     p,
		Stem:     strings.TrimSuffix(path.Base(p), ".md"),
		Body:     fm.body,
		BodyLine: fm.bodyLine,
		Source:   src,
	}
	d := &decoder{path: p, line0: fm.line0, diags: &diags}
	root, ok := d.parseYAML(fm.yaml)
	if !ok {
		return nil, diags
	}
	base.Keys = make(map[string]qms.Pos, keyCount(root))
	d.keys = base.Keys
	if !o.NoLinks {
		base.Links = findLinks(p, fm.body, fm.bodyLine)
	}
	var doc qms.Document
	switch kind {
	case qms.KindDecision:
		doc = d.decision(root, base)
	case qms.KindProcedure:
		doc = d.procedure(root, base)
	case qms.KindProcess:
		doc = d.process(root, base)
	}
	return doc, diags
}

// normalize drops a UTF-8 BOM, turns CRLF (and lone CR) into LF and
// applies NFC, unless plain says data is made of runes that need none
// (see scanText).
func normalize(data []byte, plain bool) []byte {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	if plain {
		return data
	}
	return norm.NFC.Bytes(data)
}

func firstInvalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

func diag(pos qms.Pos, sev qms.Severity, id, format string, args ...any) qms.Diagnostic {
	return qms.Diagnostic{Pos: pos, Severity: sev, Check: id, Message: fmt.Sprintf(format, args...)}
}

package content

import (
	"bytes"
	"errors"
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

// MaxFileSize bounds one document: a larger file is reported at its
// first line and not parsed, so that no single file can make loading,
// checking or building crawl.
const MaxFileSize = 10 << 20

// Load reads every document under processes/, procedures/ and decisions/ of
// fsys (whose root is the content root) and qms.yaml at its root, and
// returns the indexed corpus and the loader's diagnostics, sorted. A
// missing folder is not an error.
func Load(fsys fs.FS) (*qms.Corpus, []qms.Diagnostic) {
	c := &qms.Corpus{}
	var diags []qms.Diagnostic
	c.Org = LoadOrg(fsys, &diags)
	for _, k := range qms.Kinds {
		var files []string
		err := fs.WalkDir(fsys, k.Dir(), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == k.Dir() && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				diags = append(diags, diag(qms.Pos{Path: p}, qms.Error, idUnreadable, "%s", ioError(err)))
				return nil
			}
			at := qms.Pos{Path: p, Line: 1, Col: 1}
			switch {
			case p != k.Dir() && strings.HasPrefix(d.Name(), "."):
				if d.IsDir() {
					return fs.SkipDir
				}
			case d.IsDir() || !strings.EqualFold(path.Ext(p), ".md"):
				// Attachments and other files are not documents.
			case path.Ext(p) != ".md":
				diags = append(diags, diag(at, qms.Error, idFolder, "phần mở rộng phải viết thường \".md\" để được nạp như một tài liệu"))
			case d.Type()&fs.ModeSymlink != 0 && !linkInside(fsys, p):
				diags = append(diags, diag(at, qms.Error, idFolder,
					"tệp là liên kết tượng trưng (symlink) trỏ ra ngoài thư mục sổ tay nên không được nạp; hãy sao chép nội dung vào đây thay cho liên kết"))
			default:
				files = append(files, p)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			diags = append(diags, diag(qms.Pos{Path: k.Dir()}, qms.Error, idUnreadable, "%s", ioError(err)))
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

// linkInside reports whether the symbolic link p of fsys, followed link
// by link, ends inside fsys. A target is resolved by its path alone: an
// absolute one, or one climbing above the root, is outside.
func linkInside(fsys fs.FS, p string) bool {
	for range 40 {
		target, err := fs.ReadLink(fsys, p)
		if p = path.Join(path.Dir(p), target); err != nil || path.IsAbs(target) || p == ".." || strings.HasPrefix(p, "../") {
			return false
		}
		if info, err := fs.Lstat(fsys, p); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return err == nil
		}
	}
	return false
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
				out[i].doc, out[i].diags = readFile(fsys, files[i])
			}
		})
	}
	wg.Wait()
	return out
}

// readFile reads and parses the document p, refusing a file larger than
// MaxFileSize before reading it.
func readFile(fsys fs.FS, p string) (qms.Document, []qms.Diagnostic) {
	if info, err := fs.Stat(fsys, p); err == nil && info.Size() > MaxFileSize {
		return nil, []qms.Diagnostic{tooLarge(p, info.Size())}
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, []qms.Diagnostic{diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idUnreadable, "%s", ioError(err))}
	}
	return ParseFile(p, data)
}

// ioError says in Vietnamese why a file or folder could not be read,
// with the system's own words only when the reason is not a common one.
func ioError(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "không có quyền đọc; hãy kiểm tra quyền truy cập của tệp hoặc thư mục"
	}
	return fmt.Sprintf("không đọc được (lỗi của hệ thống: %v)", err)
}

func tooLarge(p string, size int64) qms.Diagnostic {
	return diag(qms.Pos{Path: p, Line: 1, Col: 1}, qms.Error, idEncoding,
		"tệp quá lớn (%.1f MB), vượt giới hạn %d MB cho một tài liệu nên không được nạp; hãy tách thành nhiều tài liệu hoặc chuyển phần đính kèm ra tệp riêng",
		float64(size)/(1<<20), MaxFileSize>>20)
}

// LoadDir loads the content root directory root. It fails when root
// itself cannot be read, and, after loading everything else, when a file
// or folder under it cannot be read (an I/O failure, not a content
// mistake: the commands exit 2 on it). Files are opened through an
// os.Root, so that no symbolic link, of a file or of a folder, reads
// outside root.
func LoadDir(root string) (*qms.Corpus, []qms.Diagnostic, error) {
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		return nil, nil, fmt.Errorf("%s không phải là thư mục", root)
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, nil, fmt.Errorf("không mở được thư mục sổ tay: %w", err)
	}
	defer r.Close()
	c, ds := Load(r.FS())
	var errs []error
	for _, d := range ds {
		if d.Check == idUnreadable {
			errs = append(errs, fmt.Errorf("không đọc được %s: %s", d.Pos.Path, d.Message))
		}
	}
	return c, ds, errors.Join(errs...)
}

// ParseFile parses one document. path is relative to the content root and
// decides the kind (its first element); data is the file's bytes. It
// returns nil when the file cannot be read as a document at all. The
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
			"tài liệu phải nằm trong thư mục processes/, procedures/ hoặc decisions/")}
	}
	if len(data) > MaxFileSize {
		return nil, []qms.Diagnostic{tooLarge(p, int64(len(data)))}
	}
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		return nil, []qms.Diagnostic{diag(qms.Pos{Path: p, Line: line, Col: col}, qms.Error, idEncoding,
			"tệp không phải UTF-8 hợp lệ; hãy lưu lại với bảng mã UTF-8")}
	}
	src := normalize(data)
	fm, ok := splitFrontMatter(p, src, &diags)
	if !ok && fm.yaml == "" {
		return nil, diags
	}
	base := qms.Doc{
		Kind:     kind,
		Path:     p,
		Stem:     strings.TrimSuffix(path.Base(p), ".md"),
		Body:     fm.body,
		BodyLine: fm.bodyLine,
		Source:   src,
		Partial:  !ok,
	}
	d := &decoder{path: p, line0: fm.line0, diags: &diags}
	root, yok := d.parseYAML(fm.yaml)
	if !yok {
		if root == nil {
			return nil, diags
		}
		base.Partial = true
	}
	if base.Partial {
		// Decode what could be read for its identity and references, but
		// report only the syntax error: the rest follows from it.
		d.diags = new([]qms.Diagnostic)
	}
	base.Keys = map[string]qms.Pos{}
	d.keys = base.Keys
	if !o.NoLinks && !base.Partial {
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
// applies NFC (returning data itself when it is in NFC already).
func normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return norm.NFC.Bytes(data)
}

func firstInvalidUTF8(data []byte) (line, col int) {
	i := 0
	for r, n := utf8.DecodeRune(data); i < len(data) && (r != utf8.RuneError || n > 1); r, n = utf8.DecodeRune(data[i:]) {
		i += n
	}
	return 1 + bytes.Count(data[:i], []byte("\n")), 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i])
}

func diag(pos qms.Pos, sev qms.Severity, id, format string, args ...any) qms.Diagnostic {
	return qms.Diagnostic{Pos: pos, Severity: sev, Check: id, Message: fmt.Sprintf(format, args...)}
}

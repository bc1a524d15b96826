package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/snnptnt-nghean/qms/internal/qms"
)

// ServeHTTP serves the current snapshot the way a static host serves a
// built site (a directory's index.html, a redirect from a directory's name
// without "/", the site's 404.html with status 404, no listings), plus
// the reload script and the event stream under /__qms/. Nothing is cached
// by the browser: every request sees the current build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Chỉ xem được trang (GET, HEAD); máy chủ này không nhận dữ liệu gửi lên.", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	p := path.Clean("/" + r.URL.Path)
	switch p {
	case "/" + reloadPath:
		http.ServeContent(w, r, "reload.js", time.Time{}, bytes.NewReader(reloadJS))
		return
	case "/" + eventsPath:
		s.events(w, r)
		return
	}
	st := s.cur.Load()
	name := strings.TrimPrefix(p, "/")
	dir := strings.HasSuffix(r.URL.Path, "/") || name == ""
	if dir {
		name = path.Join(name, "index.html")
	}
	b, err := st.snap.File(name)
	if errors.Is(err, fs.ErrNotExist) {
		if !dir {
			if _, err := st.snap.File(name + "/index.html"); err == nil {
				http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
				return
			}
		}
		s.notFound(w, st, p)
		return
	}
	if err != nil {
		http.Error(w, "Không dựng được trang này: "+err.Error(), http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, path.Base(name), time.Time{}, bytes.NewReader(b))
}

// notFound serves the site's 404.html. When the URL is the page of a
// document whose file did not load (its front matter is broken, say), the
// file's diagnostics are shown at the top of the page, as they are on the
// page of a document that did.
func (s *Server) notFound(w http.ResponseWriter, st *state, urlPath string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	b, err := st.snap.File("404.html")
	if err != nil {
		fmt.Fprintln(w, "Không tìm thấy trang")
		return
	}
	var banner bytes.Buffer
	if diags := diagnosticsAt(st.snap.Result.Diagnostics, urlPath); len(diags) > 0 {
		_ = loadErrors.Execute(&banner, diags)
	} else if p := draftAt(st.snap.Corpus, urlPath); p != nil && !s.opts.Build.Drafts {
		_ = draftHidden.Execute(&banner, p)
	}
	at := mainStart(b)
	if banner.Len() == 0 || at < 0 {
		_, _ = w.Write(b)
		return
	}
	_, _ = w.Write(b[:at])
	_, _ = w.Write(banner.Bytes())
	_, _ = w.Write(b[at:])
}

// mainStart returns the offset just after the page's <main ...> tag, -1
// when there is none.
func mainStart(b []byte) int {
	i := bytes.Index(b, []byte("<main"))
	if i < 0 {
		return -1
	}
	j := bytes.IndexByte(b[i:], '>')
	if j < 0 {
		return -1
	}
	return i + j + 1
}

// diagnosticsAt returns the diagnostics of the content files whose page
// would be at urlPath ("/processes/qt-01" for processes/qt-01.md or
// processes/2024/qt-01.md).
func diagnosticsAt(diags []qms.Diagnostic, urlPath string) []qms.Diagnostic {
	parts := strings.Split(strings.Trim(urlPath, "/"), "/")
	if len(parts) != 2 || qms.KindOfDir(parts[0]) == 0 || parts[1] == "" {
		return nil
	}
	var out []qms.Diagnostic
	for _, d := range diags {
		if strings.SplitN(d.Pos.Path, "/", 2)[0] == parts[0] && path.Base(d.Pos.Path) == parts[1]+".md" {
			out = append(out, d)
		}
	}
	return out
}

// draftAt returns the draft process whose page would be at urlPath.
func draftAt(c *qms.Corpus, urlPath string) *qms.Process {
	parts := strings.Split(strings.Trim(urlPath, "/"), "/")
	if c == nil || len(parts) != 2 || parts[0] != qms.KindProcess.Dir() {
		return nil
	}
	for _, p := range c.Processes {
		if p.Stem == parts[1] && p.Status == qms.StatusDraft {
			return p
		}
	}
	return nil
}

// draftHidden tells why the page of a draft process is missing.
var draftHidden = template.Must(template.New("draft").Parse(`
<div class="banner banner-draft" role="region" aria-labelledby="banner-title-draft">
<div class="banner-header"><h2 class="banner-title" id="banner-title-draft">Dự thảo</h2></div>
<div class="banner-content">
<p class="banner-heading">{{.Path}} là quy trình dự thảo nên chưa được đăng.</p>
<p>Chạy <code>qms serve --drafts</code> để xem cả các quy trình dự thảo.</p>
</div>
</div>`))

// loadErrors is the banner of a document that did not load, in the
// theme's classes (partials.html, "errors").
var loadErrors = template.Must(template.New("load").Parse(`
<div class="banner banner-error" role="region" aria-labelledby="banner-title-load">
<div class="banner-header"><h2 class="banner-title" id="banner-title-load">Lỗi kiểm tra</h2></div>
<div class="banner-content">
<p class="banner-heading">Không dựng được trang của tài liệu này: tệp có lỗi.</p>
<ul>{{range .}}<li>{{.Pos.Path}}, dòng {{.Pos.Line}}: {{if ne .Severity.Label "Lỗi"}}{{.Severity.Label}}: {{end}}{{.Message}} (<a href="/checks/#{{.Check}}">{{.Check}}</a>)</li>{{end}}</ul>
</div>
</div>`))

// event is what the event stream sends after every build.
type event struct {
	// Gen is the generation served; a page from another one reloads.
	Gen string `json:"gen"`
	// Error is why the last rebuild failed ("" when it did not).
	Error string `json:"error,omitempty"`
	// Errors and Warnings count the diagnostics of the build served.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// events is a Server-Sent Events stream: a "build" event with the current
// generation at once and after every rebuild, and a comment every 20
// seconds to keep the connection open.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "Kết nối này không nhận được thông báo dựng lại.", http.StatusInternalServerError)
		return
	}
	// The stream stays open for as long as the page: the server's read
	// and write timeouts (HTTPServer) are not for it.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	if _, err := fmt.Fprint(w, "retry: 1000\n\n"); err != nil {
		return
	}
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	st := s.cur.Load()
	for {
		ne, nw := qms.CountSeverity(st.snap.Result.Diagnostics)
		data, _ := json.Marshal(event{Gen: st.gen, Error: st.err, Errors: ne, Warnings: nw})
		if _, err := fmt.Fprintf(w, "event: build\ndata: %s\n\n", data); err != nil {
			return
		}
		fl.Flush()
	wait:
		for {
			select {
			case <-r.Context().Done():
				return
			case <-st.next:
				st = s.cur.Load()
				break wait
			case <-keepAlive.C:
				if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
					return
				}
				fl.Flush()
			}
		}
	}
}

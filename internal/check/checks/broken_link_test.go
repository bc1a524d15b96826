package checks

import (
	"path"
	"testing"
)

func TestLinkTarget(t *testing.T) {
	for _, tc := range []struct {
		from, dest string
		target     string
		bad        bool
	}{
		{"processes/qt-01.md", "qt-02.md", "processes/qt-02.md", false},
		{"processes/qt-01.md", "../decisions/2020/3463-qd-ubnd.md#dieu-1", "decisions/2020/3463-qd-ubnd.md", false},
		{"decisions/2020/a.md", "../../processes/qt-01.md", "processes/qt-01.md", false},
		{"processes/qt-01.md", "/procedures/1.004359.md", "procedures/1.004359.md", false},
		{"processes/qt-01.md", "qt%2002.md", "processes/qt 02.md", false},
		{"processes/qt-01.md", "QT-02.MD", "processes/QT-02.MD", false},
		{"processes/qt-01.md", "../../x.md", "", true},
		{"processes/qt-01.md", "https://example.invalid/a.md", "", false},
		{"processes/qt-01.md", "//example.invalid/a.md", "", false},
		{"processes/qt-01.md", "mailto:a@example.invalid", "", false},
		{"processes/qt-01.md", "#muc-5", "", false},
		{"processes/qt-01.md", "bieu-mau.docx", "", false},
		{"processes/qt-01.md", "javascript:alert(1)", "", true},
		{"processes/qt-01.md", " JavaScript:alert(1)", "", true},
		{"processes/qt-01.md", "java\tscript:alert(1)", "", true},
		{"processes/qt-01.md", "data:text/html,<script>", "", true},
		{"processes/qt-01.md", "%zz.md", "", true},
		{"processes/qt-01.md", "&#106;avascript:alert(1)", "", true},
		{"processes/qt-01.md", "&#x6A;avascript:alert(1)", "", true},
		{"processes/qt-01.md", "java%73cript:alert(1)", "", true},
		{"processes/qt-01.md", "%6Aavascript:alert(1)", "", true},
		{"processes/qt-01.md", "%256Aavascript:alert(1)", "", true},
		{"processes/qt-01.md", "java&Tab;script&colon;alert(1)", "", true},
		{"processes/qt-01.md", "qt-02", "", false},
		{"processes/qt-01.md", "qt%2002.md#m%E1%BB%A5c", "processes/qt 02.md", false},
	} {
		target, msg := linkTarget(tc.from, tc.dest)
		if target != tc.target || (msg != "") != tc.bad {
			t.Errorf("linkTarget(%q, %q) = %q, %q; want %q, bad=%v", tc.from, tc.dest, target, msg, tc.target, tc.bad)
		}
	}
}

func TestSchemeOf(t *testing.T) {
	for dest, want := range map[string]string{
		"https://a":         "https",
		"JAVASCRIPT:x":      "javascript",
		"\x01java\nscript:": "javascript",
		"a/b:c":             "",
		"1http:":            "",
		"qt-01.md":          "",
		"svn+ssh://x":       "svn+ssh",
	} {
		if got := schemeOf(dest); got != want {
			t.Errorf("schemeOf(%q) = %q, want %q", dest, got, want)
		}
	}
}

func TestRelPath(t *testing.T) {
	for _, tc := range []struct{ dir, target, want string }{
		{"processes", "processes/qt-02.md", "qt-02.md"},
		{"processes", "decisions/2020/a.md", "../decisions/2020/a.md"},
		{"decisions/2020", "decisions/2019/b.md", "../2019/b.md"},
		{"decisions/2020", "processes/qt-01.md", "../../processes/qt-01.md"},
		{".", "processes/qt-01.md", "processes/qt-01.md"},
		{"decisions", "decisions/decisions.md", "decisions.md"},
	} {
		if got := relPath(tc.dir, tc.target); got != tc.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tc.dir, tc.target, got, tc.want)
		}
		if tc.dir != "." {
			if back := path.Join(tc.dir, relPath(tc.dir, tc.target)); back != tc.target {
				t.Errorf("relPath(%q, %q) does not lead back: %q", tc.dir, tc.target, back)
			}
		}
	}
}

func TestResolveLink(t *testing.T) {
	for _, tc := range []struct {
		dest, target, fragment, suffix string
		md                             bool
	}{
		{"../procedures/na-ty-02", "procedures/na-ty-02", "", "", false},
		{"../procedures/na-ty-02/", "procedures/na-ty-02", "", "", false},
		{"qt-02.md#5-noi-dung", "processes/qt-02.md", "5-noi-dung", "#5-noi-dung", true},
		{"qt-02.md?x=1#a%20b", "processes/qt-02.md", "a b", "?x=1#a%20b", true},
	} {
		r := resolveLink("processes/qt-01.md", tc.dest)
		if r.target != tc.target || r.fragment != tc.fragment || r.suffix != tc.suffix || r.md != tc.md || r.msg != "" {
			t.Errorf("resolveLink(%q) = %+v", tc.dest, r)
		}
	}
}

// linkTarget resolves a link destination written in the file at from to
// the path of a .md file relative to the content root. It returns "" for
// links that are not checked (absolute URLs, in-page anchors, files other
// than .md) and a message for links that are wrong whatever the corpus
// holds.
func linkTarget(from, dest string) (target, msg string) {
	r := resolveLink(from, dest)
	if !r.md {
		return "", r.msg
	}
	return r.target, r.msg
}

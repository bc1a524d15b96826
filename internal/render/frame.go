package render

import (
	"bytes"
	"fmt"
	"html/template"
)

// frame is the part of every page that depends only on the site and the
// page's section: the head links, the header with the menu and the footer
// (the "frame-*" templates of base.html). It is rendered once per section
// instead of once per page.
type frame struct {
	Head   template.HTML
	Header template.HTML
	Footer template.HTML
}

// frameSections are the sections pages are rendered in; a page of another
// section renders its frame when it is rendered.
var frameSections = []string{
	"", "home", "processes", "procedures", "decisions", "units", "fields", "changes", "checks", "search",
}

// buildFrames renders the frame of every section in frameSections. It runs
// at the end of New, when newPage knows every field of a page's frame.
func (s *Site) buildFrames() error {
	s.frames = make(map[string]*frame, len(frameSections))
	for _, sec := range frameSections {
		f, err := s.renderFrame(s.newPage("", sec, ""))
		if err != nil {
			return err
		}
		s.frames[sec] = f
	}
	return nil
}

// frameOf returns the frame of a page's section. A page naming the
// organisation by a former name (a past revision's page) gets its frame
// rendered with that name, once per section and name.
func (s *Site) frameOf(p *page) (*frame, error) {
	if p.Org != nil && p.Org != s.org {
		key := p.Section + "\x00" + p.Org.Name
		if f, ok := s.pastFrames.Load(key); ok {
			return f.(*frame), nil
		}
		f, err := s.renderFrame(p)
		if err != nil {
			return nil, err
		}
		f2, _ := s.pastFrames.LoadOrStore(key, f)
		return f2.(*frame), nil
	}
	if f := s.frames[p.Section]; f != nil {
		return f, nil
	}
	return s.renderFrame(p)
}

// renderFrame renders the frame of page p.
func (s *Site) renderFrame(p *page) (*frame, error) {
	t := s.tmpl["notfound"]
	if t == nil {
		return nil, fmt.Errorf("render: no template %q", "notfound")
	}
	var f frame
	for _, part := range []struct {
		name string
		dst  *template.HTML
	}{{"frame-head", &f.Head}, {"frame-header", &f.Header}, {"frame-footer", &f.Footer}} {
		if t.Lookup(part.name) == nil {
			// A theme without the frame templates renders its frame in "base".
			continue
		}
		var b bytes.Buffer
		if err := t.ExecuteTemplate(&b, part.name, p); err != nil {
			return nil, fmt.Errorf("render: %s: %w", part.name, err)
		}
		*part.dst = template.HTML(b.String()) //nolint:gosec // rendered by html/template
	}
	return &f, nil
}

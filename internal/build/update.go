package build

import (
	"bytes"
	"io"
)

// updateWriter rewrites a file of a recycled output (recycle.go) in place
// from the first byte that differs from what it holds: a page that did not
// change since that output costs reading it (from the page cache, usually)
// instead of truncating it and writing it again, which on most file
// systems frees and reallocates its blocks. finish cuts off what is left
// of a longer old file. The result is the same bytes as a rewrite.
type updateWriter struct {
	f    outFile
	off  int64  // bytes written so far
	same bool   // the file's first off bytes are already these
	buf  []byte // for reading the old bytes; kept in writer.bufs
	// ended says that a read saw the old file end, at endsAt. Each read
	// asks for one byte more than it compares, so that a page written in
	// one piece learns whether the old file was longer without another
	// read in finish.
	ended  bool
	endsAt int64
}

// reset readies u for rewriting f.
func (u *updateWriter) reset(f outFile) {
	u.f, u.off, u.same, u.ended = f, 0, true, false
}

func (u *updateWriter) Write(p []byte) (int, error) {
	if u.same {
		if cap(u.buf) < len(p)+1 {
			u.buf = make([]byte, len(p)+1)
		}
		old := u.buf[:len(p)+1]
		n, err := u.f.ReadAt(old, u.off)
		if err != nil && err != io.EOF {
			return 0, err
		}
		if n <= len(p) {
			u.ended, u.endsAt = true, u.off+int64(n)
		}
		i := commonPrefix(old[:min(n, len(p))], p)
		if i == len(p) {
			u.off += int64(len(p))
			return len(p), nil
		}
		u.same = false
		if _, err := u.f.WriteAt(p[i:], u.off+int64(i)); err != nil {
			return i, err
		}
		u.off += int64(len(p))
		return len(p), nil
	}
	if _, err := u.f.WriteAt(p, u.off); err != nil {
		return 0, err
	}
	u.off += int64(len(p))
	return len(p), nil
}

// finish truncates the file to what was written when the old file was
// longer.
func (u *updateWriter) finish() error {
	if u.same && u.ended && u.endsAt == u.off {
		return nil // the old file ends where the new one does
	}
	var one [1]byte
	n, err := u.f.ReadAt(one[:], u.off)
	if err != nil && err != io.EOF {
		return err
	}
	if n == 0 {
		return nil
	}
	return u.f.Truncate(u.off)
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	if bytes.Equal(a[:n], b[:n]) { // pages usually match entirely
		return n
	}
	i := 0
	for a[i] == b[i] {
		i++
	}
	return i
}

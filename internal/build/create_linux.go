package build

import (
	"io"
	"io/fs"
	"syscall"
)

// createFile creates the new file p for writing, or with overwrite opens
// the file there for reading and writing, creating it if there is none
// (updateWriter then rewrites it from its first changed byte). On Linux it uses the
// system calls directly: os.OpenFile also probes and toggles the
// descriptor's flags and tries to register it with the poller (five more
// system calls per file), which a site of tens of thousands of pages
// feels, most where system calls are expensive (virtual machines,
// sandboxes).
func createFile(p string, overwrite bool) (*fdFile, error) {
	flags := syscall.O_WRONLY | syscall.O_CREAT | syscall.O_CLOEXEC | syscall.O_EXCL
	if overwrite {
		flags = syscall.O_RDWR | syscall.O_CREAT | syscall.O_CLOEXEC
	}
	for {
		fd, err := syscall.Open(p, flags, 0o644)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: p, Err: err}
		}
		return &fdFile{fd: fd, name: p}, nil
	}
}

// fdFile is a file open for writing by its descriptor.
type fdFile struct {
	fd   int
	name string
}

// Write writes all of b, retrying short and interrupted writes.
func (f *fdFile) Write(b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := syscall.Write(f.fd, b[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return n, &fs.PathError{Op: "write", Path: f.name, Err: err}
		}
		if m == 0 {
			return n, &fs.PathError{Op: "write", Path: f.name, Err: syscall.EIO}
		}
		n += m
	}
	return n, nil
}

// ReadAt reads len(b) bytes at off, fewer at the end of the file.
func (f *fdFile) ReadAt(b []byte, off int64) (int, error) {
	n := 0
	for n < len(b) {
		m, err := syscall.Pread(f.fd, b[n:], off+int64(n))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return n, &fs.PathError{Op: "read", Path: f.name, Err: err}
		}
		if m == 0 {
			return n, io.EOF
		}
		n += m
	}
	return n, nil
}

// WriteAt writes all of b at off.
func (f *fdFile) WriteAt(b []byte, off int64) (int, error) {
	n := 0
	for n < len(b) {
		m, err := syscall.Pwrite(f.fd, b[n:], off+int64(n))
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return n, &fs.PathError{Op: "write", Path: f.name, Err: err}
		}
		if m == 0 {
			return n, &fs.PathError{Op: "write", Path: f.name, Err: syscall.EIO}
		}
		n += m
	}
	return n, nil
}

// Truncate changes the file's size.
func (f *fdFile) Truncate(size int64) error {
	for {
		err := syscall.Ftruncate(f.fd, size)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "truncate", Path: f.name, Err: err}
		}
		return nil
	}
}

// Close closes the descriptor.
func (f *fdFile) Close() error {
	if err := syscall.Close(f.fd); err != nil {
		return &fs.PathError{Op: "close", Path: f.name, Err: err}
	}
	return nil
}

// dirNames returns the names in directory dir, in no particular order,
// with the system calls directly (os.ReadDir also registers the
// descriptor with the poller, makes an entry per name and sorts them).
// Reading a directory that is a file, or a symbolic link (which is not
// followed), fails with ENOTDIR.
func dirNames(dir string) ([]string, error) {
	const flags = syscall.O_RDONLY | syscall.O_DIRECTORY | syscall.O_NOFOLLOW | syscall.O_CLOEXEC
	fd, err := syscall.Open(dir, flags, 0)
	for err == syscall.EINTR {
		fd, err = syscall.Open(dir, flags, 0)
	}
	if err == syscall.ELOOP {
		err = syscall.ENOTDIR
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	defer syscall.Close(fd)
	var names []string
	buf := make([]byte, 8<<10)
	for {
		n, err := syscall.ReadDirent(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "readdirent", Path: dir, Err: err}
		}
		if n <= 0 {
			return names, nil
		}
		_, _, names = syscall.ParseDirent(buf[:n], -1, names)
	}
}

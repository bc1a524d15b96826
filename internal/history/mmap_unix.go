//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package history

import (
	"os"
	"syscall"
)

// mapFile maps the first size bytes of f into memory read-only; unmap
// releases them. When mmap fails the bytes are read instead.
func mapFile(f *os.File, size int64) (data []byte, unmap func() error, err error) {
	if size <= 0 || size != int64(int(size)) {
		return readFile(f, size)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return readFile(f, size)
	}
	return b, func() error { return syscall.Munmap(b) }, nil
}

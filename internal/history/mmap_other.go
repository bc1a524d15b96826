//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package history

import "os"

// mapFile reads the first size bytes of f into memory (no mmap here).
func mapFile(f *os.File, size int64) (data []byte, unmap func() error, err error) {
	return readFile(f, size)
}

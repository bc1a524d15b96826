//go:build !linux

package build

import (
	"io/fs"
	"os"
	"syscall"
)

// createFile creates the new file p for writing, or with overwrite opens
// the file there for reading and writing, creating it if there is none
// (updateWriter then rewrites it from its first changed byte).
func createFile(p string, overwrite bool) (*os.File, error) {
	if overwrite {
		return os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// dirNames returns the names in directory dir; reading a directory that
// is a file or a symbolic link fails with ENOTDIR.
func dirNames(dir string) ([]string, error) {
	if fi, err := os.Lstat(dir); err == nil && !fi.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: dir, Err: syscall.ENOTDIR}
	}
	entries, err := os.ReadDir(dir)
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names, err
}

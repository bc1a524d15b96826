//go:build !linux

package build

import "os"

// createFile creates the new file p for writing, or with overwrite opens
// the file there for reading and writing, creating it if there is none
// (updateWriter then rewrites it from its first changed byte).
func createFile(p string, overwrite bool) (*os.File, error) {
	if overwrite {
		return os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

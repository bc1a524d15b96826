//go:build !linux

package build

import "os"

// createFile creates the new file p for writing, or with overwrite
// truncates the file there if there is one.
func createFile(p string, overwrite bool) (*os.File, error) {
	if overwrite {
		return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

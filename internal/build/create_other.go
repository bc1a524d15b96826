//go:build !linux

package build

import "os"

// createFile creates the new file p for writing.
func createFile(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

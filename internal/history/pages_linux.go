package history

import "syscall"

// releasePages tells the system that the mapped pages of b are not needed
// for now: they leave the process's resident memory (they stay in the page
// cache, and come back from the file if read again).
func releasePages(b []byte) {
	if len(b) > 0 {
		_ = syscall.Madvise(b, syscall.MADV_DONTNEED)
	}
}

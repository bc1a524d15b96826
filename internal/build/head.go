package build

// HeadCommit returns the short hash of HEAD of the git repository that
// contains dir, the commit a build prints on its pages, or "" when there is
// none. qms serve looks at it to rebuild after a commit or a checkout.
func HeadCommit(dir string) string { return headCommit(dir) }

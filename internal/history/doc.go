// Package history reads the version history of the content files from git,
// in-process with go-git (no git binary is needed).
//
// # Use
//
//	r, err := history.Open(contentRoot) // errors.Is(err, history.ErrNotRepo): build without history
//	defer r.Close()
//	h, err := r.Load(ctx)                // one walk over all commits
//	revs := h.Revisions("processes/qt-01.md") // newest first
//	b, err := r.Blob(revs[0].Blob)       // the document as it was
//	dirty, err := r.Dirty(contentRoot)   // uncommitted changes
//	since, err := r.Since(ctx, "v1.0")   // what changed since a tag
//
// # What a content file and a revision are
//
// Content files are the *.md files under processes/, procedures/ and
// decisions/ (sub-folders included) of the content root, which may be a
// sub-directory of the repository; paths are relative to the content root
// and '/'-separated. A file's revisions are the commits `git log -- FILE`
// lists, with git's default history simplification: a commit that changed
// the file, side-branch commits included; a merge commit only where the
// file differs from every parent (a conflict resolution or a change made in
// the merge), not where the merge just brought a branch's version in; a
// side branch whose changes the merge did not keep is not listed. Each
// revision names the file's blob after the commit and the first parent's
// blob (qms.Revision), so its change is diffed against its own parent.
//
// Renames are followed: when a commit deletes one content file and adds
// another with the same content, the same document identity (front-matter
// `number:` or `code:`) or at least half of its lines, the new path's
// history continues with the old path's, and the revision is
// qms.ChangeRenamed with OldPath set. A file deleted and later added again
// at the same path keeps one history.
//
// # Shallow clones
//
// The commits listed in .git/shallow (a CI checkout with depth 1) are
// treated as roots, and so is a commit whose parent object is missing.
// History.Shallow is then true and History.ShallowSince the date from which
// the history is complete. A file present at a boundary commit gets a
// revision there with Boundary set and Change qms.ChangeUnknown: it is the
// oldest known state, never a claim that the boundary commit created it.
//
// # Merged pull requests
//
// History.Groups lists each merge on HEAD's first-parent line with the
// commits it brought in, so the change log can show a merged pull request
// as one entry; History.MergedBy answers the reverse question.
//
// # E-mail addresses
//
// No type here carries an e-mail address: authors are names only, and
// addresses written in commit messages or trailers are removed
// ("Tên <a@b.vn>" becomes "Tên", a bare address becomes "(đã ẩn e-mail)").
// An author's name is the one the .mailmap at the top of the working tree
// gives for the commit's name and address, as git log shows it (go-git
// does not apply .mailmap; ParseMailmap, applied in toCommit).
//
// # How it is fast
//
// Load walks the commit graph once from HEAD and diffs each commit's
// content tree against its first parent's by hand: the walk on one
// goroutine, the diffs on one worker per CPU, their results put back in
// the walk's order. Trees are read unparsed; the entries two versions of a
// directory share at both ends are skipped with a block compare, subtrees
// with equal hashes are skipped, and for a merge the other parents are
// diffed only in the directories of the merge's changes (walk.go,
// diff.go, rawtree.go, load.go). Every object is read through go-git's
// filesystem storage with its pack files kept open, one storage per
// goroutine, all sharing one go-git object cache (objects.go). Per-file
// revision lists are then computed on a graph compressed to each file's
// changes (lineage.go), without walking the commits again.
//
// It never uses Repository.Log (with a file filter it lists wrong commits
// on merges, go-git #1199, and it fails on shallow clones, #2409),
// object.DiffTree (two orders of magnitude slower) or Worktree.Status
// (hashes everything).
//
// Dirty compares the working tree's content files with HEAD by hashing them
// as git blobs. VerifyBlobs reads every revision's content once and names
// those that cannot be read (a damaged or missing object).
package history

// Package build is the pipeline behind `qms build` and `qms serve`: load
// the content root, run the checks, render the site and search index into a
// temporary directory, and swap it into place.
//
// It is the only package that sees all the others (content, check, render,
// search, site).
//
// # Checks
//
// The checks run first. With errors, Build prints every diagnostic to
// Options.Stderr (the text format of `qms check`), writes nothing and
// returns ErrChecks; with Options.Force it builds anyway and each error is
// shown on the page of the file it is about.
//
// # Atomic replacement
//
// The site is written into a temporary directory next to Options.Out
// (".<name>.tmp-*"); only when every file is written is it swapped in with
// renames: the old output aside, the new one to Out. Out is never written
// in place. The old output is kept as ".<name>.prev", and the next build
// recycles it as its temporary directory: it overwrites its files, deletes
// what it did not write, and swaps it in; overwriting a file costs a small
// part of creating one and deleting the old (a site with its history has
// tens of thousands of pages), at the price of a second copy of the site
// on disk, which may be deleted at any time. A build that fails or is
// cancelled leaves the output as it was (and the kept copy usable). Out
// must not contain the content root, and an existing non-empty Out that
// does not hold the marker file .qms-site of a qms build is refused
// rather than replaced. A build first removes the temporary directories
// (with the marker) that a killed build into the same Out left.
//
// # History
//
// Unless Options.NoHistory is set, Build reads the git history of the
// content root (internal/history) in the background while the content is
// loaded and checked, and render turns it into history pages, revision
// pages, /changes/ and Atom feeds. The site is built from the working tree
// and its history from HEAD. It never fails the build; instead Build
// prints one warning ("cảnh báo: …" on Stderr, also in Result.Warnings)
// when the content root is not in a git repository (the site is built
// without history), when the repository is a shallow clone (with how to
// fetch the whole history: git fetch --unshallow, or fetch-depth: 0 on
// GitHub Actions, GIT_DEPTH: 0 on GitLab CI) and when content files differ
// from HEAD (how many, and the first three). With ShowUncommitted (qms
// serve) those files are marked "Chưa lưu phiên bản" on their pages instead.
// Live builds keep the repository open and load the history again only
// when HEAD moves.
//
// # Determinism
//
// Statuses are evaluated as of Options.AsOf; the build's commit is
// Options.Commit or else read from the content root's git HEAD. Nothing else
// from the environment reaches the output, so the same content and options
// give byte-identical trees.
//
// # Live builds
//
// Live is the pipeline of qms serve: the same load, checks and site model,
// kept in memory instead of written. Each Live.Build returns a Snapshot
// whose pages are rendered when first asked for (Snapshot.File) and whose
// search index is built when first asked for; its files are byte for byte
// those Build writes with the same options. Between builds, a file whose
// size and modification time did not change is not parsed again (one
// modified in the last two seconds is compared by a hash of its bytes), so
// that a rebuild after one edit costs the checks and the model, not the
// loading and rendering of every document.
package build

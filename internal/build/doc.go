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
// The site is written into a new directory next to Options.Out
// (".<name>.tmp-*"); only when every file is written is it swapped in with
// renames: the old output to ".<name>.old-*", the new one to Out, and the old
// one removed. A build that fails or is cancelled removes its temporary
// directory and leaves the previous output as it was. Out must not contain
// the content root, and an existing non-empty Out that does not look like a
// site built by qms (index.html and sitemap.xml) is refused rather than
// replaced.
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

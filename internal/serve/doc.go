// Package serve is `qms serve`: the site built in memory and served on the
// editor's machine, rebuilt when a file changes, with the open page
// reloaded.
//
// # Building
//
// New builds the site with build.Live (see package build): the checks run
// as in `qms build --force`, and every diagnostic, warnings included, is
// shown at the top of the page of the file it is about. A file whose
// document did not load at all (broken front matter) has no page; the
// 404 page at its URL shows its diagnostics instead. Pages are rendered
// when first asked for and the search index when the search page first
// asks for it, so that a rebuild costs loading what changed, the checks
// and the site model, not rendering 10,000 pages.
//
// # Watching
//
// Watch scans processes/, procedures/ and decisions/ under the content
// root, and the theme's directory when it is read from disk
// (Options.ThemeDir, `qms serve --theme DIR`), every Options.Interval: it
// stats every file and compares size, modification time and mode, and the
// bytes of a file modified in the last two seconds, whose time may not
// change with a second write. There is no dependency on an operating
// system's file notifications. When something changed, it waits until a
// scan finds nothing new (an editor may write in several steps), builds
// the next generation and swaps it in atomically: a request is served
// wholly by one generation. When the rebuild fails (the content root or
// the theme cannot be read, a template does not parse), the previous
// generation stays and the pages show a notice. The embedded theme is not
// watched; changing it means building the program again.
//
// # The date
//
// Statuses (in force, superseded, expired) and overdue reviews are
// evaluated as of a date. With Options.FollowClock (`qms serve` without
// --as-of or SOURCE_DATE_EPOCH) it is today in Vietnam (UTC+7) by
// Options.Now, looked at every Interval: when the date changes, Watch
// rebuilds as of the new date, even if no file changed, and the open pages
// reload, so that a decision that expires at midnight shows as expired
// after midnight. Otherwise the date is Build.AsOf and never changes.
//
// # Reloading
//
// Every page gets one script, /__qms/reload.js?g=<generation>, served by
// the server and never part of a published build. It listens to
// /__qms/events, a Server-Sent Events stream that sends the generation
// being served (and a failed rebuild's error) at once and after every
// rebuild, and reloads the page when the generation is not its own. The
// pages work without it: a manual reload shows the latest build.
//
// # HTTP
//
// Server.HTTPServer is the http.Server of qms serve: it answers only
// requests whose Host is a name the listener is reached by (Hosts), so
// that a page of another site cannot read the manual through a domain
// name rebound to this machine, and it closes idle and slow connections;
// the event stream lifts the read and write deadlines for itself.
package serve

// Package search builds the static search index of the site, which the
// site's script, site/static/search.js, reads and ranks queries against.
//
// # Folding and tokens
//
// Text is folded for recall by [Fold] (lower case, tone and vowel marks
// removed, đ → d) and split by the rules of tokenize.go into words and identifiers.
// Identifiers stay whole: every spelling of a document number
// ("3463/QĐ-UBND", "3463/QD-UBND", "3463/QĐ - UBND") has one key, and its
// pieces are indexed as well, so "qd 3463" and "3463" find it; TTHC codes
// ("1.004359") and process codes ("QT-TS-01", "qt ts 01") likewise.
//
// # Index files
//
// [Build] writes, under "search/":
//
//   - meta.json: {"v":3, "n": documents, "h": hash of every other file,
//     "doc": one character per document, "tk": first key of each term
//     shard, "dk": first document of each document shard}. A document's
//     character is base64url of min(title tokens, 31) + 32 if the document
//     is obsolete. search.js fetches shards with ?h= appended, so that a
//     browser never mixes two builds.
//   - t/<n>.json, the term shards: {"k": keys, "v": variants, "p":
//     postings}, keys in UTF-16 order and cut into shards of
//     termShardSize bytes (the keys in ranges of termRange, so the last
//     shard of a range may be smaller), so a query loads one small shard
//     per word. A key is a folded word, an identifier key, or a bigram
//     "a b" of adjacent words. For a word, variants are its exact forms,
//     most frequent first (at most 30). The postings of a key are one
//     string (see postings.go): each document's field mask and, for a word
//     with two variants or more, the mask of the variants it has, with runs
//     of neighbouring documents alike stored once. Field mask bits: 1 code or number, 2 title, 4 other fields
//     (kind, unit, field, agency, issuer ...), 8 body, 16 body three times
//     or more.
//   - d/<n>.json, the document shards: {"d": [{"u": URL, "k": kind, "l":
//     kind label, "c": code, "t": title, "s": status, "o": obsolete, "b":
//     first snippetRunes characters of the body}]}, cut at docShardSize
//     bytes.
//
// Output is deterministic: documents are numbered in URL order, every list
// is sorted, and the work shared out among processors is joined in that
// order, so the files are the same on any number of them.
//
// # Ranking
//
// search.js ranks in integer arithmetic; the tests keep a Go copy of its
// ranker (ranker_test.go) and check that both give the same order. Every
// query word must match (AND); when no document has them all, the
// documents with the most of them are offered. A word
// typed with diacritics scores an eighth for documents that have it only
// folded ("đường" finds "dương" below "đường"); a code match scores above a
// title match, above other fields, above the body; adjacent query words
// found adjacent in a document add a phrase bonus; a title that the query
// covers more of ranks higher; obsolete documents come after current ones.
package search

// Doc is one document as the site shows it, the input of [Build].
type Doc struct {
	// URL is the page, relative to the site root: "processes/qt-ty-01/".
	URL string
	// Kind is "process", "procedure" or "decision".
	Kind string
	// KindLabel is the kind in Vietnamese ("Quy trình"); it is indexed.
	KindLabel string
	// Code is the process or procedure code, or the decision's number.
	Code string
	// Title is the title or trích yếu.
	Title string
	// Status is the status label in Vietnamese.
	Status string
	// Obsolete is true for an abolished process or procedure and a
	// superseded, repealed or expired decision; they rank last.
	Obsolete bool
	// Fields are other indexed texts: unit, field, agency, actors, issuer.
	Fields []string
	// Body is the plain text of the page body.
	Body string
}

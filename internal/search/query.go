package search

// maxTerms is how many distinct words of a query count; the rest are
// ignored.
const maxTerms = 12

// queryTerm is one word or identifier of a query.
type queryTerm struct {
	key   string
	exact string
	// word is false for an identifier, whose diacritics do not rank.
	word bool
	// parts are an identifier's pieces, searched instead of it when no
	// document has the whole identifier ("3463/QĐ-UBND" typed with a
	// wrong issuer still finds 3463).
	parts []queryTerm
}

// query is a parsed query.
type query struct {
	terms   []queryTerm
	bigrams []string
}

// parseQuery turns the reader's text into terms and bigrams; search.js's
// parseQuery does the same.
func parseQuery(q string) query {
	toks := Tokenize(q)
	var out query
	seen := make(map[string]bool)
	owner := -1 // the term that Part tokens belong to, or -1
	for _, t := range toks {
		if t.Kind == Part {
			if owner >= 0 {
				p := &out.terms[owner]
				p.parts = append(p.parts, queryTerm{key: t.Key, exact: t.Exact, word: true})
			}
			continue
		}
		owner = -1
		if seen[t.Key] || len(out.terms) == maxTerms {
			continue
		}
		seen[t.Key] = true
		out.terms = append(out.terms, queryTerm{key: t.Key, exact: t.Exact, word: t.Kind == Word})
		if t.Kind == ID {
			owner = len(out.terms) - 1
		}
	}
	// Bigrams of the words as typed; an identifier is one unit here, so
	// that the pieces of 3463/QĐ-UBND do not favour 3464/QĐ-UBND.
	var keys []string
	for _, t := range toks {
		if t.Kind != Part {
			keys = append(keys, t.Key)
		}
	}
	seenB := make(map[string]bool)
	for i := 0; i+1 < len(keys) && len(out.bigrams) < maxTerms; i++ {
		b := keys[i] + " " + keys[i+1]
		if !seenB[b] {
			seenB[b] = true
			out.bigrams = append(out.bigrams, b)
		}
	}
	return out
}

package change

import "github.com/snnptnt-nghean/qms/internal/qms"

// identity is the key a document is paired by: its kind and its ID (a
// decision's canonical number key, a procedure's or process's code).
type identity struct {
	kind qms.Kind
	id   string
}

func identityOf(d qms.Document) identity {
	switch x := d.(type) {
	case *qms.Decision:
		return identity{qms.KindDecision, x.Number.Key()}
	case *qms.Procedure:
		return identity{qms.KindProcedure, x.Code}
	case *qms.Process:
		return identity{qms.KindProcess, x.Code}
	}
	return identity{}
}

// hasID reports whether d's identity parsed (documents without one are
// left to the loader).
func hasID(d qms.Document) bool {
	switch x := d.(type) {
	case *qms.Decision:
		return !x.Number.IsZero()
	case *qms.Procedure:
		return x.Code != ""
	case *qms.Process:
		return x.Code != ""
	}
	return false
}

// pairing is the result of matching base documents with head documents.
type pairing struct {
	// head → base and base → head for paired documents.
	toBase map[qms.Document]qms.Document
	toHead map[qms.Document]qms.Document
	// inPlace maps a head document to the base document that was at the
	// same path with another identity (CC004).
	inPlace map[qms.Document]qms.Document
}

// pair matches the documents of base and head (see the package comment).
func pair(base, head *qms.Corpus) *pairing {
	p := &pairing{
		toBase:  map[qms.Document]qms.Document{},
		toHead:  map[qms.Document]qms.Document{},
		inPlace: map[qms.Document]qms.Document{},
	}
	baseDocs := withID(base.Documents())
	headDocs := withID(head.Documents())
	byPath := map[string]qms.Document{}
	byID := map[identity][]qms.Document{}
	for _, d := range baseDocs {
		byPath[d.Base().Path] = d
		byID[identityOf(d)] = append(byID[identityOf(d)], d)
	}
	link := func(h, b qms.Document) {
		p.toBase[h], p.toHead[b] = b, h
	}
	// 1. Same path, same identity.
	for _, h := range headDocs {
		if b := byPath[h.Base().Path]; b != nil && identityOf(b) == identityOf(h) {
			link(h, b)
		}
	}
	// 2. Same identity elsewhere: a moved or renamed file. Among decisions
	// sharing a number, the issued date decides.
	for _, h := range headDocs {
		if p.toBase[h] != nil {
			continue
		}
		var cands []qms.Document
		for _, b := range byID[identityOf(h)] {
			if p.toHead[b] == nil {
				cands = append(cands, b)
			}
		}
		if b := pick(h, cands); b != nil {
			link(h, b)
		}
	}
	// 3. Another identity at the same path: changed in place.
	for _, h := range headDocs {
		if p.toBase[h] != nil {
			continue
		}
		if b := byPath[h.Base().Path]; b != nil && p.toHead[b] == nil && b.Base().Kind == h.Base().Kind {
			p.inPlace[h] = b
		}
	}
	return p
}

// pick chooses h's partner among candidates with its identity.
func pick(h qms.Document, cands []qms.Document) qms.Document {
	if len(cands) == 1 {
		return cands[0]
	}
	hd, ok := h.(*qms.Decision)
	if !ok {
		return nil // duplicate codes: ID001 reports them
	}
	for _, b := range cands {
		if b.(*qms.Decision).Issued == hd.Issued {
			return b
		}
	}
	return nil
}

func withID(ds []qms.Document) []qms.Document {
	out := ds[:0]
	for _, d := range ds {
		if hasID(d) {
			out = append(out, d)
		}
	}
	return out
}

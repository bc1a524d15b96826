package search

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"sync"
)

// Index reads an index written by [Build], loading shards on demand as
// search.js does. It is safe for concurrent use.
type Index struct {
	fsys fs.FS
	meta meta

	mu     sync.Mutex
	terms  map[string]*termShard
	dshard map[string]*docShard
}

// meta is meta.json.
type meta struct {
	V   int      `json:"v"`
	N   int      `json:"n"`
	H   string   `json:"h"`
	Doc string   `json:"doc"`
	TK  []string `json:"tk"`
	DK  []int    `json:"dk"`
}

// termShard is one t/<hash>.json.
type termShard struct {
	K []string   `json:"k"`
	V [][]string `json:"v"`
	P []string   `json:"p"`
	// at maps a key to its position in K.
	at map[string]int
}

// docShard is one d/<hash>.json.
type docShard struct {
	D []DocEntry `json:"d"`
}

// DocEntry is a document as a document shard holds it.
type DocEntry struct {
	URL       string `json:"u"`
	Kind      string `json:"k"`
	KindLabel string `json:"l"`
	Code      string `json:"c"`
	Title     string `json:"t"`
	Status    string `json:"s"`
	Obsolete  bool   `json:"o"`
	// Snippet is the start of the body, as snippets are cut from.
	Snippet string `json:"b"`
}

// entry is one key's data in a term shard.
type entry struct {
	variants []string
	ints     []int
	stride   int
}

// Open reads search/meta.json from fsys, the site root.
func Open(fsys fs.FS) (*Index, error) {
	var m meta
	if err := readJSON(fsys, Dir+"meta.json", &m); err != nil {
		return nil, err
	}
	if m.V != 3 || len(m.Doc) != m.N {
		return nil, fmt.Errorf("search: open: %smeta.json: unknown version or inconsistent lengths", Dir)
	}
	return &Index{fsys: fsys, meta: m, terms: map[string]*termShard{}, dshard: map[string]*docShard{}}, nil
}

// Len is the number of documents.
func (ix *Index) Len() int { return ix.meta.N }

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("search: %s: %w", name, err)
	}
	return nil
}

// lookup returns key's entry, or nil when no document has key.
func (ix *Index) lookup(key string) (*entry, error) {
	i := sort.Search(len(ix.meta.TK), func(i int) bool { return compareUTF16(ix.meta.TK[i], key) > 0 }) - 1
	if i < 0 {
		return nil, nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	name := Dir + "t/" + strconv.Itoa(i) + ".json"
	sh := ix.terms[name]
	if sh == nil {
		sh = &termShard{}
		if err := readJSON(ix.fsys, name, sh); err != nil {
			return nil, err
		}
		if len(sh.V) != len(sh.K) || len(sh.P) != len(sh.K) {
			return nil, fmt.Errorf("search: term shard %s: inconsistent lengths", name)
		}
		sh.at = make(map[string]int, len(sh.K))
		for j, k := range sh.K {
			sh.at[k] = j
		}
		ix.terms[name] = sh
	}
	j, ok := sh.at[key]
	if !ok {
		return nil, nil
	}
	e := &entry{variants: sh.V[j], stride: 2}
	if len(e.variants) > 1 {
		e.stride = 3
	}
	ints, err := decodePostings(sh.P[j], e.stride, ix.meta.N)
	if err != nil {
		return nil, fmt.Errorf("search: %s: key %q: %w", name, key, err)
	}
	e.ints = ints
	return e, nil
}

// Doc returns document n's entry.
func (ix *Index) Doc(n int) (DocEntry, error) {
	if n < 0 || n >= ix.meta.N {
		return DocEntry{}, fmt.Errorf("search: no document %d", n)
	}
	i := sort.SearchInts(ix.meta.DK, n+1) - 1
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i < 0 {
		return DocEntry{}, fmt.Errorf("search: no shard for document %d", n)
	}
	name := Dir + "d/" + strconv.Itoa(i) + ".json"
	sh := ix.dshard[name]
	if sh == nil {
		sh = &docShard{}
		if err := readJSON(ix.fsys, name, sh); err != nil {
			return DocEntry{}, err
		}
		ix.dshard[name] = sh
	}
	j := n - ix.meta.DK[i]
	if j >= len(sh.D) {
		return DocEntry{}, fmt.Errorf("search: document shard %s: no document %d", name, n)
	}
	return sh.D[j], nil
}

// flags returns document n's title length and whether it is obsolete.
func (ix *Index) flags(n int) (titleLen int, obsolete bool) {
	v := 0
	for i := 0; i < len(base64url); i++ {
		if base64url[i] == ix.meta.Doc[n] {
			v = i
			break
		}
	}
	return v & 31, v&32 != 0
}

package history

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// Packed objects are read here rather than through go-git's ObjectStorage,
// using go-git's index decoder and delta patcher. The storage's read path
// computes the SHA-1 of every object it puts in its cache (the pack reader
// does not pass on the hash it knows), which alone was a quarter of the
// history extraction's time, and it keeps a second, hash-keyed copy of what
// is cached here by pack offset. Objects not found in a pack (loose
// objects, alternates) are still read through go-git.

// packFile is one pack with its index.
type packFile struct {
	name string
	idx  *idxfile.MemoryIndex
	f    billy.File
	size int64
}

// openPacks opens every pack of objects/pack in the repository filesystem.
func openPacks(bfs billy.Filesystem) ([]*packFile, error) {
	dir := path.Join("objects", "pack")
	ents, err := bfs.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if n := e.Name(); strings.HasPrefix(n, "pack-") && strings.HasSuffix(n, ".idx") {
			names = append(names, strings.TrimSuffix(n, ".idx"))
		}
	}
	sort.Strings(names)
	var out []*packFile
	for _, n := range names {
		p, err := openPack(bfs, path.Join(dir, n))
		if err != nil {
			for _, q := range out {
				q.f.Close()
			}
			return nil, err
		}
		if p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

func openPack(fs billy.Filesystem, base string) (*packFile, error) {
	fi, err := fs.Stat(base + ".pack")
	if err != nil {
		return nil, nil // an index without its pack (being written): skip
	}
	ix, err := fs.Open(base + ".idx")
	if err != nil {
		return nil, err
	}
	idx := idxfile.NewMemoryIndex()
	err = idxfile.NewDecoder(bufio.NewReader(ix)).Decode(idx)
	ix.Close()
	if err != nil {
		return nil, fmt.Errorf("%s.idx: %w", base, err)
	}
	f, err := fs.Open(base + ".pack")
	if err != nil {
		return nil, err
	}
	return &packFile{name: base, idx: idx, f: f, size: fi.Size()}, nil
}

// find returns the offset of object h in the pack, by binary search over
// the index's sorted names.
func (p *packFile) find(h plumbing.Hash) (int64, bool) {
	k := p.idx.FanoutMapping[h[0]]
	if k < 0 || k >= len(p.idx.Names) || k >= len(p.idx.Offset32) {
		return 0, false
	}
	names := p.idx.Names[k]
	n := len(names) / 20
	i := sort.Search(n, func(i int) bool { return bytes.Compare(names[i*20:i*20+20], h[:]) >= 0 })
	if i == n || !bytes.Equal(names[i*20:i*20+20], h[:]) {
		return 0, false
	}
	offs := p.idx.Offset32[k]
	if len(offs) < i*4+4 {
		return 0, false
	}
	o := binary.BigEndian.Uint32(offs[i*4:])
	if o&(1<<31) == 0 {
		return int64(o), true
	}
	j := 8 * int(o&^(1<<31))
	if j+8 > len(p.idx.Offset64) {
		return 0, false
	}
	return int64(binary.BigEndian.Uint64(p.idx.Offset64[j:])), true
}

// Pack object types (gitformat-pack).
const (
	packCommit   = 1
	packTree     = 2
	packBlob     = 3
	packTag      = 4
	packOfsDelta = 6
	packRefDelta = 7
)

// maxObject bounds the inflated size of one object or delta.
const maxObject = 1 << 30

// packReader inflates objects; it holds reusable buffers.
type packReader struct {
	br *bufio.Reader
	zr io.ReadCloser
}

// raw reads the entry at off: its pack type, its inflated data (the object,
// or the delta for a deltified one) and the base's offset or hash.
func (r *packReader) raw(p *packFile, off int64) (typ int, data []byte, baseOff int64, baseHash plumbing.Hash, err error) {
	if off < 0 || off >= p.size {
		return 0, nil, 0, baseHash, fmt.Errorf("%s: vị trí %d ngoài tệp pack", p.name, off)
	}
	sec := io.NewSectionReader(p.f, off, p.size-off)
	if r.br == nil {
		r.br = bufio.NewReaderSize(sec, 8192)
	} else {
		r.br.Reset(sec)
	}
	b, err := r.br.ReadByte()
	if err != nil {
		return 0, nil, 0, baseHash, err
	}
	typ = int(b>>4) & 7
	size := int64(b & 15)
	for shift := 4; b&0x80 != 0; shift += 7 {
		if b, err = r.br.ReadByte(); err != nil {
			return 0, nil, 0, baseHash, err
		}
		if shift > 56 {
			return 0, nil, 0, baseHash, fmt.Errorf("%s@%d: độ dài hỏng", p.name, off)
		}
		size |= int64(b&0x7f) << shift
	}
	switch typ {
	case packOfsDelta:
		if b, err = r.br.ReadByte(); err != nil {
			return 0, nil, 0, baseHash, err
		}
		rel := int64(b & 0x7f)
		for b&0x80 != 0 {
			if b, err = r.br.ReadByte(); err != nil {
				return 0, nil, 0, baseHash, err
			}
			if rel > off {
				return 0, nil, 0, baseHash, fmt.Errorf("%s@%d: delta trỏ ra ngoài", p.name, off)
			}
			rel = (rel+1)<<7 | int64(b&0x7f)
		}
		baseOff = off - rel
		if rel <= 0 || baseOff < 0 {
			return 0, nil, 0, baseHash, fmt.Errorf("%s@%d: delta trỏ ra ngoài", p.name, off)
		}
	case packRefDelta:
		if _, err = io.ReadFull(r.br, baseHash[:]); err != nil {
			return 0, nil, 0, baseHash, err
		}
	case packCommit, packTree, packBlob, packTag:
	default:
		return 0, nil, 0, baseHash, fmt.Errorf("%s@%d: loại đối tượng %d không hợp lệ", p.name, off, typ)
	}
	if size > maxObject {
		return 0, nil, 0, baseHash, fmt.Errorf("%s@%d: đối tượng quá lớn (%d byte)", p.name, off, size)
	}
	if r.zr == nil {
		r.zr, err = zlib.NewReader(r.br)
	} else {
		err = r.zr.(zlib.Resetter).Reset(r.br, nil)
	}
	if err != nil {
		return 0, nil, 0, baseHash, fmt.Errorf("%s@%d: %w", p.name, off, err)
	}
	data = make([]byte, size)
	if _, err = io.ReadFull(r.zr, data); err != nil {
		return 0, nil, 0, baseHash, fmt.Errorf("%s@%d: giải nén: %w", p.name, off, err)
	}
	return typ, data, baseOff, baseHash, nil
}

func objectType(packType int) plumbing.ObjectType {
	switch packType {
	case packCommit:
		return plumbing.CommitObject
	case packTree:
		return plumbing.TreeObject
	case packBlob:
		return plumbing.BlobObject
	case packTag:
		return plumbing.TagObject
	}
	return plumbing.InvalidObject
}

// maxDeltaDepth bounds delta chains (git's default limit is 4095).
const maxDeltaDepth = 10000

// packed returns the object at off in pack pi, resolving deltas through the
// cache.
func (o *odb) packed(pi int, off int64, depth int) (*cobj, error) {
	key := ckey{pack: int32(pi), off: off}
	if c, ok := o.cache.get(key); ok {
		return c, nil
	}
	if depth > maxDeltaDepth {
		return nil, fmt.Errorf("chuỗi delta quá dài")
	}
	p := o.packs[pi]
	typ, data, baseOff, baseHash, err := o.pr.raw(p, off)
	if err != nil {
		return nil, err
	}
	var c *cobj
	switch typ {
	case packOfsDelta, packRefDelta:
		var base *cobj
		if typ == packOfsDelta {
			base, err = o.packed(pi, baseOff, depth+1)
		} else {
			base, err = o.object(baseHash, depth+1)
		}
		if err != nil {
			return nil, err
		}
		raw, err := packfile.PatchDelta(base.raw, data)
		if err != nil {
			return nil, fmt.Errorf("%s@%d: %w", p.name, off, err)
		}
		c = &cobj{typ: base.typ, raw: raw}
	default:
		c = &cobj{typ: objectType(typ), raw: data}
	}
	o.cache.put(key, c)
	return c, nil
}

package history

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
)

// Packed objects are read here rather than through go-git's ObjectStorage,
// using go-git's index decoder. The storage's read path computes the SHA-1
// of every object it puts in its cache (the pack reader does not pass on
// the hash it knows), which alone was a quarter of the history
// extraction's time, and it keeps a second, hash-keyed copy of what is
// cached here by pack offset. Objects not found in a pack (loose objects,
// alternates) are still read through go-git.
//
// A pack file is mapped into memory (mmap where the system has it, read
// otherwise): an entry is inflated straight from the mapping, with no
// system call and no copy through a buffered reader, and readers on
// several goroutines share it. Deltas are applied by patchDelta (delta.go)
// into a slice of the exact target size.

// packFile is one pack with its index.
type packFile struct {
	name  string
	idx   *idxfile.MemoryIndex
	data  []byte // the whole pack file
	unmap func() error
}

// openPacks opens every pack of the directory dir (objects/pack).
func openPacks(dir string) ([]*packFile, error) {
	ents, err := os.ReadDir(dir)
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
		p, err := openPack(filepath.Join(dir, n))
		if err != nil {
			for _, q := range out {
				q.close()
			}
			return nil, err
		}
		if p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

func openPack(base string) (*packFile, error) {
	f, err := os.Open(base + ".pack")
	if err != nil {
		return nil, nil // an index without its pack (being written): skip
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	ix, err := os.Open(base + ".idx")
	if err != nil {
		return nil, err
	}
	idx := idxfile.NewMemoryIndex()
	err = idxfile.NewDecoder(bufio.NewReader(ix)).Decode(idx)
	ix.Close()
	if err != nil {
		return nil, fmt.Errorf("%s.idx: %w", base, err)
	}
	data, unmap, err := mapFile(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("%s.pack: %w", base, err)
	}
	return &packFile{name: base, idx: idx, data: data, unmap: unmap}, nil
}

func (p *packFile) close() error {
	var err error
	if p.unmap != nil {
		err = p.unmap()
	}
	p.data, p.unmap = nil, nil
	return err
}

// readFile reads the first size bytes of f.
func readFile(f *os.File, size int64) ([]byte, func() error, error) {
	if size < 0 || size != int64(int(size)) {
		return nil, nil, fmt.Errorf("kích thước %d không hợp lệ", size)
	}
	b := make([]byte, size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, nil, err
	}
	return b, nil, nil
}

// find returns the offset of object h in the pack, by binary search over
// the index's sorted names.
func (p *packFile) find(h plumbing.Hash) (int64, bool) {
	k := p.idx.FanoutMapping[h[0]]
	if k < 0 || k >= len(p.idx.Names) || k >= len(p.idx.Offset32) {
		return 0, false
	}
	names := p.idx.Names[k]
	// Binary search on the first eight bytes as a number, then on the
	// rest only among names that share them.
	key := binary.BigEndian.Uint64(h[:8])
	lo, hi := 0, len(names)/20
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		x := binary.BigEndian.Uint64(names[m*20:])
		if x < key || x == key && bytes.Compare(names[m*20+8:m*20+20], h[8:]) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	i := lo
	if i*20+20 > len(names) || !bytes.Equal(names[i*20:i*20+20], h[:]) {
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

// entryHeader is what precedes a pack entry's compressed data.
type entryHeader struct {
	typ      int
	size     int64 // inflated size of the object, or of the delta
	baseOff  int64 // the base of an offset delta
	baseHash plumbing.Hash
	dataOff  int64 // where the zlib stream starts
}

// header parses the header of the entry at off.
func (p *packFile) header(off int64) (entryHeader, error) {
	var h entryHeader
	data := p.data
	if off < 0 || off >= int64(len(data)) {
		return h, fmt.Errorf("%s: vị trí %d ngoài tệp pack", p.name, off)
	}
	i := off
	next := func() (byte, error) {
		if i >= int64(len(data)) {
			return 0, io.ErrUnexpectedEOF
		}
		b := data[i]
		i++
		return b, nil
	}
	b, _ := next()
	h.typ = int(b>>4) & 7
	h.size = int64(b & 15)
	var err error
	for shift := 4; b&0x80 != 0; shift += 7 {
		if b, err = next(); err != nil {
			return h, err
		}
		if shift > 56 {
			return h, fmt.Errorf("%s@%d: độ dài hỏng", p.name, off)
		}
		h.size |= int64(b&0x7f) << shift
	}
	switch h.typ {
	case packOfsDelta:
		if b, err = next(); err != nil {
			return h, err
		}
		rel := int64(b & 0x7f)
		for b&0x80 != 0 {
			if b, err = next(); err != nil {
				return h, err
			}
			if rel > off {
				return h, fmt.Errorf("%s@%d: delta trỏ ra ngoài", p.name, off)
			}
			rel = (rel+1)<<7 | int64(b&0x7f)
		}
		h.baseOff = off - rel
		if rel <= 0 || h.baseOff < 0 {
			return h, fmt.Errorf("%s@%d: delta trỏ ra ngoài", p.name, off)
		}
	case packRefDelta:
		if i+20 > int64(len(data)) {
			return h, io.ErrUnexpectedEOF
		}
		copy(h.baseHash[:], data[i:i+20])
		i += 20
	case packCommit, packTree, packBlob, packTag:
	default:
		return h, fmt.Errorf("%s@%d: loại đối tượng %d không hợp lệ", p.name, off, h.typ)
	}
	if h.size > maxObject {
		return h, fmt.Errorf("%s@%d: đối tượng quá lớn (%d byte)", p.name, off, h.size)
	}
	h.dataOff = i
	return h, nil
}

// packReader inflates pack entries; it holds a reusable decompressor and
// the buffer deltas are inflated into. One goroutine uses it at a time.
type packReader struct {
	src   bytes.Reader
	fr    io.ReadCloser
	delta []byte
	read  int64 // bytes of the mapping read by the last packed call
}

// inflate fills dst with the start of the zlib stream at p.data[off:].
// The stream's checksum is not checked (the stream is not read to its end),
// as before with compress/zlib, so it is inflated with compress/flate
// after the two-byte zlib header, which is checked as zlib does.
func (r *packReader) inflate(p *packFile, off int64, dst []byte) error {
	data := p.data[off:]
	if len(data) < 2 {
		return io.ErrUnexpectedEOF
	}
	cmf, flg := data[0], data[1]
	if cmf&0x0f != 8 || cmf>>4 > 7 || (uint(cmf)<<8|uint(flg))%31 != 0 {
		return zlib.ErrHeader
	}
	if flg&0x20 != 0 {
		return zlib.ErrDictionary
	}
	r.src.Reset(data[2:])
	if r.fr == nil {
		r.fr = flate.NewReader(&r.src)
	} else if err := r.fr.(flate.Resetter).Reset(&r.src, nil); err != nil {
		return err
	}
	_, err := io.ReadFull(r.fr, dst)
	r.read += int64(len(data) - r.src.Len())
	return err
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

// maxKeptDelta bounds the delta buffer a packReader keeps between reads.
const maxKeptDelta = 1 << 20

// maxDeltaDepth bounds delta chains (git's default limit is 4095).
const maxDeltaDepth = 10000

// packed returns the object at off in pack pi. A delta chain is followed
// down to an object in the cache or a whole one, then applied upwards;
// every object made on the way is cached (delta bases are shared by the
// objects built on them). depth counts the deltas above this call, across
// ref-delta bases found by hash; store allows reading those through go-git
// (see odb.object). The caller holds o.packMu for reading.
func (o *odb) packed(pi int, off int64, depth int, store, keep bool) (*cobj, error) {
	key := ckey{pack: int32(pi), off: off}
	if c := o.cache.get(key); c != nil {
		return c, nil
	}
	p := o.packs[pi]
	r := o.readers.Get().(*packReader)
	r.read = 0
	defer func() {
		o.touched(r.read)
		o.readers.Put(r)
	}()
	type link struct {
		off int64
		h   entryHeader
	}
	var chainBuf [16]link
	chain := chainBuf[:0]
	var base *cobj
	for cur := off; base == nil; {
		if depth+len(chain) > maxDeltaDepth {
			return nil, fmt.Errorf("chuỗi delta quá dài")
		}
		h, err := p.header(cur)
		if err != nil {
			return nil, err
		}
		switch h.typ {
		case packOfsDelta:
			chain = append(chain, link{cur, h})
			if c := o.cache.get(ckey{pack: int32(pi), off: h.baseOff}); c != nil {
				base = c
			}
			cur = h.baseOff
		case packRefDelta:
			chain = append(chain, link{cur, h})
			// The base may be in another pack or loose; r is not in use
			// yet, so the recursion cannot clobber it.
			if base, err = o.object(h.baseHash, depth+len(chain), store, true); err != nil {
				return nil, err
			}
		default:
			data := make([]byte, h.size)
			if err := r.inflate(p, h.dataOff, data); err != nil {
				return nil, fmt.Errorf("%s@%d: giải nén: %w", p.name, cur, err)
			}
			base = &cobj{typ: objectType(h.typ), raw: data}
			if keep || len(chain) > 0 {
				o.cache.put(ckey{pack: int32(pi), off: cur}, base)
			}
		}
	}
	for k := len(chain) - 1; k >= 0; k-- {
		l := chain[k]
		var delta []byte
		switch {
		case l.h.size <= int64(cap(r.delta)):
			delta = r.delta[:l.h.size]
		case l.h.size <= maxKeptDelta:
			r.delta = make([]byte, l.h.size)
			delta = r.delta
		default:
			delta = make([]byte, l.h.size) // not kept: rare and large
		}
		if err := r.inflate(p, l.h.dataOff, delta); err != nil {
			return nil, fmt.Errorf("%s@%d: giải nén: %w", p.name, l.off, err)
		}
		raw, err := patchDelta(base.raw, delta)
		if err != nil {
			return nil, fmt.Errorf("%s@%d: %w", p.name, l.off, err)
		}
		base = &cobj{typ: base.typ, raw: raw}
		if keep || k > 0 {
			o.cache.put(ckey{pack: int32(pi), off: l.off}, base)
		}
	}
	return base, nil
}

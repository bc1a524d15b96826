package history

import "errors"

// errBadDelta reports a delta that does not apply to its base.
var errBadDelta = errors.New("delta hỏng")

// patchDelta applies a git delta (gitformat-pack, "Deltified
// representation") to base and returns the result in a new slice of
// exactly the target size the delta names. It accepts and rejects the same
// deltas as go-git's packfile.PatchDelta, whose bytes.Buffer it avoids
// growing: delta_test.go checks both against each other. (Targets above
// maxObject are the one difference: they are refused.)
func patchDelta(base, delta []byte) ([]byte, error) {
	if len(base) == 0 || len(delta) < 2 {
		return nil, errBadDelta
	}
	srcSize, delta, ok := deltaSize(delta)
	if !ok || srcSize != uint64(len(base)) {
		return nil, errBadDelta
	}
	dstSize, delta, ok := deltaSize(delta)
	if !ok {
		return nil, errBadDelta
	}
	// Every command takes at least one byte of the delta and yields fewer
	// than 1<<24 bytes: a larger target cannot be reached, and is not
	// allocated. Nor is one above maxObject (which go-git would build).
	if dstSize > uint64(len(delta))<<24 || dstSize > maxObject {
		return nil, errBadDelta
	}
	out := make([]byte, dstSize)
	n := 0
	for n < len(out) {
		if len(delta) == 0 {
			return nil, errBadDelta
		}
		cmd := delta[0]
		delta = delta[1:]
		switch {
		case cmd&0x80 != 0: // copy from base
			var off, sz uint64
			for k := uint(0); k < 4; k++ {
				if cmd&(1<<k) != 0 {
					if len(delta) == 0 {
						return nil, errBadDelta
					}
					off |= uint64(delta[0]) << (8 * k)
					delta = delta[1:]
				}
			}
			for k := uint(0); k < 3; k++ {
				if cmd&(0x10<<k) != 0 {
					if len(delta) == 0 {
						return nil, errBadDelta
					}
					sz |= uint64(delta[0]) << (8 * k)
					delta = delta[1:]
				}
			}
			if sz == 0 {
				sz = 0x10000
			}
			if sz > uint64(len(out)-n) || off+sz > uint64(len(base)) {
				return nil, errBadDelta
			}
			n += copy(out[n:], base[off:off+sz])
		case cmd != 0: // insert cmd bytes of the delta
			sz := int(cmd)
			if sz > len(out)-n || sz > len(delta) {
				return nil, errBadDelta
			}
			n += copy(out[n:], delta[:sz])
			delta = delta[sz:]
		default:
			return nil, errBadDelta
		}
	}
	if len(delta) != 0 {
		return nil, errBadDelta // every byte of the delta must be used
	}
	return out, nil
}

// deltaSize decodes a size at the start of a delta (little-endian base-128
// groups, as go-git's decodeLEB128 reads them: a truncated number ends
// where the input does).
func deltaSize(b []byte) (uint64, []byte, bool) {
	var v uint64
	for i := 0; i < len(b); i++ {
		if i*7 > 64-7 {
			return 0, b, false
		}
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i]&0x80 == 0 || i+1 == len(b) {
			return v, b[i+1:], true
		}
	}
	return 0, b, true
}

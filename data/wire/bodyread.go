package wire

import (
	"encoding/binary"
	"errors"
	"io"
)

// ErrTooLarge is what ReadAtMost returns for a body over its limit.
var ErrTooLarge = errors.New("body too large")

// ReadAtMost reads r to its end, at most limit bytes (ErrTooLarge past
// them), into one buffer of size bytes when size is not negative. A push
// or pull body is tens or hundreds of kilobytes: grown from nothing by
// doubling, its buffers were most of the garbage an exchange made. Other
// errors are r's, as they are.
func ReadAtMost(r io.Reader, limit, size int64) ([]byte, error) {
	b := make([]byte, 0, min(limit, max(size, 511))+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return nil, ErrTooLarge
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// GzipSizeHint is the size a gzipped body says it ungzips to (its
// trailer), bounded at gzipHintRatio times its own size since the trailer
// is the sender's word; -1 when the body is too short to say.
func GzipSizeHint(zipped []byte) int64 {
	n := len(zipped)
	if n < 4 {
		return -1
	}
	return min(int64(binary.LittleEndian.Uint32(zipped[n-4:])), gzipHintRatio*int64(n))
}

// gzipHintRatio bounds the size GzipSizeHint gives, as a multiple of the
// gzipped size: JSON events shrink about four times.
const gzipHintRatio = 16

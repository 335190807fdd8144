package data

import (
	"bytes"
	"crypto/sha256"
	"hash"
	"io"
)

// trailerReader passes a backup's stream on to Badger and holds back the
// last trailerLen bytes read, which at the end are the trailer, hashing
// and counting what it passes on. Badger's Load reads to EOF, so the stream
// must end where the trailer starts.
type trailerReader struct {
	r    io.Reader
	held []byte // the last bytes read, not yet passed on
	buf  []byte
	sum  hash.Hash
	n    int64
	eof  bool
}

func newTrailerReader(r io.Reader) *trailerReader {
	return &trailerReader{r: r, sum: sha256.New(), buf: make([]byte, 64<<10)}
}

func (t *trailerReader) Read(p []byte) (int, error) {
	for len(t.held) <= trailerLen && !t.eof {
		if err := t.fill(); err != nil {
			return 0, err
		}
	}
	out := len(t.held) - trailerLen
	if out <= 0 {
		return 0, io.EOF
	}
	n := copy(p, t.held[:out])
	t.sum.Write(p[:n])
	t.n += int64(n)
	t.held = t.held[n:]
	return n, nil
}

// fill reads more into held.
func (t *trailerReader) fill() error {
	n, err := t.r.Read(t.buf)
	t.held = append(t.held, t.buf[:n]...)
	if err == io.EOF {
		t.eof = true
		return nil
	}
	return err
}

// verify checks, after the stream was read to its end, that what is left
// is the trailer of exactly what was passed on.
func (t *trailerReader) verify() error {
	for !t.eof {
		if err := t.fill(); err != nil {
			return ErrBadBackup
		}
	}
	want := trailer(t.n, t.sum.Sum(nil))
	if !bytes.Equal(t.held, []byte(want)) {
		return ErrBadBackup
	}
	return nil
}

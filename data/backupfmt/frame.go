package backupfmt

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
)

// The trailer after a framed stream: its length (16 hex digits) and
// SHA-256 (64 hex digits).
const (
	trailerPrefix = "\nFLOORDESK-END "
	// TrailerLen is the trailer's length in bytes.
	TrailerLen = len(trailerPrefix) + 16 + 1 + 64 + 1
)

// WriteFramed writes a backup file's frame: the header line magic, then
// the stream write produces, then a trailer line with the stream's length
// and SHA-256. The server's embedded store frames its backups the same way.
func WriteFramed(w io.Writer, magic string, write func(io.Writer) error) error {
	if _, err := io.WriteString(w, magic); err != nil {
		return err
	}
	sum := sha256.New()
	n := &countingWriter{w: io.MultiWriter(w, sum)}
	if err := write(n); err != nil {
		return err
	}
	_, err := io.WriteString(w, trailer(n.n, sum.Sum(nil)))
	return err
}

// ReadFramed reads what WriteFramed wrote. It checks the header line magic
// (ErrBadBackup for another file) and returns the stream, which ends where
// the trailer starts, and verify, which, once the stream was read to its
// end, returns ErrBadBackup unless the trailer matches what was read: a
// file cut short or damaged.
func ReadFramed(r io.Reader, magic string) (stream io.Reader, verify func() error, err error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, nil, ErrBadBackup
	}
	t := newTrailerReader(r)
	return t, t.verify, nil
}

func trailer(n int64, sum []byte) string {
	return fmt.Sprintf("%s%016x %s\n", trailerPrefix, n, hex.EncodeToString(sum))
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// trailerReader passes a backup's stream on to Badger and holds back the
// last TrailerLen bytes read, which at the end are the trailer, hashing
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
	for len(t.held) <= TrailerLen && !t.eof {
		if err := t.fill(); err != nil {
			return 0, err
		}
	}
	out := len(t.held) - TrailerLen
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

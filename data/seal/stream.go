package seal

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
)

// A sealed stream is a header, then the plaintext in chunks of ChunkSize
// bytes, each sealed with AES-256-GCM:
//
//	FLOORDESK-SEALED 1\n
//	key <key ID, 16 hex digits>\n
//	<nonce base, 12 bytes>
//	<chunk>... <last chunk>
//
// Every chunk but the last holds exactly ChunkSize bytes; the last holds
// fewer (maybe none), so a stream always ends in a short chunk. Chunk i's
// nonce is the base with i added into its last 8 bytes, and its
// additional data is the header and a byte saying whether it is the last:
// chunks cannot be reordered, dropped, moved to another file, or cut off
// at the end without the reader noticing.
const (
	Magic     = "FLOORDESK-SEALED 1\n"
	ChunkSize = 64 << 10
	nonceSize = 12
	tagSize   = 16
	headerLen = len(Magic) + len("key ") + 16 + 1 + nonceSize
)

// ErrDamaged: a sealed stream cut short, altered or not sealed at all.
var ErrDamaged = errors.New("the sealed file is damaged or cut short")

// IsSealed reports whether head, the first bytes of a file, starts a
// sealed stream.
func IsSealed(head []byte) bool {
	return len(head) >= len(Magic) && string(head[:len(Magic)]) == Magic
}

// Writer seals what is written to it; Close writes the last chunk.
type Writer struct {
	w      io.Writer
	aead   cipher.AEAD
	header []byte
	nonce  []byte
	buf    []byte
	seq    uint64
	err    error
}

// NewWriter writes a sealed stream's header to w and returns the Writer
// that seals the plaintext after it. k must be Valid.
func NewWriter(w io.Writer, k Key) (*Writer, error) {
	aead, err := newAEAD(k)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, nonceSize)
	rand.Read(nonce)
	header := append([]byte(Magic+"key "+k.ID()+"\n"), nonce...)
	if _, err := w.Write(header); err != nil {
		return nil, err
	}
	return &Writer{w: w, aead: aead, header: header, nonce: nonce, buf: make([]byte, 0, ChunkSize)}, nil
}

func (s *Writer) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 && s.err == nil {
		c := copy(s.buf[len(s.buf):ChunkSize], p)
		s.buf = s.buf[:len(s.buf)+c]
		p, n = p[c:], n+c
		if len(s.buf) == ChunkSize {
			s.err = s.flush(false)
		}
	}
	return n, s.err
}

// Close seals and writes the last chunk. It does not close the writer
// underneath.
func (s *Writer) Close() error {
	if s.err != nil {
		return s.err
	}
	s.err = s.flush(true)
	if s.err == nil {
		s.err = errors.New("seal: writer closed")
		return nil
	}
	return s.err
}

func (s *Writer) flush(last bool) error {
	out := s.aead.Seal(nil, chunkNonce(s.nonce, s.seq), s.buf, additional(s.header, last))
	s.seq++
	s.buf = s.buf[:0]
	_, err := s.w.Write(out)
	return err
}

// KeyError is a sealed stream refused for its key: Err is ErrWrongKey or
// ErrNoKey, Wanted the ID of the key it was sealed with.
type KeyError struct {
	Err           error
	Wanted, Given string
}

func (e *KeyError) Error() string {
	if e.Given == "" {
		return fmt.Sprintf("%v: it wants key %s", e.Err, e.Wanted)
	}
	return fmt.Sprintf("%v: it wants key %s, and the key given is %s", e.Err, e.Wanted, e.Given)
}

func (e *KeyError) Unwrap() error { return e.Err }

// Reader opens a sealed stream.
type Reader struct {
	r      io.Reader
	aead   cipher.AEAD
	header []byte
	nonce  []byte
	in     []byte
	out    []byte
	seq    uint64
	done   bool
}

// NewReader reads a sealed stream's header from r. It returns ErrDamaged
// when r is not a sealed stream, and a *KeyError (ErrWrongKey, naming the
// stream's key ID) when it was sealed with another key than k, or
// (ErrNoKey) when k is empty.
func NewReader(r io.Reader, k Key) (*Reader, error) {
	header := make([]byte, headerLen)
	if _, err := io.ReadFull(r, header); err != nil || string(header[:len(Magic)+4]) != Magic+"key " {
		return nil, ErrDamaged
	}
	id := string(header[len(Magic)+4 : len(Magic)+20])
	if _, err := hex.DecodeString(id); err != nil || header[len(Magic)+20] != '\n' {
		return nil, ErrDamaged
	}
	if len(k) == 0 {
		return nil, &KeyError{Err: ErrNoKey, Wanted: id}
	}
	if id != k.ID() {
		return nil, &KeyError{Err: ErrWrongKey, Wanted: id, Given: k.ID()}
	}
	aead, err := newAEAD(k)
	if err != nil {
		return nil, err
	}
	return &Reader{r: bufio.NewReaderSize(r, ChunkSize+tagSize), aead: aead, header: header,
		nonce: header[headerLen-nonceSize:], in: make([]byte, ChunkSize+tagSize)}, nil
}

// KeyID reads the key ID in a sealed stream's header, for a message.
func KeyID(header []byte) string {
	if len(header) < len(Magic)+20 || !IsSealed(header) {
		return ""
	}
	return string(header[len(Magic)+4 : len(Magic)+20])
}

func (s *Reader) Read(p []byte) (int, error) {
	for len(s.out) == 0 {
		if s.done {
			return 0, io.EOF
		}
		if err := s.next(); err != nil {
			return 0, err
		}
	}
	n := copy(p, s.out)
	s.out = s.out[n:]
	return n, nil
}

// next reads and opens one chunk: a whole one is never the last, a short
// one always is, and nothing after the last one is allowed.
func (s *Reader) next() error {
	n, err := io.ReadFull(s.r, s.in)
	last := false
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		last = true
	case err != nil:
		return err
	}
	if n < tagSize {
		return ErrDamaged
	}
	out, err := s.aead.Open(s.in[:0], chunkNonce(s.nonce, s.seq), s.in[:n], additional(s.header, last))
	if err != nil {
		return ErrDamaged
	}
	s.seq++
	s.out, s.done = out, last
	return nil
}

func newAEAD(k Key) (cipher.AEAD, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("seal: a key has %d bytes, not %d", KeySize, len(k))
	}
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func chunkNonce(base []byte, seq uint64) []byte {
	n := make([]byte, nonceSize)
	copy(n, base)
	binary.BigEndian.PutUint64(n[4:], binary.BigEndian.Uint64(base[4:])+seq)
	return n
}

func additional(header []byte, last bool) []byte {
	ad := make([]byte, len(header)+1)
	copy(ad, header)
	if last {
		ad[len(header)] = 1
	}
	return ad
}

package data

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"

	"floordesk/data/wire"
)

// The desk gzips its pushes and ungzips the server's answers itself,
// with github.com/klauspost/compress (as the server does): it ungzips a
// pull answer in about four fifths of the time the standard library
// takes, which net/http's transparent decoding would use. Readers and
// writers are kept for reuse.
var (
	gzipReaders sync.Pool
	gzipWriters = sync.Pool{New: func() any {
		zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
		return zw
	}}
)

// gzipBody is body gzipped at the fastest level.
func gzipBody(body []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body)/3 + 64)
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	zw.Write(body)
	zw.Close()
	gzipWriters.Put(zw)
	return buf.Bytes()
}

// readAnswer reads an answer's body, ungzipped when the server gzipped
// it, and refuses one over limit bytes (as sent or ungzipped). A gzipped
// answer is read whole first, then ungzipped into one buffer of the size
// its trailer gives (bounded: the trailer is the server's word), not
// grown by doubling from nothing.
func readAnswer(resp *http.Response, limit int64) ([]byte, error) {
	if resp.ContentLength > limit {
		return nil, answerTooLarge(limit)
	}
	sent, err := readLimited(resp.Body, limit, resp.ContentLength)
	if err != nil || !strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		return sent, err
	}
	zr, err := newGzipReader(bytes.NewReader(sent))
	if err != nil {
		return nil, fmt.Errorf("gzip answer: %w", err)
	}
	defer gzipReaders.Put(zr)
	return readLimited(zr, limit, wire.GzipSizeHint(sent))
}

// ReadAnswer reads a server's answer as the sync client does (readAnswer,
// at most the desk's limit): for tools and benchmarks that talk to the
// server themselves.
func ReadAnswer(resp *http.Response) ([]byte, error) {
	return readAnswer(resp, maxAnswerRead)
}

func newGzipReader(r io.Reader) (*gzip.Reader, error) {
	if zr, ok := gzipReaders.Get().(*gzip.Reader); ok {
		return zr, zr.Reset(r)
	}
	return gzip.NewReader(r)
}

// readLimited is wire.ReadAtMost saying, past limit, by how much.
func readLimited(r io.Reader, limit, size int64) ([]byte, error) {
	b, err := wire.ReadAtMost(r, limit, size)
	if err == wire.ErrTooLarge {
		return nil, answerTooLarge(limit)
	}
	return b, err
}

func answerTooLarge(limit int64) error { return fmt.Errorf("answer over %d bytes", limit) }

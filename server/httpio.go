package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"

	"floordesk/data/wire"
)

// errTooLarge marks a body over the size limit.
var errTooLarge = wire.ErrTooLarge

// readBody reads a request body of at most max bytes, both as sent and
// after gzip decoding when the client sent Content-Encoding: gzip. It
// reads into one buffer of the body's size where it can tell it (a push
// is tens of kilobytes: grown from nothing, its buffer was most of the
// garbage a push made).
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	if r.ContentLength > max {
		return nil, errTooLarge
	}
	body := http.MaxBytesReader(w, r.Body, max)
	enc := strings.ToLower(r.Header.Get("Content-Encoding"))
	switch enc {
	case "", "identity":
		return readAtMost(body, max, r.ContentLength)
	case "gzip":
		return readGzip(body, max, r.ContentLength)
	default:
		return nil, fmt.Errorf("content encoding %q not supported", enc)
	}
}

// readGzip reads a gzipped body whole, then decodes it into a buffer of
// the size its trailer gives (bounded: the trailer is the sender's word).
func readGzip(body io.Reader, max, length int64) ([]byte, error) {
	zipped, err := readAtMost(body, max, length)
	if err != nil {
		return nil, err
	}
	zr, err := gzipReader(bytes.NewReader(zipped))
	if err != nil {
		return nil, tooLargeOr(err, "gzip body")
	}
	defer gzipReaders.Put(zr)
	return readAtMost(zr, max, wire.GzipSizeHint(zipped))
}

// readAtMost is wire.ReadAtMost with a body's read errors sorted: over
// the limit (as sent, through http.MaxBytesReader, or decoded) is
// errTooLarge.
func readAtMost(r io.Reader, limit, size int64) ([]byte, error) {
	b, err := wire.ReadAtMost(r, limit, size)
	if err != nil && err != errTooLarge {
		return nil, tooLargeOr(err, "read body")
	}
	return b, err
}

// gzipReaders keeps gzip readers for reuse across requests.
var gzipReaders sync.Pool

func gzipReader(r io.Reader) (*gzip.Reader, error) {
	if zr, ok := gzipReaders.Get().(*gzip.Reader); ok {
		return zr, zr.Reset(r)
	}
	return gzip.NewReader(r)
}

func tooLargeOr(err error, op string) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errTooLarge
	}
	return fmt.Errorf("%s: %w", op, err)
}

// acceptsGzip reports whether the client takes gzip answers.
func acceptsGzip(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// gzipMinBytes is the smallest answer worth gzipping.
const gzipMinBytes = 1024

// writeBody sends a JSON body, gzipped when the client accepts it and the
// body is big enough to gain from it.
func writeBody(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Add("Vary", "Accept-Encoding")
	if len(body) < gzipMinBytes || !acceptsGzip(r) {
		w.WriteHeader(status)
		w.Write(body)
		return
	}
	h.Set("Content-Encoding", "gzip")
	w.WriteHeader(status)
	zw := gzipWriters.get()
	zw.Reset(w)
	zw.Write(body)
	zw.Close()
	gzipWriters.put(zw)
}

// gzipWriters keeps gzip writers for reuse: each holds a few hundred
// kilobytes of tables and window, too much to allocate per answer. They
// are github.com/klauspost/compress's, which gzip a pull answer at the
// fastest level in two thirds of the standard library's time, about as
// small.
var gzipWriters = &writerPool{free: make(chan *gzip.Writer, keptGzipWriters)}

// keptGzipWriters is how many idle gzip writers the server keeps: a few
// answers are gzipped at once on a server with a few processors.
const keptGzipWriters = 8

// writerPool is a free list of gzip writers. Unlike a sync.Pool, which
// every other garbage collection empties, it keeps them: under a stream
// of pushes and pulls the server collected often enough that most answers
// made a new writer.
type writerPool struct {
	free chan *gzip.Writer
}

func (p *writerPool) get() *gzip.Writer {
	select {
	case zw := <-p.free:
		return zw
	default:
		zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
		return zw
	}
}

func (p *writerPool) put(zw *gzip.Writer) {
	select {
	case p.free <- zw:
	default:
	}
}

func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encode answer", http.StatusInternalServerError)
		return
	}
	writeBody(w, r, status, append(b, '\n'))
}

// writeError sends an error body. Errors are small: never gzipped.
func writeError(w http.ResponseWriter, status int, body wire.ErrorBody) {
	b, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

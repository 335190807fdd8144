package server

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"floordesk/data/wire"
)

// errTooLarge marks a body over the size limit.
var errTooLarge = errors.New("body too large")

// readBody reads a request body of at most max bytes, both as sent and
// after gzip decoding when the client sent Content-Encoding: gzip.
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	if r.ContentLength > max {
		return nil, errTooLarge
	}
	var body io.Reader = http.MaxBytesReader(w, r.Body, max)
	switch enc := strings.ToLower(r.Header.Get("Content-Encoding")); enc {
	case "", "identity":
	case "gzip":
		zr, err := gzipReader(body)
		if err != nil {
			return nil, tooLargeOr(err, "gzip body")
		}
		defer gzipReaders.Put(zr)
		body = zr
	default:
		return nil, fmt.Errorf("content encoding %q not supported", enc)
	}
	b, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, tooLargeOr(err, "read body")
	}
	if int64(len(b)) > max {
		return nil, errTooLarge
	}
	return b, nil
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
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(w)
	zw.Write(body)
	zw.Close()
	gzipWriters.Put(zw)
}

// gzipWriters keeps gzip writers for reuse: each holds about a megabyte of
// tables, too much to allocate per answer.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return zw
}}

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

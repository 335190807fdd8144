package wire_test

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"floordesk/data/wire"
)

// A body of exactly the limit is read whole, whatever size was guessed;
// one byte more is refused.
func TestReadAtMostHoldsItsLimit(t *testing.T) {
	const limit = 10_000
	for _, size := range []int64{-1, 0, 100, limit, 4 * limit} {
		b, err := wire.ReadAtMost(strings.NewReader(strings.Repeat("a", limit)), limit, size)
		if err != nil || len(b) != limit {
			t.Fatalf("size %d: read %d bytes, %v; want %d", size, len(b), err, limit)
		}
		if _, err := wire.ReadAtMost(strings.NewReader(strings.Repeat("a", limit+1)), limit, size); !errors.Is(err, wire.ErrTooLarge) {
			t.Fatalf("size %d: one byte over the limit: %v, want ErrTooLarge", size, err)
		}
	}
}

// The size a gzip trailer gives is believed up to sixteen times the
// gzipped size, and a body too short for a trailer gives none.
func TestGzipSizeHint(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	body := make([]byte, 1100)
	rand.NewChaCha8([32]byte{1}).Read(body) // does not shrink: the trailer is believed
	zw.Write(body)
	zw.Close()
	zipped := buf.Bytes()
	if got := wire.GzipSizeHint(zipped); got != 1100 {
		t.Errorf("hint %d, want 1100", got)
	}
	lying := append([]byte(nil), zipped...)
	binary.LittleEndian.PutUint32(lying[len(lying)-4:], 1<<31)
	if got, want := wire.GzipSizeHint(lying), int64(16*len(lying)); got != want {
		t.Errorf("a trailer claiming 2 GiB: hint %d, want %d", got, want)
	}
	if got := wire.GzipSizeHint([]byte{1, 2, 3}); got != -1 {
		t.Errorf("three bytes: hint %d, want -1", got)
	}
}

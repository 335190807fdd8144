package wire

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A snapshot is how a new desk joins a hotel with years of history: one
// answer to GET /v1/snapshot holding every event of the desk's property up
// to a sequence (Upto), in sequence order, as the server stores them (so a
// guest-data key a purge destroyed comes erased), gzipped as one stream.
// The desk stores them in large transactions, folding each entity once,
// then pulls from Upto as usual. The stream:
//
//	FLOORDESK-SNAPSHOT 1\n
//	<SnapshotHeader as JSON>\n
//	E <seq> <length>\n<event, canonical encoding>\n    once per event
//	END <events>\n
//
// The last line tells a whole snapshot from one cut short.
const (
	SnapshotPath  = "/" + APIVersion + "/snapshot"
	SnapshotMagic = "FLOORDESK-SNAPSHOT 1"
	// SnapshotType is the answer's Content-Type: the stream above, gzipped.
	SnapshotType = "application/x-floordesk-snapshot+gzip"
	// MaxSnapshotHeader bounds the header line and every record line.
	MaxSnapshotHeader = 4 << 10
)

// SnapshotHeader opens a snapshot: the server's epoch and the sequence
// it runs to.
type SnapshotHeader struct {
	Epoch string `json:"epoch"`
	Upto  uint64 `json:"upto"`
}

// SnapshotWriter writes a snapshot's lines (uncompressed).
type SnapshotWriter struct {
	w *bufio.Writer
	n int
}

// NewSnapshotWriter writes the magic line and the header to w.
func NewSnapshotWriter(w io.Writer, h SnapshotHeader) (*SnapshotWriter, error) {
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(SnapshotMagic + "\n")
	bw.Write(hb)
	if err := bw.WriteByte('\n'); err != nil {
		return nil, err
	}
	return &SnapshotWriter{w: bw}, nil
}

// Event writes one stored event with its sequence.
func (s *SnapshotWriter) Event(seq uint64, raw []byte) error {
	s.n++
	s.w.WriteString("E ")
	s.w.WriteString(strconv.FormatUint(seq, 10))
	s.w.WriteByte(' ')
	s.w.WriteString(strconv.Itoa(len(raw)))
	s.w.WriteByte('\n')
	s.w.Write(raw)
	return s.w.WriteByte('\n')
}

// Close writes the last line and flushes.
func (s *SnapshotWriter) Close() error {
	fmt.Fprintf(s.w, "END %d\n", s.n)
	return s.w.Flush()
}

// ErrSnapshotCut is a snapshot that ends before its last line, or holds
// something that is not a snapshot's line.
var ErrSnapshotCut = errors.New("snapshot cut short or damaged")

// SnapshotReader reads a snapshot's lines (uncompressed).
type SnapshotReader struct {
	r      *bufio.Reader
	Header SnapshotHeader
	n      int
	last   uint64
}

// NewSnapshotReader reads the magic line and the header.
func NewSnapshotReader(r io.Reader) (*SnapshotReader, error) {
	s := &SnapshotReader{r: bufio.NewReaderSize(r, 256<<10)}
	magic, err := s.line()
	if err != nil || magic != SnapshotMagic {
		return nil, fmt.Errorf("%w: not a snapshot", ErrSnapshotCut)
	}
	h, err := s.line()
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(h), &s.Header); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrSnapshotCut, err)
	}
	return s, nil
}

// Next returns the next event's sequence and encoding (a new slice), or
// io.EOF after the last line. Sequences rise and stay within the
// header's Upto; an event is at most MaxEventBytes.
func (s *SnapshotReader) Next() (uint64, []byte, error) {
	l, err := s.line()
	if err != nil {
		return 0, nil, err
	}
	if n, ok := strings.CutPrefix(l, "END "); ok {
		if c, err := strconv.Atoi(n); err != nil || c != s.n {
			return 0, nil, fmt.Errorf("%w: it says %s events, %d came", ErrSnapshotCut, n, s.n)
		}
		return 0, nil, io.EOF
	}
	f := strings.Fields(l)
	if len(f) != 3 || f[0] != "E" {
		return 0, nil, fmt.Errorf("%w: line %q", ErrSnapshotCut, l)
	}
	seq, err1 := strconv.ParseUint(f[1], 10, 64)
	size, err2 := strconv.Atoi(f[2])
	switch {
	case err1 != nil || err2 != nil || size < 0:
		return 0, nil, fmt.Errorf("%w: line %q", ErrSnapshotCut, l)
	case size > MaxEventBytes:
		return 0, nil, &LimitError{Field: "event", Size: size, Max: MaxEventBytes}
	case seq <= s.last || seq > s.Header.Upto:
		return 0, nil, fmt.Errorf("%w: sequence %d after %d, up to %d", ErrSnapshotCut, seq, s.last, s.Header.Upto)
	}
	raw := make([]byte, size+1)
	if _, err := io.ReadFull(s.r, raw); err != nil || raw[size] != '\n' {
		return 0, nil, fmt.Errorf("%w: event %d", ErrSnapshotCut, seq)
	}
	s.n, s.last = s.n+1, seq
	return seq, raw[:size], nil
}

// line reads one line of at most MaxSnapshotHeader bytes, without its
// newline.
func (s *SnapshotReader) line() (string, error) {
	var b []byte
	for {
		part, err := s.r.ReadSlice('\n')
		b = append(b, part...)
		if len(b) > MaxSnapshotHeader+1 {
			return "", fmt.Errorf("%w: a line over %d bytes", ErrSnapshotCut, MaxSnapshotHeader)
		}
		if err == nil {
			return string(b[:len(b)-1]), nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return "", fmt.Errorf("%w: %v", ErrSnapshotCut, err)
		}
	}
}

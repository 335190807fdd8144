package wire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// snapshotOf writes a snapshot of raws with sequences 1, 2, ....
func snapshotOf(t *testing.T, upto uint64, raws ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	sw, err := NewSnapshotWriter(&b, SnapshotHeader{Epoch: "ep", Upto: upto})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range raws {
		if err := sw.Event(uint64(i+1), r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readAll reads a snapshot to its end and returns its events.
func readAll(b []byte) (SnapshotHeader, [][]byte, error) {
	sr, err := NewSnapshotReader(bytes.NewReader(b))
	if err != nil {
		return SnapshotHeader{}, nil, err
	}
	var out [][]byte
	for {
		_, raw, err := sr.Next()
		if errors.Is(err, io.EOF) {
			return sr.Header, out, nil
		}
		if err != nil {
			return sr.Header, out, err
		}
		out = append(out, raw)
	}
}

func TestSnapshotRoundTrip(t *testing.T) {
	raws := [][]byte{[]byte(`{"id":"a"}`), []byte("a body\nwith a newline"), {}, bytes.Repeat([]byte("x"), MaxEventBytes)}
	h, got, err := readAll(snapshotOf(t, 9, raws...))
	if err != nil || h.Epoch != "ep" || h.Upto != 9 || len(got) != len(raws) {
		t.Fatalf("read %+v, %d events, %v", h, len(got), err)
	}
	for i := range raws {
		if !bytes.Equal(got[i], raws[i]) {
			t.Fatalf("event %d changed", i)
		}
	}
}

// TestSnapshotRefusesWhatIsNotWhole: a snapshot cut anywhere, an event
// over MaxEventBytes, a line over MaxSnapshotHeader, sequences that do
// not rise or pass Upto, and a last line that miscounts are refused.
func TestSnapshotRefusesWhatIsNotWhole(t *testing.T) {
	whole := snapshotOf(t, 2, []byte(`{"id":"a"}`), []byte(`{"id":"b"}`))
	for cut := 0; cut < len(whole); cut++ {
		if _, _, err := readAll(whole[:cut]); !errors.Is(err, ErrSnapshotCut) {
			t.Fatalf("cut at %d of %d: %v", cut, len(whole), err)
		}
	}
	head := SnapshotMagic + "\n" + `{"epoch":"ep","upto":5}` + "\n"
	for name, body := range map[string]string{
		"event too big":   fmt.Sprintf("E 1 %d\n", MaxEventBytes+1) + strings.Repeat("x", MaxEventBytes+1) + "\nEND 1\n",
		"line too long":   "E 1 1" + strings.Repeat(" ", MaxSnapshotHeader) + "\nx\nEND 1\n",
		"sequence falls":  "E 2 1\nx\nE 1 1\ny\nEND 2\n",
		"past upto":       "E 6 1\nx\nEND 1\n",
		"miscounted":      "E 1 1\nx\nEND 2\n",
		"length lies":     "E 1 5\nx\nEND 1\n",
		"unknown line":    "X 1 1\nx\nEND 1\n",
		"negative length": "E 1 -1\nEND 1\n",
	} {
		_, _, err := readAll([]byte(head + body))
		if err == nil || (!errors.Is(err, ErrSnapshotCut) && !errors.Is(err, ErrLimit)) {
			t.Errorf("%s: %v", name, err)
		}
		if name == "event too big" && !errors.Is(err, ErrLimit) {
			t.Errorf("an event over the limit: %v, want ErrLimit", err)
		}
	}
	if _, err := NewSnapshotReader(strings.NewReader("FLOORDESK-BACKUP 3\n{}\n")); !errors.Is(err, ErrSnapshotCut) {
		t.Errorf("another file read as a snapshot: %v", err)
	}
	h := `{"epoch":"ep","upto":5}`
	atLimit := h + strings.Repeat(" ", MaxSnapshotHeader-len(h))
	if sr, err := NewSnapshotReader(strings.NewReader(SnapshotMagic + "\n" + atLimit + "\n")); err != nil || sr.Header.Upto != 5 {
		t.Errorf("a header of %d bytes, the limit: %v", len(atLimit), err)
	}
	if _, err := NewSnapshotReader(strings.NewReader(SnapshotMagic + "\n" + atLimit + " \n")); !errors.Is(err, ErrSnapshotCut) {
		t.Errorf("a header over the limit: %v", err)
	}
}

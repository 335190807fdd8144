package apptest

import (
	"bytes"
	"io"
	"testing"

	"github.com/klauspost/compress/zstd"

	"floordesk/data"
)

// Readable is everything a desk's store holds, decrypted, for a test to
// look for a guest's name or phone in: a new backup unpacked (every live
// key and value: events, views, indexes, settings) and every event's body
// as the log gives it.
func Readable(t testing.TB, st *data.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := st.Backup(&b); err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b.Bytes(), []byte{0x28, 0xb5, 0x2f, 0xfd}) // the zstd stream inside the frame
	if i < 0 {
		t.Fatal("no zstd stream in the backup")
	}
	zr, err := zstd.NewReader(bytes.NewReader(b.Bytes()[i:]))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	io.Copy(&buf, zr) // the frame's trailer follows the stream: its error is expected
	if buf.Len() == 0 {
		t.Fatal("the backup unpacked to nothing")
	}
	evs, _, err := st.Log(0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		buf.Write(ev.Body)
	}
	return buf.Bytes()
}

// CountType counts the events of type typ in st's arrival log.
func CountType(t testing.TB, st *data.Store, typ string) int {
	t.Helper()
	evs, _, err := st.Log(0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range evs {
		if ev.Type == typ {
			n++
		}
	}
	return n
}

package seal

import (
	"bufio"
	"io"
)

// WriteSealed runs write through a Writer sealing with key, or straight
// to w when key is empty (a store kept plain, for tests).
func WriteSealed(w io.Writer, key Key, write func(io.Writer) error) error {
	if len(key) == 0 {
		return write(w)
	}
	sw, err := NewWriter(w, key)
	if err != nil {
		return err
	}
	if err := write(sw); err != nil {
		return err
	}
	return sw.Close()
}

// Unsealed opens br's seal with key when what it holds is sealed, and
// passes anything else on as it is (a backup from before backups were
// sealed). Its errors are NewReader's.
func Unsealed(br *bufio.Reader, key Key) (*bufio.Reader, error) {
	head, _ := br.Peek(len(Magic))
	if !IsSealed(head) {
		return br, nil
	}
	sr, err := NewReader(br, key)
	if err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(sr, 1<<20), nil
}

package data

import (
	"bufio"
	"fmt"
	"io"

	"floordesk/data/seal"
)

// ErrWrongKey: a backup or data folder made with another key than the
// one given. ErrNoKey: a sealed backup and no key. Their errors name the
// key that is wanted.
var (
	ErrWrongKey = seal.ErrWrongKey
	ErrNoKey    = seal.ErrNoKey
)

// sealed runs write through a seal.Writer with key, or straight to w when
// key is nil.
func sealed(w io.Writer, key seal.Key, write func(io.Writer) error) error {
	if len(key) == 0 {
		return write(w)
	}
	sw, err := seal.NewWriter(w, key)
	if err != nil {
		return err
	}
	if err := write(sw); err != nil {
		return err
	}
	return sw.Close()
}

// unsealed opens br's seal with key when it has one, and passes a backup
// from before backups were sealed as it is.
func unsealed(br *bufio.Reader, key seal.Key) (*bufio.Reader, error) {
	head, _ := br.Peek(len(seal.Magic))
	if !seal.IsSealed(head) {
		return br, nil
	}
	sr, err := seal.NewReader(br, key)
	if err == seal.ErrDamaged {
		return nil, fmt.Errorf("%w: %v", ErrBadBackup, err)
	}
	if err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(sr, 1<<20), nil
}

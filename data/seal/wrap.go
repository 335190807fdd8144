package seal

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// A wrapped key is a key sealed with a key derived from a passphrase
// (FromPassphrase), in a file of one line:
//
//	floordesk-wrapped-v1 <salt> <nonce> <sealed key>   (hex)
//
// so a key kept in a file is readable only with the passphrase: whoever
// copies the file must still guess the passphrase, through Argon2id.
const wrappedHeader = "floordesk-wrapped-v1"

// ErrWrongPassphrase: the passphrase does not open the wrapped key.
var ErrWrongPassphrase = errors.New("the passphrase is not the one the key was kept with")

// Wrap seals k with passphrase, which must be within its limits.
func Wrap(k Key, passphrase string) ([]byte, error) {
	salt := NewSalt()
	kek, err := FromPassphrase(passphrase, salt)
	if err != nil {
		return nil, err
	}
	aead, err := newAEAD(kek)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, nonceSize)
	rand.Read(nonce)
	sealed := aead.Seal(nil, nonce, k, []byte(wrappedHeader))
	return fmt.Appendf(nil, "%s %x %x %x\n", wrappedHeader, salt, nonce, sealed), nil
}

// Unwrap opens what Wrap wrote with passphrase: ErrWrongPassphrase for
// another passphrase, ErrKeyFileBad for anything but a wrapped key.
func Unwrap(b []byte, passphrase string) (Key, error) {
	f := strings.Fields(string(b))
	if len(f) != 4 || f[0] != wrappedHeader {
		return nil, ErrKeyFileBad
	}
	var parts [3][]byte
	for i := range parts {
		p, err := hex.DecodeString(f[i+1])
		if err != nil {
			return nil, ErrKeyFileBad
		}
		parts[i] = p
	}
	salt, nonce, sealed := parts[0], parts[1], parts[2]
	if len(nonce) != nonceSize {
		return nil, ErrKeyFileBad
	}
	kek, err := FromPassphrase(passphrase, salt)
	if err != nil {
		return nil, ErrWrongPassphrase // out of limits: it cannot be the one
	}
	aead, err := newAEAD(kek)
	if err != nil {
		return nil, err
	}
	k, err := aead.Open(nil, nonce, sealed, []byte(wrappedHeader))
	if err != nil || len(k) != KeySize {
		return nil, ErrWrongPassphrase
	}
	return Key(k), nil
}

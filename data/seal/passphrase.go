package seal

import (
	"crypto/rand"
	"fmt"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// The limits of a passphrase, in characters: long enough that guessing it
// offline (from a stolen disk) takes more than a weekend, short enough to
// type at a desk.
const (
	MinPassphrase = 12
	MaxPassphrase = 128
)

// SaltSize is the size of the salt a passphrase is derived with.
const SaltSize = 16

// Argon2id's cost for a passphrase: 64 MiB and three passes, about half
// a second on a desk PC, once a start.
const (
	argonTime    = 3
	argonMemory  = 64 << 10 // KiB
	argonThreads = 2
)

// ErrPassphraseLength: a passphrase shorter than MinPassphrase or longer
// than MaxPassphrase characters.
var ErrPassphraseLength = fmt.Errorf("a passphrase has %d to %d characters", MinPassphrase, MaxPassphrase)

// NewSalt makes a salt at random.
func NewSalt() []byte {
	s := make([]byte, SaltSize)
	rand.Read(s)
	return s
}

// FromPassphrase derives a key from a passphrase and its salt with
// Argon2id. It refuses a passphrase out of its limits.
func FromPassphrase(passphrase string, salt []byte) (Key, error) {
	if n := utf8.RuneCountInString(passphrase); n < MinPassphrase || n > MaxPassphrase {
		return nil, ErrPassphraseLength
	}
	return Key(argon2.IDKey([]byte(passphrase), salt, argonTime, argonMemory, argonThreads, KeySize)), nil
}

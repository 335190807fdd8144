package data

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// Every event this desk makes is sealed (wire.SealEvent): numbered in the
// desk's chain, linked to the one before and signed with the desk's
// Ed25519 key. The private key is made the first time a store opens
// (for a store from before the chain: on its first open by this build)
// and kept in the store's meta, which is encrypted at rest; the events
// made before it stay unsealed, from before the chain. A store restored
// from a backup makes a new key and starts a new chain at its next open
// (the old chain may have gone on after the backup was taken, and two
// events with one number would be a fork); every key it ever had is
// listed, so `floordesk verify` checks its old events too.

// chainSigner is the desk's signing key and its chain's last link.
type chainSigner struct {
	priv ed25519.PrivateKey
	head wire.ChainLink
	keys []wire.DeskKey // every key this desk has sealed with, the current last
}

// ownKey is how a key is kept in the list metaKey("keys").
type ownKey struct {
	Pub   []byte         `json:"pub"`
	Since wire.Timestamp `json:"since"`
}

// loadSigner reads the signing key and the chain's head, making the key
// (and listing it) when the store has none.
func (s *Store) loadSigner(txn *badger.Txn) error {
	keys, err := loadOwnKeys(txn, s.desk)
	if err != nil {
		return err
	}
	seed, err := get(txn, metaKey("signkey"))
	if errors.Is(err, ErrNotFound) {
		return s.newSigner(txn, keys)
	}
	if err != nil {
		return err
	}
	if len(seed) != ed25519.SeedSize {
		return errors.New("open store: signing key damaged")
	}
	s.signer = chainSigner{priv: ed25519.NewKeyFromSeed(seed), keys: keys}
	s.signer.head, err = loadChainHead(txn)
	return err
}

// newSigner makes the desk's key: events stamped from now on are sealed.
func (s *Store) newSigner(txn *badger.Txn, keys []wire.DeskKey) error {
	src := s.opts.KeyRand
	if src == nil {
		src = rand.Reader
	}
	pub, priv, err := ed25519.GenerateKey(src)
	if err != nil {
		return fmt.Errorf("open store: make signing key: %w", err)
	}
	// Every event stamped from now on reads at least both: since is after
	// every event before the key and at or before every one after it.
	since := max(s.clock.Last()+1, wire.MakeTimestamp(s.opts.Wall().UnixMilli(), 0))
	keys = append(keys, wire.DeskKey{Desk: s.desk, Pub: pub, Since: since})
	list := make([]ownKey, len(keys))
	for i, k := range keys {
		list[i] = ownKey{Pub: k.Pub, Since: k.Since}
	}
	b, _ := json.Marshal(list)
	for _, kv := range [][2][]byte{{metaKey("signkey"), priv.Seed()}, {metaKey("keys"), b}} {
		if err := txn.Set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	if err := txn.Delete(metaKey("chain")); err != nil {
		return err
	}
	s.signer = chainSigner{priv: priv, keys: keys}
	return nil
}

func loadOwnKeys(txn *badger.Txn, desk string) ([]wire.DeskKey, error) {
	b, err := get(txn, metaKey("keys"))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	var list []ownKey
	if err == nil {
		err = json.Unmarshal(b, &list)
	}
	if err != nil {
		return nil, fmt.Errorf("open store: key list: %w", err)
	}
	keys := make([]wire.DeskKey, len(list))
	for i, k := range list {
		keys[i] = wire.DeskKey{Desk: desk, Pub: k.Pub, Since: k.Since}
	}
	return keys, nil
}

// The chain's head is kept as number (8 bytes), hash (32) and event ID.
func encodeChainHead(l wire.ChainLink) []byte {
	return append(append(encodeU64(l.N), l.Hash...), l.ID...)
}

func loadChainHead(txn *badger.Txn) (wire.ChainLink, error) {
	b, err := get(txn, metaKey("chain"))
	if errors.Is(err, ErrNotFound) {
		return wire.ChainLink{}, nil
	}
	if err != nil {
		return wire.ChainLink{}, err
	}
	if len(b) < 40 {
		return wire.ChainLink{}, errors.New("open store: chain head damaged")
	}
	return wire.ChainLink{N: uint64FromBytes(b[:8]), Hash: append([]byte(nil), b[8:40]...), ID: string(b[40:])}, nil
}

// forgetSigner makes a restored store make a new key and chain at its
// next open; the list of its keys stays.
func forgetSigner(txn *badger.Txn) error {
	for _, k := range []string{"signkey", "chain"} {
		if err := txn.Delete(metaKey(k)); err != nil {
			return err
		}
	}
	return nil
}

// SigningKey is the desk's current public key and the clock reading from
// which it seals every event: what the desk registers with the server.
func (s *Store) SigningKey() wire.DeskKey {
	return s.signer.keys[len(s.signer.keys)-1]
}

// KeyRing lists every key this desk has sealed with.
func (s *Store) KeyRing() wire.KeyRing {
	r := wire.KeyRing{}
	for _, k := range s.signer.keys {
		r.Add(k)
	}
	return r
}

// link links a stamped event as the next of the chain this transaction
// leaves and starts signing it (signing.go).
func (w *writer) link(ev wire.Event) (*signing, error) {
	head := w.s.signer.head
	if w.chain != nil {
		head = *w.chain
	}
	l, next, err := wire.LinkEvent(ev, wire.KeyID(w.s.signer.priv.Public().(ed25519.PublicKey)), head)
	if err != nil {
		return nil, err
	}
	w.chain = &next
	return w.startSigning(l, ev), nil
}

// reseal seals again an event of this desk's chain that Restamp moved,
// at its number, after its predecessor as moved (resealed holds the links
// of the events moved so far). An event from before the chain, or sealed
// with a key this desk no longer holds, keeps its seal.
func (w *writer) reseal(ev *wire.Event, resealed map[string]wire.ChainLink) error {
	s, ok, err := wire.SealOf(*ev)
	if !ok || err != nil || s.Key != wire.KeyID(w.s.SigningKey().Pub) {
		return nil
	}
	prev := s.PrevLink()
	if l, ok := resealed[s.Prev]; ok {
		prev = l
	}
	next, err := wire.SealEvent(ev, w.s.signer.priv, prev)
	if err != nil {
		return err
	}
	resealed[ev.ID] = next
	if head := w.s.signer.head; head.ID == ev.ID {
		w.chain = &next
	}
	return nil
}

// saveChain persists the chain's head with the transaction, if it moved.
func (w *writer) saveChain() error {
	if w.chain == nil {
		return nil
	}
	return w.set(metaKey("chain"), encodeChainHead(*w.chain))
}

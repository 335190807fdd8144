package data

import (
	"errors"
	"hash/maphash"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// bulkState is what AppendBulk remembers between transactions and calls:
// which entities the store holds, and the entities of its last
// transaction. Most events of a bulk load start an entity; without it,
// each new entity would cost a point read through every level-0 table
// (a bulk load leaves them to pile up, see Options.Bulk), most of it in
// Bloom filter checks and their false positives.
//
// It is right while AppendBulk alone writes: seq is s.seq after its last
// commit, and when another writer's commit has moved s.seq (or a load
// failed), AppendBulk starts it again from the store. The entities of a
// transaction in flight are in recent and known as soon as it is sent.
type bulkState struct {
	seq    uint64
	known  *entityFilter                // entities with a view; nil until AppendBulk first runs
	recent map[wire.EntityRef]entityNow // the entities of the last transactions
}

// entityNow is an entity as the store holds it: its view and the
// greatest key of its stream; stored is false for an entity with no
// events yet.
type entityNow struct {
	stored bool
	view   []byte
	last   []byte
}

// startBulk makes s.bulk right for the store as it is.
func (s *Store) startBulk() error {
	if s.bulk.known != nil && s.bulk.seq == s.seq {
		return nil
	}
	known := newEntityFilter()
	err := s.view(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.Prefix, o.PrefetchValues = []byte{pView}, false
		it := txn.NewIterator(o)
		defer it.Close()
		for it.Seek(o.Prefix); it.Valid(); it.Next() {
			known.add(it.Item().Key())
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.bulk = bulkState{seq: s.seq, known: known, recent: map[wire.EntityRef]entityNow{}}
	return nil
}

// bulkEntity is the entity as the store holds it: from the last
// transaction, or none when the filter knows it is new, or read from snap.
func (s *Store) bulkEntity(snap *badger.Txn, ref wire.EntityRef) (entityNow, error) {
	if e, ok := s.bulk.recent[ref]; ok {
		return e, nil
	}
	vk := viewKey(ref)
	if !s.bulk.known.mayHave(vk) {
		return entityNow{}, nil
	}
	view, err := get(snap, vk)
	if errors.Is(err, ErrNotFound) {
		return entityNow{}, nil
	}
	if err != nil {
		return entityNow{}, err
	}
	// An entity with a view has events: the view is written in the same
	// transaction as they are.
	last, _ := lastKey(snap, streamPrefix(ref))
	return entityNow{stored: true, view: view, last: last}, nil
}

// entityFilter is a Bloom filter of view keys: mayHave is false only for a
// key never added. Its size is fixed (2 MB): about one false positive in a
// thousand at a million entities, more beyond, each costing one read.
type entityFilter struct {
	seed maphash.Seed
	bits []uint64
}

const (
	filterBits   = 1 << 24
	filterHashes = 7
)

func newEntityFilter() *entityFilter {
	return &entityFilter{seed: maphash.MakeSeed(), bits: make([]uint64, filterBits/64)}
}

func (f *entityFilter) add(key []byte) {
	h1, h2 := f.hash(key)
	for i := range uint64(filterHashes) {
		b := (h1 + i*h2) % filterBits
		f.bits[b/64] |= 1 << (b % 64)
	}
}

func (f *entityFilter) mayHave(key []byte) bool {
	h1, h2 := f.hash(key)
	for i := range uint64(filterHashes) {
		b := (h1 + i*h2) % filterBits
		if f.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// hash gives the two hashes the probes are made of (double hashing).
func (f *entityFilter) hash(key []byte) (uint64, uint64) {
	h := maphash.Bytes(f.seed, key)
	return h & (1<<32 - 1), h>>32 | 1
}

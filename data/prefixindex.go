package data

import (
	"bytes"
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// Keys of the entries filed ByPrefix:
//
//	y<name>\0<key><kind>\0<id><len(key):2>  -> (empty)
//
// The key comes straight after the name, so the entries whose keys start
// with some bytes are one range of the store; its length goes last, where
// it still splits any key (bytes or text) from the entity.
const pPrefixIndex = 'y'

func prefixIndexBase(name string) []byte {
	k := append([]byte{pPrefixIndex}, name...)
	return append(k, 0)
}

func prefixIndexKey(e wire.IndexEntry, ref wire.EntityRef) []byte {
	k := prefixIndexBase(e.Name)
	k = append(k, e.Key...)
	k = append(k, ref.Kind...)
	k = append(k, 0)
	k = append(k, ref.ID...)
	return binary.BigEndian.AppendUint16(k, uint16(len(e.Key)))
}

// splitPrefixIndexKey returns the key and entity of an entry, given the
// entry without its index's base; ok is false for a malformed one.
func splitPrefixIndexKey(rest []byte) (key []byte, ref wire.EntityRef, ok bool) {
	if len(rest) < 2 {
		return nil, ref, false
	}
	n := int(binary.BigEndian.Uint16(rest[len(rest)-2:]))
	rest = rest[:len(rest)-2]
	if n > len(rest) {
		return nil, ref, false
	}
	key, rest = rest[:n], rest[n:]
	kind, id, found := bytes.Cut(rest, []byte{0})
	if !found {
		return nil, ref, false
	}
	return key, wire.EntityRef{Kind: string(kind), ID: string(id)}, true
}

// entryKey is where an entry is filed, by its form.
func entryKey(e wire.IndexEntry, ref wire.EntityRef) []byte {
	if e.ByPrefix {
		return prefixIndexKey(e, ref)
	}
	return indexKey(e, ref)
}

// ReadIndex gives fn a reader of index name's entries filed ByPrefix, and
// of views, on one snapshot of the store; the reader is valid only during
// the call. Its cost follows the entries read, not the size of the index.
func (s *Store) ReadIndex(name string, fn func(r wire.IndexReader) error) error {
	return s.view(func(txn *badger.Txn) error {
		o := badger.DefaultIteratorOptions
		o.PrefetchValues = false
		o.Prefix = prefixIndexBase(name)
		it := txn.NewIterator(o)
		defer it.Close()
		return fn(&prefixReader{txn: txn, it: it, base: o.Prefix})
	})
}

type prefixReader struct {
	txn  *badger.Txn
	it   *badger.Iterator
	base []byte
}

var _ wire.IndexReader = (*prefixReader)(nil)

func (r *prefixReader) Scan(prefix, from []byte, fn func(key []byte, ref wire.EntityRef) bool) error {
	within := append(r.base[:len(r.base):len(r.base)], prefix...)
	start := within
	if bytes.Compare(from, prefix) > 0 {
		start = append(r.base[:len(r.base):len(r.base)], from...)
	}
	for r.it.Seek(start); r.it.ValidForPrefix(within); r.it.Next() {
		key, ref, ok := splitPrefixIndexKey(r.it.Item().Key()[len(r.base):])
		if ok && !fn(key, ref) {
			return nil
		}
	}
	return nil
}

func (r *prefixReader) View(ref wire.EntityRef) ([]byte, error) { return get(r.txn, viewKey(ref)) }

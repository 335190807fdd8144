package data

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// get reads a value, mapping a missing key to ErrNotFound.
func get(txn *badger.Txn, key []byte) ([]byte, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return item.ValueCopy(nil)
}

func getString(txn *badger.Txn, key []byte) (string, error) {
	v, err := get(txn, key)
	return string(v), err
}

// getU64 reads a big-endian counter; a missing key reads as 0.
func getU64(txn *badger.Txn, key []byte) (uint64, error) {
	v, err := get(txn, key)
	if errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return uint64FromBytes(v), nil
}

// lastSeq is the highest sequence under a one-byte prefix, or 0.
func lastSeq(txn *badger.Txn, prefix byte) (uint64, error) {
	k, ok := lastKey(txn, []byte{prefix})
	if !ok {
		return 0, nil
	}
	return uint64FromBytes(k[1:]), nil
}

// lastKey returns the greatest key with the prefix, if any.
func lastKey(txn *badger.Txn, prefix []byte) ([]byte, bool) {
	o := badger.DefaultIteratorOptions
	o.Reverse = true
	o.PrefetchValues = false
	o.Prefix = prefix
	it := txn.NewIterator(o)
	defer it.Close()
	it.Seek(append(append([]byte{}, prefix...), 0xFF))
	if !it.Valid() {
		return nil, false
	}
	return it.Item().KeyCopy(nil), true
}

// scan calls fn for every key and value under prefix, in key order, until
// fn returns an error; errStop ends it quietly.
func scan(txn *badger.Txn, prefix []byte, fn func(k, v []byte) error) error {
	return scanFrom(txn, prefix, prefix, fn)
}

// scanFrom is scan starting at key start within prefix.
func scanFrom(txn *badger.Txn, start, prefix []byte, fn func(k, v []byte) error) error {
	o := badger.DefaultIteratorOptions
	o.Prefix = prefix
	it := txn.NewIterator(o)
	defer it.Close()
	for it.Seek(start); it.Valid(); it.Next() {
		v, err := it.Item().ValueCopy(nil)
		if err != nil {
			return fmt.Errorf("scan: %w", err)
		}
		if err := fn(it.Item().KeyCopy(nil), v); err != nil {
			if errors.Is(err, errStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// countKeys counts the keys under prefix without reading values.
func countKeys(txn *badger.Txn, prefix []byte) int {
	n := 0
	_ = scanKeys(txn, prefix, func([]byte) error { n++; return nil })
	return n
}

// scanKeys calls fn for every key under prefix, in order, without reading
// values, until fn returns an error; errStop ends it quietly. fn must
// not keep the key past the call unless it copies it.
func scanKeys(txn *badger.Txn, prefix []byte, fn func(k []byte) error) error {
	o := badger.DefaultIteratorOptions
	o.Prefix = prefix
	o.PrefetchValues = false
	it := txn.NewIterator(o)
	defer it.Close()
	for it.Seek(prefix); it.Valid(); it.Next() {
		if err := fn(it.Item().Key()); err != nil {
			if errors.Is(err, errStop) {
				return nil
			}
			return err
		}
	}
	return nil
}

// errStop ends a scan early without an error.
var errStop = errors.New("stop")

package data

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/wire"
)

// Verify checks every event this desk holds against its desk's chain (see
// chain.go and wire.Audit): numbers missing, content changed after it was
// sealed, two events with one number, seals removed. Signatures are
// checked for the keys in keys and this desk's own; the chains of desks
// whose keys it is not given are checked for links and hashes only. It
// reads the events in the order they arrived, which is each chain's order
// for this desk's events and those pulled, so the audit holds one link per
// chain. An error means the store could not be read, not that a chain is
// broken: the report says that.
func (s *Store) Verify(keys wire.KeyRing) (wire.AuditReport, error) {
	ring := s.KeyRing()
	for _, ks := range keys {
		for _, k := range ks {
			ring.Add(k)
		}
	}
	audit := wire.NewAudit(ring)
	err := s.view(func(txn *badger.Txn) error {
		return scan(txn, []byte{pLog}, func(_, sk []byte) error {
			v, err := get(txn, sk)
			if err != nil {
				return fmt.Errorf("event of the log: %w", err)
			}
			ev, err := wire.DecodeEvent(v)
			if err != nil {
				audit.Undecodable(string(sk), err)
				return nil
			}
			audit.Add(ev)
			return nil
		})
	})
	if err != nil {
		return wire.AuditReport{}, fmt.Errorf("verify: %w", err)
	}
	return audit.Report(), nil
}

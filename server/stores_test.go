package server_test

import (
	"testing"

	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
)

// onEachStore runs fn on a server over each store: embedded Badger and a
// real PostgreSQL (see pgtest).
func onEachStore(t *testing.T, tweak func(*server.Config), fn func(t *testing.T, e *env)) {
	stores := []struct {
		name string
		open func(t *testing.T) server.Store
	}{
		{"badger", func(t *testing.T) server.Store {
			st, err := badgerstore.Open(t.TempDir(), quiet)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}},
		{"postgres", func(t *testing.T) server.Store {
			st, err := pgstore.Open(t.Context(), pgtest.NewDB(t))
			if err != nil {
				t.Fatal(err)
			}
			return st
		}},
	}
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) { fn(t, newEnvOn(t, s.open(t), tweak)) })
	}
}

package pgstore_test

import (
	"os"
	"testing"

	"floordesk/server"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
	"floordesk/server/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Shutdown()
	os.Exit(code)
}

func open(t *testing.T) server.Store {
	t.Helper()
	s, err := pgstore.Open(t.Context(), pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, open)
}

func TestMigrationsRunOnce(t *testing.T) {
	url := pgtest.NewDB(t)
	for range 2 {
		s, err := pgstore.Open(t.Context(), url)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		s.Close()
	}
}

// Many pushers at once on PostgreSQL: a bigserial would let a puller skip
// rows committed out of sequence order; the locked counter row must not.
func TestConcurrentPushesNeverSkip(t *testing.T) {
	s := open(t)
	defer s.Close()
	storetest.Concurrent(t, s, storetest.Load{Pushers: 32, Batches: 15, PerBatch: 10, Pullers: 6})
}

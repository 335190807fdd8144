package pgstore_test

import (
	"testing"

	"github.com/jackc/pgx/v5"

	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
	"floordesk/server/storetest"
)

// TestVerifyCatchesAlteredEvents: an event changed in the database by
// hand is found by server.Verify.
func TestVerifyCatchesAlteredEvents(t *testing.T) {
	url := pgtest.NewDB(t)
	s, err := pgstore.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.VerifyCatchesAlteredEvents(t, s, func(t *testing.T, id string, change func([]byte) []byte) {
		conn, err := pgx.Connect(t.Context(), url)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(t.Context())
		var raw []byte
		if err := conn.QueryRow(t.Context(), `SELECT data FROM fd_events WHERE id = $1`, id).Scan(&raw); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(t.Context(), `UPDATE fd_events SET data = $2 WHERE id = $1`, id, change(raw)); err != nil {
			t.Fatal(err)
		}
	})
}

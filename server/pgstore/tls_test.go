package pgstore_test

import (
	"errors"
	"strings"
	"testing"

	"floordesk/server/pgstore"
)

// A database on another machine is reached with TLS only; one on this
// machine may be reached either way.
func TestRemoteDatabaseNeedsTLS(t *testing.T) {
	for url, ok := range map[string]bool{
		"postgres://desk@db.hotel.lan/floordesk":                           false, // sslmode prefer: may fall back to plain
		"postgres://desk@db.hotel.lan/floordesk?sslmode=disable":           false,
		"postgres://desk@db.hotel.lan/floordesk?sslmode=allow":             false,
		"postgres://desk@10.0.0.5:5432/floordesk?sslmode=prefer":           false,
		"host=db.hotel.lan dbname=floordesk":                               false,
		"postgres://desk@localhost,db.hotel.lan/floordesk?sslmode=disable": false, // a fallback off this machine
		"postgres://desk@db.hotel.lan/floordesk?sslmode=require":           true,
		"postgres://desk@db.hotel.lan/floordesk?sslmode=verify-ca":         true,
		"postgres://desk@db.hotel.lan/floordesk?sslmode=verify-full":       true,
		"postgres://desk@localhost/floordesk?sslmode=disable":              true,
		"postgres://desk@127.0.0.1/floordesk":                              true,
		"postgres://desk@[::1]:5432/floordesk?sslmode=disable":             true,
		"host=/var/run/postgresql dbname=floordesk":                        true,
		"postgres://desk@localhost,127.0.0.2/floordesk?sslmode=disable":    true,
	} {
		err := pgstore.CheckTLS(url)
		if ok != (err == nil) {
			t.Errorf("%s: %v, want accepted %v", url, err, ok)
		}
		if !ok && (!errors.Is(err, pgstore.ErrPlainRemote) || !strings.Contains(err.Error(), "sslmode=verify-full")) {
			t.Errorf("%s: %v, want ErrPlainRemote saying sslmode=verify-full", url, err)
		}
	}
}

// Open refuses such a URL before connecting, saying what to add.
func TestOpenRefusesPlainRemote(t *testing.T) {
	_, err := pgstore.Open(t.Context(), "postgres://desk@db.hotel.lan/floordesk")
	if !errors.Is(err, pgstore.ErrPlainRemote) {
		t.Fatalf("open a remote database without TLS: %v, want ErrPlainRemote", err)
	}
}

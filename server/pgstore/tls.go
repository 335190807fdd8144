package pgstore

import (
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrPlainRemote: the database is on another machine and the URL lets the
// connection go unencrypted (no sslmode, or disable, allow or prefer).
// Guests' names and phones would cross the network readable, and a
// machine in between could pose as the database.
var ErrPlainRemote = errors.New("the database is on another machine and the connection to it may go unencrypted")

// CheckTLS refuses a URL that reaches a database on another machine
// without TLS: every host it may connect to (fallbacks included) must be
// this machine (a Unix socket, localhost, a loopback address) or be
// reached with TLS only (sslmode=require, verify-ca or verify-full).
func CheckTLS(url string) error {
	cfg, err := pgconn.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("postgres url: %w", err)
	}
	if plainRemote(cfg.Host, cfg.TLSConfig == nil) {
		return tlsRefusal(cfg.Host)
	}
	for _, fb := range cfg.Fallbacks {
		if plainRemote(fb.Host, fb.TLSConfig == nil) {
			return tlsRefusal(fb.Host)
		}
	}
	return nil
}

func tlsRefusal(host string) error {
	return fmt.Errorf("%w: %s is not this machine; add sslmode=verify-full (the server's certificate checked against sslrootcert) or at least sslmode=require to --postgres (see docs/SERVER.md)", ErrPlainRemote, host)
}

// plainRemote reports a host off this machine reached without TLS.
func plainRemote(host string, plain bool) bool {
	return plain && !local(host)
}

// local reports a Unix socket, localhost or a loopback address.
func local(host string) bool {
	if strings.HasPrefix(host, "/") || strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

package main

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"floordesk/server"
	"floordesk/server/pgstore"
)

func TestEnrollRevokeDesks(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := enroll(t.Context(), []string{"--data", dir, "--property", "grand-hotel"}, &out); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}\n$`).MatchString(out.String()) {
		t.Fatalf("enroll printed %q, want a code", out.String())
	}
	if err := revoke(t.Context(), []string{"--data", dir, "--desk", "desk-9"}, &out); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("revoke unknown desk: %v", err)
	}
	out.Reset()
	if err := desks(t.Context(), []string{"--data", dir}, &out); err != nil || !strings.HasPrefix(out.String(), "DESK") {
		t.Fatalf("desks = %q, %v", out.String(), err)
	}
}

func TestCommandLineMistakes(t *testing.T) {
	tests := [][]string{
		{"frobnicate"},
		{"enroll", "--data", "x"},
		{"revoke", "--data", "x"},
		{"serve", "--no-such-flag"},
		{"serve", "--log-level", "loud"},
		{"backup", "--data", "x"},
		{"restore", "--data", "x", "a", "b"},
		{"verify", "--data", "x", "extra"},
	}
	for _, args := range tests {
		err := run(t.Context(), args)
		if exitCode(err) != 2 {
			t.Errorf("run(%q) = %v, want a usage error", args, err)
		}
	}
}

// A code valid longer than a week is refused before anything is made.
func TestEnrollValidityBounded(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	err := enroll(t.Context(), []string{"--data", dir, "--property", "grand-hotel", "--valid", "720h"}, &out)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "at most 168h") || out.Len() > 0 {
		t.Fatalf("enroll --valid 720h = %v, printed %q; want a usage error saying the limit", err, out.String())
	}
	if err := enroll(t.Context(), []string{"--data", dir, "--property", "grand-hotel", "--valid", "168h"}, &out); err != nil {
		t.Fatalf("enroll --valid 168h: %v", err)
	}
}

func TestServeRefusesPlainHTTPOffLoopback(t *testing.T) {
	err := run(t.Context(), []string{"--data", t.TempDir(), "--listen", "0.0.0.0:8420"})
	if !errors.Is(err, server.ErrNeedTLS) {
		t.Fatalf("serve on 0.0.0.0 without TLS: %v", err)
	}
}

// The server refuses to start on a database on another machine without
// TLS, saying what to add to --postgres.
func TestServeRefusesPlainRemoteDatabase(t *testing.T) {
	err := run(t.Context(), []string{"--data", t.TempDir(), "--postgres", "postgres://floordesk@db.hotel.lan/floordesk"})
	if !errors.Is(err, pgstore.ErrPlainRemote) || !strings.Contains(err.Error(), "sslmode=verify-full") {
		t.Fatalf("serve on a remote database without TLS: %v", err)
	}
}

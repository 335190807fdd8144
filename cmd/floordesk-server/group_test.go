package main

import (
	"bytes"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"testing"

	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// enroll --group makes a group supervisor's code for properties the
// server knows, and refuses one it does not know, saying which.
func TestEnrollGroup(t *testing.T) {
	dir := t.TempDir()
	st, err := badgerstore.Open(dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"hotel-a", "hotel-b"} {
		if _, err := st.Append(t.Context(), p, storetest.NewEvents("desk-x", 1, 10)); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	var out bytes.Buffer
	if err := enroll(t.Context(), []string{"--data", dir, "--group", "hotel-a,hotel-b"}, &out); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}\n$`).MatchString(out.String()) {
		t.Fatalf("enroll --group printed %q, want a code", out.String())
	}
	err = enroll(t.Context(), []string{"--data", dir, "--group", "hotel-a,hotel-z"}, &out)
	if err == nil || !strings.Contains(err.Error(), `"hotel-z"`) {
		t.Fatalf("enroll --group with an unknown property = %v; want it named", err)
	}
	err = enroll(t.Context(), []string{"--data", dir, "--group", "hotel-a", "--property", "hotel-b"}, &out)
	if err == nil {
		t.Fatal("enroll with both --group and --property made a code")
	}
}

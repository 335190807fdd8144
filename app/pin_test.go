package app

import (
	"strings"
	"testing"
)

func TestPINHashFormat(t *testing.T) {
	h, err := hashPIN("2468", TestPINCost, strings.NewReader(strings.Repeat("s", 16)))
	if err != nil {
		t.Fatal(err)
	}
	if !pinMatches("2468", h) || pinMatches("2469", h) || pinMatches("2468", "garbage") {
		t.Fatalf("hash %q does not verify", h)
	}
	if _, err := hashPIN("1", TestPINCost, strings.NewReader("")); err == nil {
		t.Fatal("short salt source accepted")
	}
}

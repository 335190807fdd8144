package app_test

import (
	"fmt"
	"strings"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
)

// TestOversizeRecordIsARefusal: a record over the limits every desk and
// the server keep is refused with a message the desk can show, not a Go
// error, and nothing is saved.
func TestOversizeRecordIsARefusal(t *testing.T) {
	f := newFixture(t)
	var csv strings.Builder
	longType := strings.Repeat("deluxe ", 40)
	for i := range 5000 {
		fmt.Fprintf(&csv, "%d,%d,%s\n", i/100+1, 10000+i, longType)
	}
	_, err := f.Core.ImportRooms(apptest.SupID, "huge.csv", strings.NewReader(csv.String()))
	apptest.WantRefusal(t, err, app.ErrInvalid, "record.too_large")
	if l, err := f.Core.Rooms(); err == nil && len(l.Rooms) > 0 {
		t.Fatalf("a refused room list was saved: %d rooms", len(l.Rooms))
	}
	if !strings.Contains(err.Error(), "too large to save") {
		t.Errorf("message = %q", err)
	}
}

// TestControlCharacterInACodeIsARefusal: a tab pasted into a code that
// becomes an entity ID is refused with a message, not saved.
func TestControlCharacterInACodeIsARefusal(t *testing.T) {
	f := newFixture(t)
	_, err := f.Core.SetItemType(apptest.SupID, app.ItemTypeInput{Code: "UMB\t", Name: "Umbrella"})
	apptest.WantRefusal(t, err, app.ErrInvalid, "record.bad_characters")
}

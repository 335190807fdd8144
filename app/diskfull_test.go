package app_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/data/wire"
)

// fullDisk is the desk's store on a full disk: it reads, and refuses
// every write as the store does.
type fullDisk struct{ app.Store }

func (fullDisk) Append(wire.Event) (wire.Event, error) {
	return wire.Event{}, fmt.Errorf("append: %w: 3 MB free", wire.ErrDiskFull)
}

func (fullDisk) AppendView(wire.Event) (wire.Event, []byte, error) {
	return wire.Event{}, nil, fmt.Errorf("append: %w: 3 MB free", wire.ErrDiskFull)
}

func (fullDisk) AppendAll([]wire.Event) ([]wire.Event, error) {
	return nil, fmt.Errorf("append: %w: 3 MB free", wire.ErrDiskFull)
}

func (fullDisk) SetSetting(string, string) error {
	return fmt.Errorf("save setting: %w: 3 MB free", wire.ErrDiskFull)
}

// TestFullDiskIsARefusal: on a full disk a command is refused with the
// disk-full message (not a Go error), a local setting too, and signing in
// with the right PIN still works, since it writes nothing.
func TestFullDiskIsARefusal(t *testing.T) {
	f := newFixture(t)
	svc := app.New(fullDisk{f.Store}, f.Clock.Now)
	svc.PINCost = app.TestPINCost

	if _, err := svc.Login(apptest.SupID, "1234"); err != nil {
		t.Fatalf("sign-in on a full disk: %v", err)
	}
	_, err := svc.SetItemType(apptest.SupID, app.ItemTypeInput{Code: "UMB", Name: "Umbrella"})
	apptest.WantRefusal(t, err, app.ErrDiskFull, "disk.full")
	if !strings.Contains(err.Error(), "The disk is full — nothing was saved") || !errors.Is(err, wire.ErrDiskFull) {
		t.Errorf("refusal = %q, want the disk-full message, still a wire.ErrDiskFull", err)
	}
	apptest.WantRefusal(t, svc.SetLocalSetting("theme", "dark"), app.ErrDiskFull, "disk.full")
	_, err = svc.Login(apptest.SupID, "9999")
	apptest.WantRefusal(t, err, app.ErrDiskFull, "disk.full")
}

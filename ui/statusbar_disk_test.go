package ui

import (
	"strings"
	"testing"

	"floordesk/app"
	"floordesk/data"
	"floordesk/ui/kit"
)

type fakeDisk struct{ st data.DiskState }

func (d *fakeDisk) Disk() data.DiskState { return d.st }

// TestStatusBarSaysTheDiskIsFull: while the disk is full the status bar
// says so in the desk's language, with what to do (restart too, when the
// desk started read-only), and the line goes once there is room; a
// command refused for it says the same.
func TestStatusBarSaysTheDiskIsFull(t *testing.T) {
	for _, tc := range []struct {
		language              string
		full, readOnly, pulls string
	}{
		{kit.Chinese, "磁盘已满", "重新启动 FloorDesk", "本机磁盘已满"},
		{kit.English, "The disk is full", "then restart FloorDesk", "this PC's disk is full"},
	} {
		t.Run(tc.language, func(t *testing.T) {
			se := dashEnv(t, tc.language)
			disk := &fakeDisk{}
			sync := &fakeSync{}
			opt := Options{Disk: disk, Sync: sync}
			se.sh.bar.refresh(opt)
			if got := se.sh.StatusText(); strings.Contains(got, tc.full) || !se.sh.bar.disk.Hidden {
				t.Fatalf("room on the disk: %q", got)
			}
			disk.st = data.DiskState{Full: true}
			sync.st = data.SyncStatus{Problem: data.ProblemDiskFull}
			se.sh.bar.refresh(opt)
			got := se.sh.StatusText()
			if !strings.Contains(got, tc.full) || strings.Contains(got, tc.readOnly) || se.sh.bar.disk.Hidden {
				t.Errorf("full disk: %q, want %q", got, tc.full)
			}
			if !strings.Contains(got, tc.pulls) {
				t.Errorf("full disk, sync: %q, want %q", got, tc.pulls)
			}
			disk.st = data.DiskState{Full: true, ReadOnly: true}
			se.sh.bar.refresh(opt)
			if got := se.sh.StatusText(); !strings.Contains(got, tc.readOnly) {
				t.Errorf("read-only start: %q, want %q", got, tc.readOnly)
			}
			disk.st, sync.st = data.DiskState{}, data.SyncStatus{Online: true}
			se.sh.bar.refresh(opt)
			if got := se.sh.StatusText(); strings.Contains(got, tc.full) || !se.sh.bar.disk.Hidden {
				t.Errorf("space freed: %q still says the disk is full", got)
			}
			refused := kit.Say(app.StoreRefusal(data.ErrDiskFull))
			if raw := kit.Say(data.ErrDiskFull); !strings.Contains(refused, tc.full) || raw != refused {
				t.Errorf("Say: refusal %q, raw error %q, want both %q", refused, raw, tc.full)
			}
		})
	}
}

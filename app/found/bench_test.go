package found

import (
	"testing"

	"floordesk/app/apptest"
)

// BenchmarkFoundCommand logs found items, one command (one event, one
// fsync) at a time, each beside a raw 300-byte append to the same store
// (apptest.BenchCommand). All are logged on one day, as on a busy desk.
func BenchmarkFoundCommand(b *testing.B) {
	f := apptest.New(b, New)
	f.SetupHotel()
	apptest.BenchCommand(b, f.Store, func(int) {
		if _, err := f.Svc.FileFound(apptest.AttID, wallet()); err != nil {
			b.Fatal(err)
		}
	})
}

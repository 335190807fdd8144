package keys

import (
	"testing"
	"time"

	"floordesk/app/apptest"
)

// BenchmarkKeyCommand signs a section key out and back in, one command
// (one event, one fsync) at a time, each beside a raw 300-byte append to
// the same store (apptest.BenchCommand).
func BenchmarkKeyCommand(b *testing.B) {
	f := apptest.New(b, New)
	f.SetupHotel()
	f.Must(f.Svc.RegisterKey(apptest.SupID, NewKey{Tag: "F3-SEC-A", Type: KeySection, Desk: "D1"}))
	apptest.BenchCommand(b, f.Store, func(i int) {
		if i%2 == 0 {
			f.Must(f.Svc.SignOutKey(apptest.AttID, KeySignOut{Tag: "F3-SEC-A", Holder: apptest.Att2ID,
				Purpose: "turn-down", Due: f.Clock.Now().Add(2 * time.Hour)}))
			return
		}
		f.Must(f.Svc.SignInKey(apptest.AttID, "F3-SEC-A"))
	})
}

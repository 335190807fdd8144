package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"floordesk/data"
	"floordesk/server"
	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestJoinWithAGroupCode: the join form takes a group supervisor's code;
// the desk keeps the properties the server's answer lists and goes on to
// the group overview (Options.GroupJoined), not to the wait for one
// hotel's data.
func TestJoinWithAGroupCode(t *testing.T) {
	srv := newSyncServer(t, false)
	newHotelDesk(t, srv, "grand")
	code, err := server.CreateGroupEnrolment(context.Background(), srv.store, []string{"grand"}, time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	e := kittest.NewIn(t, kit.Chinese)
	b := &joiner{Env: e, q: kittest.NewUIQueue()}
	e.Session.Do = b.q.Do
	joined := false
	b.sh = NewShell(e.Session, withDashboard(e.Svc, e.Session, newFake("keys", kit.KindKey, fyne.KeyK)),
		Options{Feed: e.Store, Tick: make(chan time.Time), GroupJoined: func() { joined = true }})
	e.Window.SetContent(b.sh.Content())
	b.sh.Start()
	t.Cleanup(b.sh.Stop)

	b.join(t, srv.url, code)
	b.q.Until(t, "the group overview", func() bool { return joined })
	if _, waiting := b.sh.step.(*joinWait); waiting {
		t.Error("a group desk waits for one hotel's data")
	}
	if got := data.GroupOf(e.Store); !slices.Equal(got, []string{"grand"}) {
		t.Errorf("the desk reads %v, want [grand]", got)
	}
}

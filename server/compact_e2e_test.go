package server_test

import (
	"bytes"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/found"
	"floordesk/app/personal"
	"floordesk/app/requests"
	"floordesk/data/pkey"
	"floordesk/data/wire"
	"floordesk/server"
)

// TestPlainEventsErasedEverywhere: two loss reports of a guest from
// before sealing hold her name and phone in their events: one desk A
// wrote in its chain, one an old desk wrote before the chain, which the
// server and both desks hold. Once desk A's housekeeping purges them,
// the server (Badger and PostgreSQL) erases the fields as the erasure is
// pushed, desk B as its housekeeping finds it, writing none of its own;
// then no event, view, index or new backup on either desk or the server
// holds the name or phone, every event is still there, and every chain
// checks.
func TestPlainEventsErasedEverywhere(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		a := apptest.New(t, found.New)
		b := apptest.Open(t, "desk-b", apptest.NewClock(apptest.Start), found.New)
		ca, cb := syncing(t, e, a), syncing(t, e, b)
		a.SetupHotel()
		mine := plainReport(t, "old-report", a.Store.AppendAll)
		old := plainReport(t, "older-report", func(evs []wire.Event) ([]wire.Event, error) {
			return evs, pushAsOldDesk(t, e, evs)
		})
		ca.SyncNow()
		cb.SyncNow()
		for _, d := range []*foundDesk{a, b} { // desk A purges only what it has pulled
			waitFor(t, d.Store.Desk()+" to read both reports", 10*time.Second, func() bool {
				r1, _ := d.Svc.LostReport(mine.ID)
				r2, _ := d.Svc.LostReport(old.ID)
				return r1.Guest == e2eGuest && r2.Guest == e2eGuest
			})
		}
		if !serverHolds(t, e, e2ePhone) {
			t.Fatal("the server should hold the old reports' plain copies")
		}
		before := len(serverEvents(t, e))

		a.Clock.Advance(91 * 24 * time.Hour)
		if n, err := personal.Housekeep(a.Core, a.Clock.Now()); err != nil || n != 2 {
			t.Fatalf("housekeeping purged %d (%v)", n, err)
		}
		ca.SyncNow()
		waitFor(t, "the server to erase the fields", 10*time.Second, func() bool { return !serverHolds(t, e, e2ePhone) })
		cb.SyncNow()
		waitFor(t, "desk B to pull the purges and erasures", 10*time.Second, func() bool {
			return apptest.CountType(t, b.Store, personal.TypePurged) == 2 && apptest.CountType(t, b.Store, pkey.TypeFieldsErased) == 2
		})
		b.Clock.Advance(91 * 24 * time.Hour)
		if _, err := personal.Housekeep(b.Core, b.Clock.Now()); err != nil {
			t.Fatal(err)
		}
		cb.SyncNow()

		for _, secret := range []string{e2ePhone, e2eGuest} {
			for _, d := range []*foundDesk{a, b} {
				if bytes.Contains(apptest.Readable(t, d.Store), []byte(secret)) {
					t.Errorf("desk %s holds %q readable", d.Store.Desk(), secret)
				}
			}
			if serverHolds(t, e, secret) || bytes.Contains(serverBackup(t, e), []byte(secret)) {
				t.Errorf("the server holds %q readable", secret)
			}
		}
		recs := serverEvents(t, e)
		if len(recs) != before+4 { // desk A's two purges and two erasures
			t.Fatalf("the server holds %d events, %d before the purge", len(recs), before)
		}
		for _, d := range []*foundDesk{a, b} {
			if rep, err := d.Store.Verify(nil); err != nil || !rep.OK() {
				t.Errorf("desk %s's chains: %v\n%s", d.Store.Desk(), err, rep)
			}
		}
		if rep, err := server.Verify(t.Context(), e.store); err != nil || !rep.OK() {
			t.Errorf("the server's chains: %v\n%s", err, rep)
		}
		r, _ := b.Svc.LostReport(mine.ID)
		if r.Description != "Huawei phone" || !r.Closed || r.Guest != "" {
			t.Fatalf("desk B's report after the erasure: %+v", r)
		}
	})
}

// plainReport writes a closed loss report of the test guest with the
// guest in its events in the clear, as a build before sealing did, with
// write.
func plainReport(t *testing.T, id string, write func([]wire.Event) ([]wire.Event, error)) wire.EntityRef {
	t.Helper()
	ref := app.Ref(found.KindLostReport, id)
	filed, _ := app.NewEvent(apptest.AttID, ref, found.TypeLostReportFiled, found.LostReportInput{Guest: e2eGuest,
		Contact: e2ePhone, Place: "大堂", LostAt: apptest.Start, Category: app.CatElectronics, Description: "Huawei phone", At: apptest.Start})
	closed, _ := app.NewEvent(apptest.AttID, ref, found.TypeLostReportClosed, map[string]any{"reason": "found it", "at": apptest.Start})
	if _, err := write([]wire.Event{filed, closed}); err != nil {
		t.Fatal(err)
	}
	return ref
}

// pushAsOldDesk stores evs on the server as a desk from before the chain
// pushed them (unsealed), a day before the test's start.
func pushAsOldDesk(t *testing.T, e *env, evs []wire.Event) error {
	t.Helper()
	var ps []server.Pushed
	for i, ev := range evs {
		ev.ID = "0190f0e0-0000-7000-8000-00000000a00" + string(rune('0'+i))
		ev.Desk, ev.HLC = "desk-old", wire.MakeTimestamp(apptest.Start.Add(-24*time.Hour).UnixMilli(), uint16(i))
		raw, err := ev.Encode()
		if err != nil {
			return err
		}
		ps = append(ps, server.Pushed{Event: ev, Raw: raw})
	}
	_, err := e.store.Append(t.Context(), "hotel", ps)
	return err
}

// serverHolds reports whether an event the server stores holds secret.
func serverHolds(t *testing.T, e *env, secret string) bool {
	t.Helper()
	for _, rec := range serverEvents(t, e) {
		if bytes.Contains(rec.Raw, []byte(secret)) {
			return true
		}
	}
	return false
}

// serverBackup is a new backup of the server's store when it makes its
// own (Badger; PostgreSQL's are the database's), else nothing.
func serverBackup(t *testing.T, e *env) []byte {
	t.Helper()
	bk, ok := e.store.(server.Backuper)
	if !ok {
		return nil
	}
	var b bytes.Buffer
	if err := bk.Backup(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestScheduledPurgeReachesTheServer: a wake-up call's guest is sealed on
// its way to the server, and once the retention has passed since the
// call was made the server holds no key to it.
func TestScheduledPurgeReachesTheServer(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		a := apptest.New(t, requests.New)
		ca := syncing(t, e, a)
		a.SetupHotel()
		w, err := a.Svc.OpenRequest(apptest.AttID, requests.NewRequest{Room: "301", Guest: e2eGuest, Contact: e2ePhone,
			Kind: requests.RequestWakeUp, Description: "叫醒", DueAt: a.Clock.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		a.Clock.Advance(time.Hour)
		a.Must(a.Svc.LogCall(apptest.AttID, w.ID, requests.CallInput{Outcome: requests.CallAnswered}))
		ca.SyncNow()
		waitFor(t, "the server to hold the call", 10*time.Second, func() bool { return len(serverEvents(t, e)) > 0 && keyCount(t, e) > 0 })
		if serverHolds(t, e, e2ePhone) || serverHolds(t, e, e2eGuest) {
			t.Fatal("the server holds the wake-up call's guest readable")
		}
		a.Clock.Advance(91 * 24 * time.Hour)
		if n, err := personal.Housekeep(a.Core, a.Clock.Now()); err != nil || n != 1 {
			t.Fatalf("housekeeping purged %d (%v)", n, err)
		}
		ca.SyncNow()
		waitFor(t, "the server to erase the key", 10*time.Second, func() bool { return keysGone(t, serverEvents(t, e)) })
		if r, _ := a.Svc.Request(w.ID); r.Guest != "" || r.Contact != "" || r.Personal.Removed == nil {
			t.Fatalf("the wake-up call after the retention: %+v", r)
		}
	})
}

// keyCount is how many key events the server holds.
func keyCount(t *testing.T, e *env) int {
	t.Helper()
	n := 0
	for _, rec := range serverEvents(t, e) {
		if ev, err := wire.DecodeEvent(rec.Raw); err == nil && ev.Type == pkey.TypeIssued {
			n++
		}
	}
	return n
}

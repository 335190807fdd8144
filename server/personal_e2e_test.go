package server_test

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/found"
	"floordesk/app/personal"
	"floordesk/data"
	"floordesk/data/pkey"
	"floordesk/data/wire"
	"floordesk/server"
)

// The test guest of TestPurgeReachesTheServer.
const (
	e2eGuest = "陈晓燕"
	e2ePhone = "13912345678"
)

type foundDesk = apptest.Desk[*found.FoundRegister]

// syncing enrols d's store with the server and keeps it syncing until the
// test ends.
func syncing[R any](t *testing.T, e *env, d *apptest.Desk[R]) *data.SyncClient {
	t.Helper()
	code, err := server.CreateEnrolment(t.Context(), e.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.EnrollStore(t.Context(), d.Store, e.http.URL, code); err != nil {
		t.Fatal(err)
	}
	c := data.NewSyncClient(d.Store, data.SyncConfig{Logger: quiet, PollWait: time.Second,
		MinBackoff: 10 * time.Millisecond, MaxBackoff: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { c.Run(ctx) })
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	return c
}

// serverEvents is every event the server stores for the hotel, as stored.
func serverEvents(t *testing.T, e *env) []server.Record {
	t.Helper()
	recs, err := e.store.Since(t.Context(), "hotel", 0, 1_000_000, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestPurgeReachesTheServer: two desks sync a guest's loss report through a
// real server (Badger and PostgreSQL). The server never holds the guest's
// name or phone readable; once the retention passes and one desk's
// housekeeping purges the report, the server holds no key to it either,
// keeps every event, and the other desk shows the removal.
func TestPurgeReachesTheServer(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		a := apptest.New(t, found.New)
		b := apptest.Open(t, "desk-b", apptest.NewClock(apptest.Start), found.New)
		ca, cb := syncing(t, e, a), syncing(t, e, b)
		a.SetupHotel()
		r, _, err := a.Svc.FileLostReport(apptest.AttID, found.LostReportInput{Guest: e2eGuest, Contact: e2ePhone,
			Place: "大堂", LostAt: apptest.Start, Category: app.CatElectronics, Description: "Huawei phone"})
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Svc.CloseLostReport(apptest.AttID, r.ID, "found it at home"); err != nil {
			t.Fatal(err)
		}
		ca.SyncNow()
		waitFor(t, "desk B to read the guest", 10*time.Second, func() bool {
			rb, err := b.Svc.LostReport(r.ID)
			return err == nil && rb.Guest == e2eGuest && rb.Closed
		})
		for _, rec := range serverEvents(t, e) {
			if bytes.Contains(rec.Raw, []byte(e2ePhone)) || bytes.Contains(rec.Raw, []byte(e2eGuest)) {
				t.Fatalf("the server holds the guest readable: %s", rec.Raw)
			}
		}
		before := len(serverEvents(t, e))

		a.Clock.Advance(91 * 24 * time.Hour)
		if n, err := personal.Housekeep(a.Core, a.Clock.Now()); err != nil || n != 1 {
			t.Fatalf("housekeeping purged %d (%v)", n, err)
		}
		ca.SyncNow()
		waitFor(t, "the server to erase the key", 10*time.Second, func() bool { return keysGone(t, serverEvents(t, e)) })
		if after := len(serverEvents(t, e)); after <= before {
			t.Fatalf("the server holds %d events after the purge, %d before", after, before)
		}
		cb.SyncNow()
		waitFor(t, "desk B to show the removal", 10*time.Second, func() bool {
			rb, _ := b.Svc.LostReport(r.ID)
			return rb.Guest == "" && rb.Personal.Removed != nil && rb.Personal.Removed.Days == 90
		})
	})
}

// keysGone reports whether the server holds key events, each erased.
func keysGone(t *testing.T, recs []server.Record) bool {
	t.Helper()
	n := 0
	for _, rec := range recs {
		ev, err := wire.DecodeEvent(rec.Raw)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Type == pkey.TypeIssued {
			n++
			if !pkey.IsErased(ev.Body) {
				return false
			}
		}
	}
	return n > 0
}

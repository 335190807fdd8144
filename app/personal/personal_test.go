package personal_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/found"
	"floordesk/app/personal"
	"floordesk/data"
	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// The test guest: what must not be readable anywhere once purged.
const (
	guestName  = "陈晓燕"
	guestPhone = "13912345678"
)

type desk = apptest.Desk[*found.FoundRegister]

// claimedWithReport logs a found item, files the guest's loss report and
// hands the item over to the guest, closing the report: two closed
// records holding the guest's name and phone.
func claimedWithReport(t *testing.T, d *desk) (found.FoundItem, found.LostReport) {
	t.Helper()
	item, _, err := d.Svc.LogFound(apptest.AttID, found.FoundInput{FoundAt: apptest.Start.Add(-time.Hour), Place: "302",
		Room: true, Finder: "Wang Fang", Category: app.CatElectronics, Description: "black Huawei phone", Storage: "Desk D1 cabinet"})
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := d.Svc.FileLostReport(apptest.Att2ID, found.LostReportInput{Guest: guestName, Contact: guestPhone, Room: "302",
		LostAt: apptest.Start.Add(-2 * time.Hour), Category: app.CatElectronics, Description: "Huawei phone"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Guest != guestName || r.Contact != guestPhone {
		t.Fatalf("the report reads %q %q", r.Guest, r.Contact)
	}
	_, err = d.Svc.ClaimFound(apptest.AttID, found.ClaimInput{Tag: item.Tag, Claimant: guestName, Contact: guestPhone,
		IDType: "id_card", IDLast4: "1234", Description: "black phone, cracked", Report: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	item, _ = d.Svc.FoundItem(item.Tag)
	r, _ = d.Svc.LostReport(r.ID)
	return item, r
}

func eventIDs(t *testing.T, st *data.Store) []string {
	t.Helper()
	evs, _, err := st.Log(0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(evs))
	for i, ev := range evs {
		ids[i] = ev.ID
	}
	return ids
}

// TestSealedFieldsNeverInEvents: a guest's name and phone are in the
// record's view, but no event's body holds them in the clear.
func TestSealedFieldsNeverInEvents(t *testing.T) {
	a := apptest.New(t, found.New)
	a.SetupHotel()
	claimedWithReport(t, a)
	evs, _, _ := a.Store.Log(0, 10000)
	for _, ev := range evs {
		if bytes.Contains(ev.Body, []byte(guestPhone)) || bytes.Contains(ev.Body, []byte(guestName)) {
			t.Fatalf("event %s (%s) holds the guest in the clear: %s", ev.ID, ev.Type, ev.Body)
		}
	}
}

// TestPurgeAfterRetention: once the hotel's retention has passed since a
// record closed, the daily housekeeping removes the guest's name and phone
// from everything the desk holds, keeps every event, and a second desk
// that syncs the purge shows the removal and destroys the key too.
func TestPurgeAfterRetention(t *testing.T) {
	a, b := apptest.Pair(t, found.New)
	a.SetupHotel()
	item, report := claimedWithReport(t, a)
	apptest.ExchangeDesks(t, a, b)
	if r, _ := b.Svc.LostReport(report.ID); r.Guest != guestName {
		t.Fatalf("the second desk reads the report's guest as %q", r.Guest)
	}
	if !bytes.Contains(apptest.Readable(t, a.Store), []byte(guestPhone)) {
		t.Fatal("the open records' views should show the guest's phone")
	}

	// A day short of the 90 days: nothing goes.
	a.Clock.Advance(89 * 24 * time.Hour)
	if n, err := personal.Housekeep(a.Core, a.Clock.Now()); err != nil || n != 0 {
		t.Fatalf("housekeeping at 89 days purged %d (%v)", n, err)
	}
	before := eventIDs(t, a.Store)

	a.Clock.Advance(24*time.Hour + time.Minute)
	if n, err := personal.Housekeep(a.Core, a.Clock.Now()); err != nil || n != 2 {
		t.Fatalf("housekeeping at 90 days purged %d records (%v), want the report and the item", n, err)
	}
	for _, secret := range []string{guestPhone, guestName} {
		if bytes.Contains(apptest.Readable(t, a.Store), []byte(secret)) {
			t.Errorf("desk A still holds %q readable after the purge", secret)
		}
	}
	after := eventIDs(t, a.Store)
	if len(after) <= len(before) || strings.Join(after[:len(before)], ",") != strings.Join(before, ",") {
		t.Fatalf("the audit trail changed: %d events before, %d after", len(before), len(after))
	}
	r, _ := a.Svc.LostReport(report.ID)
	if r.Guest != "" || r.Contact != "" || r.Personal.Removed == nil || r.Personal.Removed.Days != 90 {
		t.Fatalf("the purged report reads %q %q, removed %+v", r.Guest, r.Contact, r.Personal.Removed)
	}
	if r.Description != "Huawei phone" || !r.Closed {
		t.Fatalf("the purge took more than the guest: %+v", r)
	}

	apptest.ExchangeDesks(t, a, b)
	if _, err := personal.Housekeep(b.Core, b.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	rb, _ := b.Svc.LostReport(report.ID)
	ib, _ := b.Svc.FoundItem(item.Tag)
	if rb.Guest != "" || rb.Personal.Removed == nil || ib.Claims[0].Claimant != "" || ib.Personal.Removed == nil {
		t.Fatalf("desk B after the purge: report %q %+v, claim %q %+v", rb.Guest, rb.Personal.Removed, ib.Claims[0].Claimant, ib.Personal.Removed)
	}
	for _, secret := range []string{guestPhone, guestName} {
		if bytes.Contains(apptest.Readable(t, b.Store), []byte(secret)) {
			t.Errorf("desk B still holds %q readable after the purge", secret)
		}
	}
	keysErased(t, a.Store)
	keysErased(t, b.Store)
	apptest.SameViews(t, a, b, app.Ref(found.KindLostReport, report.ID))
	apptest.SameViews(t, a, b, app.Ref(found.KindFound, item.Tag))
}

// keysErased fails unless every key event the store holds is destroyed
// and its issued body erased.
func keysErased(t *testing.T, st *data.Store) {
	t.Helper()
	n := 0
	evs, _, _ := st.Log(0, 100000)
	for _, ev := range evs {
		if ev.Entity.Kind == pkey.Kind && ev.Type == pkey.TypeIssued {
			n++
			if !pkey.IsErased(ev.Body) {
				t.Errorf("desk %s still holds key %s: %s", st.Desk(), ev.Entity.ID, ev.Body)
			}
		}
	}
	if n == 0 {
		t.Errorf("desk %s holds no key events", st.Desk())
	}
}

// TestPlainRecordsPurged: records written before sealing hold the guest
// in their events' bodies, one sealed in its desk's chain (as a build
// with the chain but without sealing wrote it), one from before the
// chain, pulled from another desk. Purged after the retention, they leave
// the views and the events: both desks erase the fields in place (the
// second from the erasure it pulls, writing none of its own), every event
// stays, the rest of each record stays, and both desks' chains still
// check.
func TestPlainRecordsPurged(t *testing.T) {
	a, b := apptest.Pair(t, found.New)
	a.SetupHotel()
	sealedRef := plainReport(t, "old-report", nil, a.Store)
	legacyRef := plainReport(t, "older-report", &wire.Event{ID: "0190f0e0-0000-7000-8000-00000000a001",
		HLC: wire.MakeTimestamp(apptest.Start.UnixMilli()-1000, 0), Desk: "desk-old"}, a.Store, b.Store)
	apptest.ExchangeDesks(t, a, b)
	if !bytes.Contains(apptest.Readable(t, b.Store), []byte(guestPhone)) {
		t.Fatal("desk B should hold the old reports' plain copies")
	}
	before := eventIDs(t, a.Store)

	a.Clock.Advance(91 * 24 * time.Hour)
	if n, err := personal.Housekeep(a.Core, a.Clock.Now()); err != nil || n != 2 {
		t.Fatalf("purged %d (%v)", n, err)
	}
	apptest.ExchangeDesks(t, a, b)
	b.Clock.Advance(91 * 24 * time.Hour)
	if _, err := personal.Housekeep(b.Core, b.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	for _, d := range []*desk{a, b} {
		for _, secret := range []string{guestPhone, guestName} {
			if bytes.Contains(apptest.Readable(t, d.Store), []byte(secret)) {
				t.Errorf("desk %s still holds %q readable", d.Store.Desk(), secret)
			}
		}
		for _, ref := range []wire.EntityRef{sealedRef, legacyRef} {
			r, err := d.Svc.LostReport(ref.ID)
			if err != nil || r.Guest != "" || r.Description != "Huawei phone" || !r.Closed || r.Personal.Removed == nil {
				t.Errorf("desk %s reads %s as %+v (%v)", d.Store.Desk(), ref.ID, r, err)
			}
		}
		if rep, err := d.Store.Verify(nil); err != nil || !rep.OK() {
			t.Errorf("desk %s's chains after the erasure: %v\n%s", d.Store.Desk(), err, rep)
		}
	}
	after := eventIDs(t, a.Store)
	if len(after) <= len(before) || strings.Join(after[:len(before)], ",") != strings.Join(before, ",") {
		t.Fatalf("the audit trail changed: %d events before, %d after", len(before), len(after))
	}
	if n := apptest.CountType(t, b.Store, pkey.TypeFieldsErased); n != 2 {
		t.Fatalf("desk B holds %d erasures, want desk A's two and none of its own", n)
	}
	apptest.SameViews(t, a, b, sealedRef)
	apptest.SameViews(t, a, b, legacyRef)
}

// plainReport stores a closed loss report of the test guest with the
// guest in its events in the clear, as a build before sealing wrote it:
// appended by the first store's desk (sealed in its chain), or, with
// from, pulled by each store from from's desk at from's time (from before
// the chain: unsealed).
func plainReport(t *testing.T, id string, from *wire.Event, stores ...*data.Store) wire.EntityRef {
	t.Helper()
	ref := app.Ref(found.KindLostReport, id)
	filed, _ := app.NewEvent(apptest.AttID, ref, found.TypeLostReportFiled, found.LostReportInput{Guest: guestName,
		Contact: guestPhone, Place: "大堂", LostAt: apptest.Start, Category: app.CatElectronics, Description: "Huawei phone", At: apptest.Start})
	closed, _ := app.NewEvent(apptest.AttID, ref, found.TypeLostReportClosed, map[string]any{"reason": "found it", "at": apptest.Start})
	evs := []wire.Event{filed, closed}
	if from == nil {
		if _, err := stores[0].AppendAll(evs); err != nil {
			t.Fatal(err)
		}
		return ref
	}
	for i := range evs {
		evs[i].ID, evs[i].Desk, evs[i].HLC = from.ID[:len(from.ID)-1]+strconv.Itoa(i), from.Desk, from.HLC+wire.Timestamp(i)
	}
	for _, st := range stores {
		if _, err := st.ApplyRemote(evs, 0); err != nil {
			t.Fatal(err)
		}
	}
	return ref
}

// TestDeleteGuestOnRequest: a supervisor finds a guest's records by phone
// and removes them at once, open or closed; others stay.
func TestDeleteGuestOnRequest(t *testing.T) {
	a := apptest.New(t, found.New)
	a.SetupHotel()
	_, report := claimedWithReport(t, a)
	other, _, err := a.Svc.FileLostReport(apptest.AttID, found.LostReportInput{Guest: "王先生", Contact: "13800000000",
		Place: "大堂", LostAt: apptest.Start, Category: app.CatClothing, Description: "black bag"})
	if err != nil {
		t.Fatal(err)
	}
	q := personal.Query{Phone: "139 1234 5678"}
	if _, err := personal.FindGuest(a.Core, apptest.AttID, q); err == nil {
		t.Fatal("an attendant may look a guest's records up for deletion")
	}
	recs, err := personal.FindGuest(a.Core, apptest.SupID, q)
	if err != nil || len(recs) != 2 {
		t.Fatalf("found %d records (%v), want the report and the item", len(recs), err)
	}
	if _, err := personal.DeleteGuest(a.Core, apptest.SupID, q); err != nil {
		t.Fatal(err)
	}
	if r, _ := a.Svc.LostReport(report.ID); r.Guest != "" || r.Personal.Removed == nil || r.Personal.Removed.Reason != personal.ReasonRequest {
		t.Fatalf("the guest's report after deletion: %q %+v", r.Guest, r.Personal.Removed)
	}
	if bytes.Contains(apptest.Readable(t, a.Store), []byte(guestPhone)) {
		t.Error("the guest's phone is still readable after the deletion")
	}
	if r, _ := a.Svc.LostReport(other.ID); r.Guest != "王先生" {
		t.Fatalf("another guest's report lost its name: %q", r.Guest)
	}
	if again, _ := personal.FindGuest(a.Core, apptest.SupID, q); len(again) != 0 {
		t.Fatalf("after the deletion %d records still name the guest", len(again))
	}
}

// TestQueryLimits: a deletion request needs a name or a phone, each within
// its limit.
func TestQueryLimits(t *testing.T) {
	a := apptest.New(t, found.New)
	for _, tt := range []struct {
		name string
		q    personal.Query
		code string
	}{
		{"room only", personal.Query{Room: "302"}, "personal.name_or_phone"},
		{"name at its limit", personal.Query{Name: strings.Repeat("陈", personal.MaxQueryName)}, ""},
		{"name beyond", personal.Query{Name: strings.Repeat("陈", personal.MaxQueryName+1)}, "field.too_long"},
		{"phone at its limit", personal.Query{Phone: strings.Repeat("1", personal.MaxQueryPhone)}, ""},
		{"phone beyond", personal.Query{Phone: strings.Repeat("1", personal.MaxQueryPhone+1)}, "field.too_long"},
		{"room at its limit", personal.Query{Name: "陈", Room: strings.Repeat("1", personal.MaxQueryRoom)}, ""},
		{"room beyond", personal.Query{Name: "陈", Room: strings.Repeat("1", personal.MaxQueryRoom+1)}, "field.too_long"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := personal.FindGuest(a.Core, apptest.SupID, tt.q)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			apptest.WantRefusal(t, err, app.ErrInvalid, tt.code)
		})
	}
}

// TestErasureLimit: a purged record with pkey.MaxErasedEvents plain
// events is erased by one erasure, one with more by as many as it takes,
// each within the limit; either way no event keeps the guest.
func TestErasureLimit(t *testing.T) {
	for _, tt := range []struct {
		plain, erasures int
	}{{pkey.MaxErasedEvents, 1}, {pkey.MaxErasedEvents + 1, 2}} {
		t.Run(strconv.Itoa(tt.plain), func(t *testing.T) {
			a := apptest.New(t, found.New)
			ref := app.Ref(found.KindLostReport, "old-report")
			var evs []wire.Event
			for i := range tt.plain {
				ev, _ := app.NewEvent(apptest.AttID, ref, found.TypeLostReportFiled, found.LostReportInput{Guest: guestName,
					Contact: guestPhone, Place: "大堂", LostAt: apptest.Start, Category: app.CatElectronics, Description: "phone " + strconv.Itoa(i), At: apptest.Start})
				evs = append(evs, ev)
			}
			closed, _ := app.NewEvent(apptest.AttID, ref, found.TypeLostReportClosed, map[string]any{"reason": "found it", "at": apptest.Start})
			for evs = append(evs, closed); len(evs) > 0; evs = evs[min(len(evs), 200):] {
				if _, err := a.Store.AppendAll(evs[:min(len(evs), 200)]); err != nil {
					t.Fatal(err)
				}
			}
			a.Clock.Advance(91 * 24 * time.Hour)
			if n, err := personal.Housekeep(a.Core, a.Clock.Now()); err != nil || n != 1 {
				t.Fatalf("purged %d (%v)", n, err)
			}
			if n := apptest.CountType(t, a.Store, pkey.TypeFieldsErased); n != tt.erasures {
				t.Fatalf("%d erasures, want %d", n, tt.erasures)
			}
			if bytes.Contains(apptest.Readable(t, a.Store), []byte(guestPhone)) {
				t.Fatal("an event still holds the guest's phone")
			}
		})
	}
}

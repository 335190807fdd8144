package personal_test

import (
	"bytes"
	"testing"
	"time"

	"floordesk/app/apptest"
	"floordesk/app/personal"
	"floordesk/app/requests"
)

// TestRequestGuestPurged: a request's guest and contact are sealed and
// removed once it has been cancelled for the retention period; the
// description stays, and nothing readable is left on the desk.
func TestRequestGuestPurged(t *testing.T) {
	d := apptest.New(t, requests.New)
	d.SetupHotel()
	r, err := d.Svc.OpenRequest(apptest.AttID, requests.NewRequest{Area: "大堂", Guest: guestName, Contact: guestPhone,
		Kind: requests.RequestService, Description: "taxi to the airport at 15:00"})
	if err != nil || r.Guest != guestName || r.Contact != guestPhone {
		t.Fatalf("the request reads %q %q (%v)", r.Guest, r.Contact, err)
	}
	d.Must(d.Svc.CancelRequest(apptest.AttID, r.ID, "the guest took the bus"))
	d.Clock.Advance(91 * 24 * time.Hour)
	if n, err := personal.Housekeep(d.Core, d.Clock.Now()); err != nil || n != 1 {
		t.Fatalf("housekeeping purged %d requests (%v)", n, err)
	}
	after, _ := d.Svc.Request(r.ID)
	if after.Guest != "" || after.Contact != "" || after.Description != r.Description || after.Personal.Removed == nil {
		t.Fatalf("the request after the retention: %+v", after)
	}
	for _, secret := range []string{guestName, guestPhone} {
		if bytes.Contains(apptest.Readable(t, d.Store), []byte(secret)) {
			t.Errorf("%q is still readable on the desk", secret)
		}
	}
}

// TestScheduledRequestGuestPurged: each occurrence of a recurring wake-up
// call seals its guest's name and phone (no event body on the desk holds
// them), and is purged the retention after it ran or was cancelled: the
// occurrence called stays while the cancelled one goes, then both go,
// and nothing readable is left on the desk.
func TestScheduledRequestGuestPurged(t *testing.T) {
	d := apptest.New(t, requests.New)
	d.SetupHotel()
	due := d.Clock.Now().Add(2 * time.Hour)
	first, err := d.Svc.OpenRequest(apptest.AttID, requests.NewRequest{Room: "301", Guest: guestName, Contact: guestPhone,
		Kind: requests.RequestWakeUp, Description: "叫醒 wake-up call", DueAt: due, RepeatUntil: due.Add(24 * time.Hour)})
	if err != nil || first.Guest != guestName || first.Contact != guestPhone || first.Series == nil || first.Series.Of != 2 {
		t.Fatalf("the wake-up call reads %+v (%v)", first, err)
	}
	evs, _, err := d.Store.Log(0, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if bytes.Contains(ev.Body, []byte(guestName)) || bytes.Contains(ev.Body, []byte(guestPhone)) {
			t.Fatalf("event %s %s holds the guest in the clear: %s", ev.ID, ev.Type, ev.Body)
		}
	}
	second := occurrence(t, d, first.Series.ID, 2)
	if second.Guest != guestName || second.Contact != guestPhone {
		t.Fatalf("the second occurrence reads %q %q", second.Guest, second.Contact)
	}

	d.Clock.Advance(2 * time.Hour)
	d.Must(d.Svc.LogCall(apptest.AttID, first.ID, requests.CallInput{Outcome: requests.CallAnswered}))
	d.Clock.Advance(2 * time.Hour)
	d.Must(d.Svc.CancelRequest(apptest.AttID, second.ID, "the guest checked out early"))

	d.Clock.Advance(90*24*time.Hour - time.Hour)
	if n, err := personal.Housekeep(d.Core, d.Clock.Now()); err != nil || n != 1 {
		t.Fatalf("housekeeping 90 days after the call purged %d requests (%v)", n, err)
	}
	if r, _ := d.Svc.Request(first.ID); r.Guest != "" || r.Contact != "" || r.Personal.Removed == nil {
		t.Fatalf("the call made 90 days ago: %+v", r)
	}
	if r, _ := d.Svc.Request(second.ID); r.Guest != guestName || r.Personal.Removed != nil {
		t.Fatalf("the occurrence cancelled 2 hours later was purged before its retention: %+v", r)
	}
	d.Clock.Advance(2 * time.Hour)
	if n, err := personal.Housekeep(d.Core, d.Clock.Now()); err != nil || n != 1 {
		t.Fatalf("housekeeping 90 days after the cancellation purged %d requests (%v)", n, err)
	}
	for _, secret := range []string{guestName, guestPhone} {
		if bytes.Contains(apptest.Readable(t, d.Store), []byte(secret)) {
			t.Errorf("%q is still readable on the desk", secret)
		}
	}
}

// occurrence is the nth occurrence of series, read from the store.
func occurrence(t *testing.T, d *apptest.Desk[*requests.RequestRegister], series string, n int) requests.Request {
	t.Helper()
	var found *requests.Request
	err := d.Store.Views(requests.KindRequest, func(id string, _ []byte) error {
		r, err := d.Svc.Request(id)
		if err == nil && r.Series != nil && r.Series.ID == series && r.Series.N == n {
			found = &r
		}
		return err
	})
	if err != nil || found == nil {
		t.Fatalf("occurrence %d of %s: %v", n, series, err)
	}
	return *found
}

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
		if bytes.Contains(readable(t, d.Store), []byte(secret)) {
			t.Errorf("%q is still readable on the desk", secret)
		}
	}
}

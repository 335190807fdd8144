package personal_test

import (
	"bytes"
	"testing"
	"time"

	"floordesk/app/apptest"
	"floordesk/app/messages"
	"floordesk/app/personal"
)

// TestMessagePurged: a message's guest, caller and call-back number are
// sealed and removed once it has been delivered for the retention period;
// the room and the text stay, and the handover lists a waiting message
// without the guest's or the caller's name.
func TestMessagePurged(t *testing.T) {
	d := apptest.New(t, messages.New)
	d.SetupHotel()
	in := messages.TakeInput{Room: "301", Guest: guestName, Direction: messages.ForGuest, From: "李先生", Phone: guestPhone,
		Text: "Please call back about the dinner booking"}
	delivered, err := d.Svc.Take(apptest.AttID, in)
	if err != nil {
		t.Fatal(err)
	}
	waiting, err := d.Svc.Take(apptest.AttID, in)
	if err != nil || delivered.Guest != guestName || delivered.Phone != guestPhone {
		t.Fatalf("the message reads %q %q (%v)", delivered.Guest, delivered.Phone, err)
	}
	if rows := handoverRows(t, d.Core, "messages", d.Clock.Now()); !bytes.Contains(rows, []byte(waiting.ID)) ||
		bytes.Contains(rows, []byte(guestName)) || bytes.Contains(rows, []byte("李先生")) {
		t.Fatalf("the handover's messages: %s", rows)
	}
	d.Must(d.Svc.Deliver(apptest.AttID, delivered.ID, messages.HowHanded, ""))
	d.Clock.Advance(91 * 24 * time.Hour)
	if n, err := personal.Housekeep(d.Core, d.Clock.Now()); err != nil || n != 1 {
		t.Fatalf("housekeeping purged %d messages (%v), want the delivered one", n, err)
	}
	m, _ := d.Svc.Message(delivered.ID)
	if m.Guest != "" || m.From != "" || m.Phone != "" || m.Text != in.Text || m.Personal.Removed == nil {
		t.Fatalf("the delivered message after the retention: %+v", m)
	}
	if w, _ := d.Svc.Message(waiting.ID); w.Phone != guestPhone {
		t.Fatalf("the waiting message lost its number: %q", w.Phone)
	}
}

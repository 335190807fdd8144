package handover_test

import (
	"testing"
	"time"

	"floordesk/app/apptest"
	"floordesk/app/handover"
)

// TestHandoverListReadsRecentAndUnsigned: the list holds the handovers of
// the last two months and every older one not yet signed by both; an
// older signed one is left out of the list, and still opens by its ID.
func TestHandoverListReadsRecentAndUnsigned(t *testing.T) {
	f := newFixture(t)
	draft := func(shift string) handover.Handover {
		t.Helper()
		h, err := f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{Shift: shift})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	sign := func(h handover.Handover) {
		t.Helper()
		if _, err := f.Svc.SignHandover(h.ID, handover.SignOutgoing, apptest.AttID, "2345"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Svc.SignHandover(h.ID, handover.SignIncoming, apptest.Att2ID, "3456"); err != nil {
			t.Fatal(err)
		}
	}
	oldSigned := draft("2025-11-01 morning")
	sign(oldSigned)
	oldOpen := draft("2025-11-01 evening")
	f.Clock.Advance(100 * 24 * time.Hour)
	recent := draft("2026-02-09 morning")
	sign(recent)

	list, err := f.Svc.Handovers("")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range list {
		ids = append(ids, h.ID)
	}
	if len(ids) != 2 || ids[0] != recent.ID || ids[1] != oldOpen.ID {
		t.Errorf("list = %v, want the recent one, then the old unsigned one (not %s)", ids, oldSigned.ID)
	}
	if h, err := f.Svc.Handover(oldSigned.ID); err != nil || !h.Signed() {
		t.Errorf("the old signed handover does not open: %v", err)
	}
}

package app

import (
	"testing"
	"time"
)

func TestFollowUpsAtTwoDesksCommute(t *testing.T) {
	a, b := newPair(t)
	r := openReq(a, towels())
	exchange(t, a, b)
	a.clock.Advance(10 * time.Minute)
	b.clock.Advance(11 * time.Minute)
	a.must(a.svc.FollowUpRequest(attID, r.ID, "called housekeeping"))
	b.must(b.svc.FollowUpRequest(att2ID, r.ID, "housekeeping says 5 minutes"))
	b.must(b.svc.EscalateRequest(att2ID, r.ID, "", "guest called again"))
	exchange(t, a, b)
	sameView(t, a, b, Ref(KindRequest, r.ID))
	got, _ := b.svc.Request(r.ID)
	if got.HasConflict() || len(got.FollowUps) != 2 || len(got.Escalations) != 1 {
		t.Fatalf("request = %+v", got)
	}
	if next := NextFollowUp(&got, 0); !next.Equal(testStart.Add(21 * time.Minute)) {
		t.Fatalf("next follow-up = %v", next)
	}
}

func TestCancelAndResolveAtTwoDesksConflict(t *testing.T) {
	a, b := newPair(t)
	r := openReq(a, towels())
	exchange(t, a, b)
	a.must(a.svc.CancelRequest(attID, r.ID, "guest checked out"))
	b.must(b.svc.ResolveRequest(att2ID, r.ID, "", "towels delivered"))
	exchange(t, a, b)
	sameView(t, a, b, Ref(KindRequest, r.ID))
	for name, d := range map[string]*fixture{"D1": a, "D2": b} {
		got, _ := d.svc.RequestsInConflict()
		if len(got) != 1 || got[0].Conflicts[0].Code != "request.cancel_clash" {
			t.Fatalf("%s: in conflict = %+v", name, got)
		}
		all, _ := d.svc.Conflicts()
		if len(all) != 1 || all[0].Kind != KindRequest {
			t.Fatalf("%s: conflicts = %+v", name, all)
		}
	}
}

func TestDispatchToTwoDepartmentsConflicts(t *testing.T) {
	a, b := newPair(t)
	r := openReq(a, towels())
	exchange(t, a, b)
	a.must(a.svc.DispatchRequest(attID, r.ID, DispatchInput{Department: "housekeeping", Notified: "Chen Jing"}))
	b.must(b.svc.DispatchRequest(att2ID, r.ID, DispatchInput{Department: "laundry", Notified: "Zhao Min"}))
	exchange(t, a, b)
	sameView(t, a, b, Ref(KindRequest, r.ID))
	got, _ := a.svc.Request(r.ID)
	if len(got.Conflicts) != 1 || got.Conflicts[0].Code != "request.dispatched_twice" || len(got.Dispatches) != 2 {
		t.Fatalf("request = %+v", got)
	}
}

func TestHandoverNotedWhileSignedConflicts(t *testing.T) {
	a, b := newPair(t)
	h, err := a.svc.DraftHandover(attID, HandoverInput{Shift: "2026-03-03 morning"})
	if err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	a.must(a.svc.SignHandover(h.ID, SignOutgoing, attID, "2345"))
	b.must(b.svc.AddHandoverNote(att2ID, h.ID, "the ice machine on 12F is broken"))
	exchange(t, a, b)
	sameView(t, a, b, Ref(KindHandover, h.ID))
	got, _ := b.svc.Handover(h.ID)
	if len(got.Conflicts) != 1 || got.Conflicts[0].Code != "handover.changed_while_signing" {
		t.Fatalf("handover = %+v", got.Meta)
	}
}

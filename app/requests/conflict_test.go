package requests

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
)

func TestFollowUpsAtTwoDesksCommute(t *testing.T) {
	a, b := apptest.Pair(t, New)
	r := openReq(a, towels())
	apptest.ExchangeDesks(t, a, b)
	a.Clock.Advance(10 * time.Minute)
	b.Clock.Advance(11 * time.Minute)
	a.Must(a.Svc.FollowUpRequest(apptest.AttID, r.ID, "called housekeeping"))
	b.Must(b.Svc.FollowUpRequest(apptest.Att2ID, r.ID, "housekeeping says 5 minutes"))
	b.Must(b.Svc.EscalateRequest(apptest.Att2ID, r.ID, "", "guest called again"))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindRequest, r.ID))
	got, _ := b.Svc.Request(r.ID)
	if got.HasConflict() || len(got.FollowUps) != 2 || len(got.Escalations) != 1 {
		t.Fatalf("request = %+v", got)
	}
	if next := NextFollowUp(&got, 0); !next.Equal(apptest.Start.Add(21 * time.Minute)) {
		t.Fatalf("next follow-up = %v", next)
	}
}

func TestCancelAndResolveAtTwoDesksConflict(t *testing.T) {
	a, b := apptest.Pair(t, New)
	r := openReq(a, towels())
	apptest.ExchangeDesks(t, a, b)
	a.Must(a.Svc.CancelRequest(apptest.AttID, r.ID, "guest checked out"))
	b.Must(b.Svc.ResolveRequest(apptest.Att2ID, r.ID, "", "towels delivered"))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindRequest, r.ID))
	for name, d := range map[string]*fixture{"D1": a, "D2": b} {
		got, _ := d.Svc.RequestsInConflict()
		if len(got) != 1 || got[0].Conflicts[0].Code != "request.cancel_clash" {
			t.Fatalf("%s: in conflict = %+v", name, got)
		}
		all, _ := d.Svc.Conflicts()
		if len(all) != 1 || all[0].Kind != KindRequest {
			t.Fatalf("%s: conflicts = %+v", name, all)
		}
	}
}

func TestDispatchToTwoDepartmentsConflicts(t *testing.T) {
	a, b := apptest.Pair(t, New)
	r := openReq(a, towels())
	apptest.ExchangeDesks(t, a, b)
	a.Must(a.Svc.DispatchRequest(apptest.AttID, r.ID, DispatchInput{Department: "housekeeping", Notified: "Chen Jing"}))
	b.Must(b.Svc.DispatchRequest(apptest.Att2ID, r.ID, DispatchInput{Department: "laundry", Notified: "Zhao Min"}))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(KindRequest, r.ID))
	got, _ := a.Svc.Request(r.ID)
	if len(got.Conflicts) != 1 || got.Conflicts[0].Code != "request.dispatched_twice" || len(got.Dispatches) != 2 {
		t.Fatalf("request = %+v", got)
	}
}

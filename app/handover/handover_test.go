package handover_test

import (
	"testing"
	"time"

	"floordesk/app"
	"floordesk/app/apptest"
	"floordesk/app/apptest/registers"
	"floordesk/app/handover"
	"floordesk/app/keys"
	"floordesk/app/loans"
	"floordesk/app/requests"
)

// setupKeys registers three section keys on D1's board and signs one out.
func setupKeys(f *fixture) {
	f.T.Helper()
	for _, tag := range []string{"F8-S1", "F8-S2", "F8-STORE"} {
		f.Must(f.Svc.RegisterKey(apptest.SupID, keys.NewKey{Tag: tag, Type: keys.KeySection, Areas: []string{"8F"}, Desk: "D1"}))
	}
	f.Must(f.Svc.SignOutKey(apptest.AttID, keys.KeySignOut{Tag: "F8-S1", Holder: apptest.Att2ID, Purpose: "turn-down", Due: apptest.Start.Add(4 * time.Hour)}))
}

func TestDraftHandover(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	setupKeys(f)
	r := openReq(f, towels())
	done := openReq(f, towels())
	f.Must(f.Svc.ResolveRequest(apptest.AttID, done.ID, "", "delivered"))
	f.Must(f.Svc.Lend(apptest.AttID, loans.LendInput{Room: "0801", Lines: []loans.LoanLine{{Item: "hair_dryer", Count: 1}}, DueAt: apptest.Start.Add(10 * time.Hour)}))
	f.Must(f.Svc.Lend(apptest.AttID, loans.LendInput{Room: "0802", Lines: []loans.LoanLine{{Item: "iron", Count: 1}}, DueAt: apptest.Start.Add(72 * time.Hour)}))
	f.Clock.Set(apptest.Start.Add(6*time.Hour + 50*time.Minute)) // 14:50, end of the morning shift
	h, err := f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{KeysCounted: 1})
	if err != nil {
		t.Fatal(err)
	}
	if h.ID != "D1.2026-03-03.morning" || h.Shift != "2026-03-03 morning" || h.Desk != "D1" {
		t.Fatalf("handover = %s %q %s", h.ID, h.Shift, h.Desk)
	}
	if len(rows[requests.HandoverRequest](t, h, "requests")) != 2 || rows[requests.HandoverRequest](t, h, "requests")[0].ID != r.ID || !rows[requests.HandoverRequest](t, h, "requests")[0].Escalated ||
		rows[requests.HandoverRequest](t, h, "requests")[1].ID != done.ID || rows[requests.HandoverRequest](t, h, "requests")[1].Status != requests.StatusResolved {
		t.Fatalf("requests = %+v", rows[requests.HandoverRequest](t, h, "requests"))
	}
	if len(rows[loans.HandoverLoan](t, h, "loans")) != 1 || rows[loans.HandoverLoan](t, h, "loans")[0].Items != "1 × hair dryer" || rows[loans.HandoverLoan](t, h, "loans")[0].Overdue {
		t.Fatalf("loans = %+v (the hair dryer is due at 18:00, the iron in 3 days)", rows[loans.HandoverLoan](t, h, "loans"))
	}
	if len(rows[keys.HandoverKey](t, h, "keys")) != 1 || rows[keys.HandoverKey](t, h, "keys")[0].Tag != "F8-S1" || rows[keys.HandoverKey](t, h, "keys")[0].Holder != "Zhang Wei" {
		t.Fatalf("keys = %+v", rows[keys.HandoverKey](t, h, "keys"))
	}
	if len(h.Board.Expected) != 2 || h.Board.Short() != 1 || h.Board.CountID == "" {
		t.Fatalf("key count = %+v, short %d", h.Board, h.Board.Short())
	}
	if last, ok, _ := f.Svc.LastKeyCount("D1"); !ok || last.ID != h.Board.CountID {
		t.Fatalf("the handover's count is not in the key register: %+v", last)
	}
	// Drafting again takes the lists afresh.
	f.Must(f.Svc.CancelRequest(apptest.AttID, r.ID, "guest went out"))
	f.Must(f.Svc.ConfirmRequest(apptest.AttID, done.ID, 5, ""))
	h, _ = f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{KeysPresent: []string{"F8-S2", "F8-STORE"}})
	if len(rows[requests.HandoverRequest](t, h, "requests")) != 0 || h.Board.Short() != 0 || h.Board.Counted != 2 {
		t.Fatalf("redraft = %+v", h)
	}
}

func TestSignHandover(t *testing.T) {
	f := newFixture(t)
	h, err := f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{Shift: "2026-03-03 morning"})
	if err != nil {
		t.Fatal(err)
	}
	h, err = f.Svc.AddHandoverNote(apptest.AttID, h.ID, "1208 asked for a wake-up call at 6:00")
	if err != nil || len(h.Notes) != 1 {
		t.Fatalf("note: %+v, %v", h.Notes, err)
	}
	steps := []struct {
		name     string
		role     handover.SignRole
		staff    string
		pin      string
		sentinel error
		code     string
	}{
		{"incoming before outgoing", handover.SignIncoming, apptest.Att2ID, "3456", app.ErrConflict, "handover.outgoing_first"},
		{"bad role", "witness", apptest.AttID, "2345", app.ErrInvalid, "field.bad_value"},
		{"wrong PIN", handover.SignOutgoing, apptest.AttID, "0000", app.ErrForbidden, "pin.wrong"},
		{"outgoing signs", handover.SignOutgoing, apptest.AttID, "2345", nil, ""},
		{"outgoing again", handover.SignOutgoing, apptest.Att2ID, "3456", app.ErrConflict, "handover.signed"},
		{"incoming is the same person", handover.SignIncoming, apptest.AttID, "2345", app.ErrForbidden, "handover.same_person"},
		{"incoming signs", handover.SignIncoming, apptest.Att2ID, "3456", nil, ""},
		{"after both", handover.SignIncoming, apptest.SupID, "1234", app.ErrConflict, "handover.final"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			_, err := f.Svc.SignHandover(h.ID, st.role, st.staff, st.pin)
			if st.sentinel == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			apptest.WantRefusal(t, err, st.sentinel, st.code)
		})
	}
	h, _ = f.Svc.Handover(h.ID)
	if !h.Signed() || h.Outgoing.Name != "Wang Fang" || h.Incoming.Name != "Zhang Wei" {
		t.Fatalf("signatures = %+v %+v", h.Outgoing, h.Incoming)
	}
	_, err = f.Svc.AddHandoverNote(apptest.AttID, h.ID, "one more thing")
	apptest.WantRefusal(t, err, app.ErrConflict, "handover.signed")
	_, err = f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{Shift: "2026-03-03 morning"})
	apptest.WantRefusal(t, err, app.ErrConflict, "handover.signed")
	list, _ := f.Svc.Handovers("D1")
	if len(list) != 1 || list[0].ID != h.ID {
		t.Fatalf("handovers = %+v", list)
	}
}

func TestHandoverRefusals(t *testing.T) {
	f := newFixture(t)
	_, err := f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{KeysCounted: -1})
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.bad_number")
	_, err = f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{KeysPresent: []string{"NO-SUCH-KEY"}})
	apptest.WantRefusal(t, err, app.ErrInvalid, "keys.count_unknown")
	_, err = f.Svc.DraftHandover("X999", handover.HandoverInput{})
	apptest.WantRefusal(t, err, app.ErrForbidden, "staff.unknown")
	_, err = f.Svc.AddHandoverNote(apptest.AttID, "D1.nope", "x")
	apptest.WantRefusal(t, err, app.ErrNotFound, "handover.not_found")
	h, _ := f.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{})
	_, err = f.Svc.AddHandoverNote(apptest.AttID, h.ID, "")
	apptest.WantRefusal(t, err, app.ErrInvalid, "field.required")
	_, err = f.Svc.SignHandover("D1.nope", handover.SignOutgoing, apptest.AttID, "2345")
	apptest.WantRefusal(t, err, app.ErrNotFound, "handover.not_found")
}

// rows decodes one register's section of a handover's lists.
func rows[T any](t *testing.T, h handover.Handover, name string) []T {
	t.Helper()
	r, err := handover.HandoverSection[T](h.Lists, name)
	if err != nil {
		t.Fatalf("handover section %s: %v", name, err)
	}
	return r
}

func TestHandoverNotedWhileSignedConflicts(t *testing.T) {
	a, b := apptest.Pair(t, registers.New)
	h, err := a.Svc.DraftHandover(apptest.AttID, handover.HandoverInput{Shift: "2026-03-03 morning"})
	if err != nil {
		t.Fatal(err)
	}
	apptest.ExchangeDesks(t, a, b)
	a.Must(a.Svc.SignHandover(h.ID, handover.SignOutgoing, apptest.AttID, "2345"))
	b.Must(b.Svc.AddHandoverNote(apptest.Att2ID, h.ID, "the ice machine on 12F is broken"))
	apptest.ExchangeDesks(t, a, b)
	apptest.SameViews(t, a, b, app.Ref(handover.KindHandover, h.ID))
	got, _ := b.Svc.Handover(h.ID)
	if len(got.Conflicts) != 1 || got.Conflicts[0].Code != "handover.changed_while_signing" {
		t.Fatalf("handover = %+v", got.Meta)
	}
}

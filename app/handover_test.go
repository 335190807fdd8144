package app

import (
	"testing"
	"time"
)

// setupKeys registers three section keys on D1's board and signs one out.
func setupKeys(f *fixture) {
	f.t.Helper()
	for _, tag := range []string{"F8-S1", "F8-S2", "F8-STORE"} {
		f.must(f.svc.RegisterKey(supID, NewKey{Tag: tag, Type: KeySection, Areas: []string{"8F"}, Desk: "D1"}))
	}
	f.must(f.svc.SignOutKey(attID, KeySignOut{Tag: "F8-S1", Holder: att2ID, Purpose: "turn-down", Due: testStart.Add(4 * time.Hour)}))
}

func TestDraftHandover(t *testing.T) {
	f := newFixture(t)
	setupLoans(f)
	setupKeys(f)
	r := openReq(f, towels())
	done := openReq(f, towels())
	f.must(f.svc.ResolveRequest(attID, done.ID, "", "delivered"))
	f.must(f.svc.Lend(attID, LendInput{Room: "0801", Lines: []LoanLine{{Item: "hair_dryer", Count: 1}}, DueAt: testStart.Add(10 * time.Hour)}))
	f.must(f.svc.Lend(attID, LendInput{Room: "0802", Lines: []LoanLine{{Item: "iron", Count: 1}}, DueAt: testStart.Add(72 * time.Hour)}))
	f.clock.Set(testStart.Add(6*time.Hour + 50*time.Minute)) // 14:50, end of the morning shift
	h, err := f.svc.DraftHandover(attID, HandoverInput{KeysCounted: 1})
	if err != nil {
		t.Fatal(err)
	}
	if h.ID != "D1.2026-03-03.morning" || h.Shift != "2026-03-03 morning" || h.Desk != "D1" {
		t.Fatalf("handover = %s %q %s", h.ID, h.Shift, h.Desk)
	}
	if len(rows[HandoverRequest](t, h, "requests")) != 2 || rows[HandoverRequest](t, h, "requests")[0].ID != r.ID || !rows[HandoverRequest](t, h, "requests")[0].Escalated ||
		rows[HandoverRequest](t, h, "requests")[1].ID != done.ID || rows[HandoverRequest](t, h, "requests")[1].Status != StatusResolved {
		t.Fatalf("requests = %+v", rows[HandoverRequest](t, h, "requests"))
	}
	if len(rows[HandoverLoan](t, h, "loans")) != 1 || rows[HandoverLoan](t, h, "loans")[0].Items != "1 × hair dryer" || rows[HandoverLoan](t, h, "loans")[0].Overdue {
		t.Fatalf("loans = %+v (the hair dryer is due at 18:00, the iron in 3 days)", rows[HandoverLoan](t, h, "loans"))
	}
	if len(rows[HandoverKey](t, h, "keys")) != 1 || rows[HandoverKey](t, h, "keys")[0].Tag != "F8-S1" || rows[HandoverKey](t, h, "keys")[0].Holder != "Zhang Wei" {
		t.Fatalf("keys = %+v", rows[HandoverKey](t, h, "keys"))
	}
	if len(h.Board.Expected) != 2 || h.Board.Short() != 1 || h.Board.CountID == "" {
		t.Fatalf("key count = %+v, short %d", h.Board, h.Board.Short())
	}
	if last, ok, _ := f.svc.LastKeyCount("D1"); !ok || last.ID != h.Board.CountID {
		t.Fatalf("the handover's count is not in the key register: %+v", last)
	}
	// Drafting again takes the lists afresh.
	f.must(f.svc.CancelRequest(attID, r.ID, "guest went out"))
	f.must(f.svc.ConfirmRequest(attID, done.ID, 5, ""))
	h, _ = f.svc.DraftHandover(attID, HandoverInput{KeysPresent: []string{"F8-S2", "F8-STORE"}})
	if len(rows[HandoverRequest](t, h, "requests")) != 0 || h.Board.Short() != 0 || h.Board.Counted != 2 {
		t.Fatalf("redraft = %+v", h)
	}
}

func TestSignHandover(t *testing.T) {
	f := newFixture(t)
	h, err := f.svc.DraftHandover(attID, HandoverInput{Shift: "2026-03-03 morning"})
	if err != nil {
		t.Fatal(err)
	}
	h, err = f.svc.AddHandoverNote(attID, h.ID, "1208 asked for a wake-up call at 6:00")
	if err != nil || len(h.Notes) != 1 {
		t.Fatalf("note: %+v, %v", h.Notes, err)
	}
	steps := []struct {
		name     string
		role     SignRole
		staff    string
		pin      string
		sentinel error
		code     string
	}{
		{"incoming before outgoing", SignIncoming, att2ID, "3456", ErrConflict, "handover.outgoing_first"},
		{"bad role", "witness", attID, "2345", ErrInvalid, "field.bad_value"},
		{"wrong PIN", SignOutgoing, attID, "0000", ErrForbidden, "pin.wrong"},
		{"outgoing signs", SignOutgoing, attID, "2345", nil, ""},
		{"outgoing again", SignOutgoing, att2ID, "3456", ErrConflict, "handover.signed"},
		{"incoming is the same person", SignIncoming, attID, "2345", ErrForbidden, "handover.same_person"},
		{"incoming signs", SignIncoming, att2ID, "3456", nil, ""},
		{"after both", SignIncoming, supID, "1234", ErrConflict, "handover.final"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			_, err := f.svc.SignHandover(h.ID, st.role, st.staff, st.pin)
			if st.sentinel == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantRefusal(t, err, st.sentinel, st.code)
		})
	}
	h, _ = f.svc.Handover(h.ID)
	if !h.Signed() || h.Outgoing.Name != "Wang Fang" || h.Incoming.Name != "Zhang Wei" {
		t.Fatalf("signatures = %+v %+v", h.Outgoing, h.Incoming)
	}
	_, err = f.svc.AddHandoverNote(attID, h.ID, "one more thing")
	wantRefusal(t, err, ErrConflict, "handover.signed")
	_, err = f.svc.DraftHandover(attID, HandoverInput{Shift: "2026-03-03 morning"})
	wantRefusal(t, err, ErrConflict, "handover.signed")
	list, _ := f.svc.Handovers("D1")
	if len(list) != 1 || list[0].ID != h.ID {
		t.Fatalf("handovers = %+v", list)
	}
}

func TestHandoverRefusals(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.DraftHandover(attID, HandoverInput{KeysCounted: -1})
	wantRefusal(t, err, ErrInvalid, "field.bad_number")
	_, err = f.svc.DraftHandover(attID, HandoverInput{KeysPresent: []string{"NO-SUCH-KEY"}})
	wantRefusal(t, err, ErrInvalid, "keys.count_unknown")
	_, err = f.svc.DraftHandover("X999", HandoverInput{})
	wantRefusal(t, err, ErrForbidden, "staff.unknown")
	_, err = f.svc.AddHandoverNote(attID, "D1.nope", "x")
	wantRefusal(t, err, ErrNotFound, "handover.not_found")
	h, _ := f.svc.DraftHandover(attID, HandoverInput{})
	_, err = f.svc.AddHandoverNote(attID, h.ID, "")
	wantRefusal(t, err, ErrInvalid, "field.required")
	_, err = f.svc.SignHandover("D1.nope", SignOutgoing, attID, "2345")
	wantRefusal(t, err, ErrNotFound, "handover.not_found")
}

// rows decodes one register's section of a handover's lists.
func rows[T any](t *testing.T, h Handover, name string) []T {
	t.Helper()
	r, err := HandoverSection[T](h.Lists, name)
	if err != nil {
		t.Fatalf("handover section %s: %v", name, err)
	}
	return r
}

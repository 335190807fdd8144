package storetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"floordesk/server"
)

var t0 = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

func addCode(t *testing.T, s server.Store, hash, property string) {
	t.Helper()
	err := s.AddEnrolment(ctx(t), server.Enrolment{CodeHash: hash, Property: property, Expires: t0.Add(time.Hour)})
	if err != nil {
		t.Fatalf("add enrolment: %v", err)
	}
}

func testEpoch(t *testing.T, s server.Store) {
	e1, err := s.Epoch(ctx(t))
	if err != nil || e1 == "" {
		t.Fatalf("Epoch = %q, %v; want one", e1, err)
	}
	if again, _ := s.Epoch(ctx(t)); again != e1 {
		t.Fatalf("Epoch changed from %q to %q by itself", e1, again)
	}
	e2, err := s.Restored(ctx(t), t0)
	if err != nil || e2 == e1 || e2 == "" {
		t.Fatalf("Restored = %q, %v; want a new epoch", e2, err)
	}
	if now, _ := s.Epoch(ctx(t)); now != e2 {
		t.Fatalf("Epoch after Restored = %q, want %q", now, e2)
	}
}

// A restored store accepts no token and no code the backup remembered:
// not a desk's revoked since the backup, nor a code used since. Every desk
// enrols again with a new code; the events stay.
func testRestoredSignsEveryoneOut(t *testing.T, s server.Store) {
	for _, c := range []string{"code-1", "code-2", "code-3"} {
		addCode(t, s, c, "hotel")
	}
	for i, desk := range []string{"desk-1", "desk-2"} {
		if _, err := s.Enroll(ctx(t), fmt.Sprintf("code-%d", i+1), desk, "tok-"+desk, t0); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DeskByToken(ctx(t), "tok-desk-1"); err != nil { // remembered by a token cache
		t.Fatal(err)
	}
	mustAppend(t, s, "hotel", NewEvents("desk-1", 3, 10))
	restoredAt := t0.Add(10 * time.Minute)
	if _, err := s.Restored(ctx(t), restoredAt); err != nil {
		t.Fatalf("restored: %v", err)
	}
	for _, tok := range []string{"tok-desk-1", "tok-desk-2"} {
		if _, err := s.DeskByToken(ctx(t), tok); !errors.Is(err, server.ErrRevoked) {
			t.Errorf("%s after Restored: err = %v, want ErrRevoked", tok, err)
		}
	}
	if _, err := s.Enroll(ctx(t), "code-3", "desk-3", "tok-desk-3", restoredAt); !errors.Is(err, server.ErrCodeUsed) {
		t.Errorf("an unused code after Restored: err = %v, want ErrCodeUsed", err)
	}
	desks, err := s.Desks(ctx(t))
	if err != nil || len(desks) != 2 {
		t.Fatalf("Desks = %+v, %v", desks, err)
	}
	for _, d := range desks {
		if !d.Revoked.Equal(restoredAt) {
			t.Errorf("desk %s revoked at %v, want the restore time %v", d.ID, d.Revoked, restoredAt)
		}
	}
	if last, _ := s.LastSeq(ctx(t), "hotel"); last != 3 {
		t.Errorf("LastSeq after Restored = %d, want 3", last)
	}
	err = s.AddEnrolment(ctx(t), server.Enrolment{CodeHash: "code-4", Property: "hotel", Expires: restoredAt.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enroll(ctx(t), "code-4", "desk-1", "tok-new", restoredAt.Add(time.Minute)); err != nil {
		t.Fatalf("enrol again with a new code after Restored: %v", err)
	}
	if d, err := s.DeskByToken(ctx(t), "tok-new"); err != nil || d.ID != "desk-1" {
		t.Fatalf("new token after Restored: %+v, %v", d, err)
	}
}

func testEnrolment(t *testing.T, s server.Store) {
	addCode(t, s, "code-1", "hotel")
	d, err := s.Enroll(ctx(t), "code-1", "desk-3f", "token-1", t0)
	if err != nil {
		t.Fatalf("enroll: %v", err)
	}
	if d.ID != "desk-3f" || d.Property != "hotel" || d.TokenHash != "token-1" || !d.Enrolled.Equal(t0) {
		t.Fatalf("enrolled desk = %+v", d)
	}
	got, err := s.DeskByToken(ctx(t), "token-1")
	if err != nil || got.ID != "desk-3f" || got.Property != "hotel" {
		t.Fatalf("DeskByToken = %+v, %v", got, err)
	}
	if _, err := s.DeskByToken(ctx(t), "token-x"); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("unknown token: err = %v, want ErrNotFound", err)
	}
	desks, err := s.Desks(ctx(t))
	if err != nil || len(desks) != 1 || desks[0].ID != "desk-3f" {
		t.Fatalf("Desks = %+v, %v", desks, err)
	}
}

func testEnrolmentRefusals(t *testing.T, s server.Store) {
	addCode(t, s, "code-1", "hotel")
	addCode(t, s, "code-2", "hotel")
	addCode(t, s, "code-3", "hotel")
	if _, err := s.Enroll(ctx(t), "code-1", "desk-1", "tok-1", t0); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, code, desk string
		now              time.Time
		want             error
	}{
		{"unknown code", "nope", "desk-2", t0, server.ErrNotFound},
		{"used code", "code-1", "desk-2", t0, server.ErrCodeUsed},
		{"expired code", "code-2", "desk-2", t0.Add(2 * time.Hour), server.ErrCodeUsed},
		{"desk already enrolled", "code-3", "desk-1", t0, server.ErrDeskExists},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Enroll(ctx(t), tc.code, tc.desk, "tok-x", tc.now)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
	// The refusal for an enrolled desk must not have used up code-3.
	if _, err := s.Enroll(ctx(t), "code-3", "desk-2", "tok-2", t0); err != nil {
		t.Fatalf("code-3 after a refusal: %v", err)
	}
	if _, err := s.DeskByToken(ctx(t), "tok-x"); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("a refused enrolment left a token: %v", err)
	}
}

func testRevoke(t *testing.T, s server.Store) {
	addCode(t, s, "code-1", "hotel")
	addCode(t, s, "code-2", "hotel")
	if _, err := s.Enroll(ctx(t), "code-1", "desk-1", "tok-1", t0); err != nil {
		t.Fatal(err)
	}
	// Looked up once before: a store that remembers valid tokens must
	// forget this one when it is revoked.
	if _, err := s.DeskByToken(ctx(t), "tok-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Revoke(ctx(t), "desk-1", t0.Add(time.Minute)); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	if err := s.Revoke(ctx(t), "desk-1", t0.Add(2*time.Minute)); err != nil {
		t.Fatalf("second revoke: %v", err)
	}
	if _, err := s.DeskByToken(ctx(t), "tok-1"); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("revoked token: err = %v, want ErrRevoked", err)
	}
	if err := s.Revoke(ctx(t), "desk-9", t0); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("revoke unknown desk: err = %v, want ErrNotFound", err)
	}
	// A revoked desk may enrol again; its old token stays refused.
	if _, err := s.Enroll(ctx(t), "code-2", "desk-1", "tok-2", t0.Add(3*time.Minute)); err != nil {
		t.Fatalf("re-enrol after revoke: %v", err)
	}
	if d, err := s.DeskByToken(ctx(t), "tok-2"); err != nil || d.ID != "desk-1" {
		t.Fatalf("new token: %+v, %v", d, err)
	}
	if _, err := s.DeskByToken(ctx(t), "tok-1"); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("old token after re-enrol: err = %v, want ErrRevoked", err)
	}
}

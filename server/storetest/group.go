package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"floordesk/server"
)

// A group grant's code carries its properties to the desk enrolled with
// it, in every place a desk is read; revoking it works as for any desk.
func testGroupGrant(t *testing.T, s server.Store) {
	group := []string{"hotel-a", "hotel-b"}
	err := s.AddEnrolment(ctx(t), server.Enrolment{CodeHash: "group-code", Group: group, Expires: t0.Add(time.Hour)})
	if err != nil {
		t.Fatalf("add group enrolment: %v", err)
	}
	addCode(t, s, "desk-code", "hotel-a")
	d, err := s.Enroll(ctx(t), "group-code", "group-desk", "tok-group", t0)
	if err != nil || !slices.Equal(d.Group, group) || d.Property != "" {
		t.Fatalf("Enroll with a group code = %+v, %v; want the group %v and no property", d, err, group)
	}
	if _, err := s.Enroll(ctx(t), "desk-code", "desk-a", "tok-a", t0); err != nil {
		t.Fatal(err)
	}
	byToken, err := s.DeskByToken(ctx(t), "tok-group")
	if err != nil || !slices.Equal(byToken.Group, group) {
		t.Fatalf("DeskByToken(group) = %+v, %v; want the group %v", byToken, err, group)
	}
	if a, _ := s.DeskByToken(ctx(t), "tok-a"); len(a.Group) != 0 || a.Property != "hotel-a" {
		t.Fatalf("a property's desk = %+v; want hotel-a and no group", a)
	}
	desks, err := s.Desks(ctx(t))
	if err != nil || len(desks) != 2 || !slices.Equal(desks[1].Group, group) {
		t.Fatalf("Desks = %+v, %v; want group-desk with its group", desks, err)
	}
	if err := s.Revoke(ctx(t), "group-desk", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeskByToken(ctx(t), "tok-group"); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("a revoked group desk's token: err = %v, want ErrRevoked", err)
	}
}

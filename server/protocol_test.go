package server_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// events is n new events by desk, as a desk pushes them.
func events(desk string, n int) []server.Pushed {
	evs := make([]server.Pushed, n)
	for i := range evs {
		evs[i] = storetest.NewEvent(desk, "key.signed_out", 10)
	}
	return evs
}

// A desk from before protocol levels sends no header: it is level 1, one
// step behind this server, and pushes, pulls and reads /v1/info as before.
// (Every other test in this package talks to the server that way too.)
func TestAnOlderDeskStillSyncs(t *testing.T) {
	e := newEnv(t, nil)
	token := e.enroll("hotel", "desk-old")
	for _, hdr := range []map[string]string{nil, {wire.ProtocolHeader: strconv.Itoa(wire.Protocol - 1)}} {
		before := e.lastSeq("hotel")
		resp := e.do("POST", "/v1/events", token, pushBody(events("desk-old", 2)), hdr)
		if got := resp.Header.Get(wire.ProtocolHeader); got != strconv.Itoa(wire.Protocol) {
			t.Errorf("push answer %s = %q, want %d", wire.ProtocolHeader, got, wire.Protocol)
		}
		if got := resp.Header.Get(wire.MinProtocolHeader); got != strconv.Itoa(wire.Protocol-1) {
			t.Errorf("push answer %s = %q, want %d", wire.MinProtocolHeader, got, wire.Protocol-1)
		}
		var pushed wire.PushResponse
		e.decode(resp, http.StatusOK, &pushed)
		if pushed.Stored != 2 || e.lastSeq("hotel") != before+2 {
			t.Fatalf("an older desk's push (headers %v) stored %d", hdr, pushed.Stored)
		}
		var pulled wire.PullResponse
		e.decode(e.do("GET", "/v1/events?after=0", token, nil, hdr), http.StatusOK, &pulled)
		if uint64(len(pulled.Events)) != before+2 {
			t.Fatalf("an older desk pulled %d events, want %d", len(pulled.Events), before+2)
		}
	}
	var info wire.InfoResponse
	e.decode(e.do("GET", "/v1/info", token, nil, nil), http.StatusOK, &info)
	if info.Version != "test" || info.Protocol != wire.Protocol || info.MinDeskProtocol != wire.Protocol-1 || info.LastSeq != 4 {
		t.Fatalf("/v1/info = %+v", info)
	}
}

// A server that needs a newer desk (here: one whose oldest served level is
// above this build's) refuses the desk's push, pull and enrolment with
// 426 desk_too_old, stores nothing and leaves the code unused.
func TestADeskTooOldIsToldToUpdate(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.MinDeskProtocol = wire.Protocol + 1 })
	ours := map[string]string{wire.ProtocolHeader: strconv.Itoa(wire.Protocol)}
	newer := map[string]string{wire.ProtocolHeader: strconv.Itoa(wire.Protocol + 1)}
	code, err := server.CreateEnrolment(t.Context(), e.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	var refusal wire.ErrorBody
	e.decode(e.do("POST", "/v1/enroll", "", jsonBody(wire.EnrollRequest{Code: code, Desk: "desk-a"}), ours), http.StatusUpgradeRequired, &refusal)
	if refusal.Code != wire.ErrCodeDeskTooOld || refusal.Field != wire.ProtocolHeader {
		t.Fatalf("enrolment refusal %+v", refusal)
	}
	var enrolled wire.EnrollResponse
	e.decode(e.do("POST", "/v1/enroll", "", jsonBody(wire.EnrollRequest{Code: code, Desk: "desk-a"}), newer), http.StatusOK, &enrolled)

	e.decode(e.do("POST", "/v1/events", enrolled.Token, pushBody(events("desk-a", 1)), ours), http.StatusUpgradeRequired, &refusal)
	if refusal.Code != wire.ErrCodeDeskTooOld || e.lastSeq("hotel") != 0 {
		t.Fatalf("push from an old desk: %+v, %d stored", refusal, e.lastSeq("hotel"))
	}
	e.decode(e.do("GET", "/v1/events?after=0", enrolled.Token, nil, ours), http.StatusUpgradeRequired, nil)
	e.decode(e.do("GET", "/v1/info", enrolled.Token, nil, nil), http.StatusUpgradeRequired, nil)
	e.decode(e.do("POST", "/v1/events", enrolled.Token, pushBody(events("desk-a", 1)), newer), http.StatusOK, nil)
	e.decode(e.do("GET", "/healthz", "", nil, ours), http.StatusOK, nil) // monitoring is not a desk
}

// The protocol header holds a level from 1 to wire.MaxProtocol.
func TestProtocolHeaderLimits(t *testing.T) {
	e := newEnv(t, nil)
	token := e.enroll("hotel", "desk-a")
	for _, ok := range []string{"1", strconv.Itoa(wire.MaxProtocol)} {
		e.decode(e.do("GET", "/v1/info", token, nil, map[string]string{wire.ProtocolHeader: ok}), http.StatusOK, nil)
	}
	for _, bad := range []string{"0", "-1", strconv.Itoa(wire.MaxProtocol + 1), "0002", "two", "2.0"} {
		var refusal wire.ErrorBody
		e.decode(e.do("GET", "/v1/info", token, nil, map[string]string{wire.ProtocolHeader: bad}), http.StatusBadRequest, &refusal)
		if refusal.Field != wire.ProtocolHeader {
			t.Errorf("header %q: refusal %+v, want field %s", bad, refusal, wire.ProtocolHeader)
		}
	}
}

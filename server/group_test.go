package server_test

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// groupEnroll asks the admin API for a group code over group and enrols
// desk with it, returning the enrolment's answer.
func (e *env) groupEnroll(desk string, group ...string) wire.EnrollResponse {
	e.t.Helper()
	var code server.AdminEnrollResponse
	e.decode(e.do("POST", "/v1/admin/enroll", testAdminToken, jsonBody(server.AdminEnrollRequest{Group: group}), nil), http.StatusOK, &code)
	var out wire.EnrollResponse
	e.decode(e.do("POST", "/v1/enroll", "", jsonBody(wire.EnrollRequest{Code: code.Code, Desk: desk}), nil), http.StatusOK, &out)
	return out
}

// ids are the IDs of a pull's events.
func ids(t *testing.T, p wire.PullResponse) []string {
	t.Helper()
	var out []string
	for _, r := range p.Events {
		ev, err := wire.DecodeEvent(r.Event)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ev.ID)
	}
	return out
}

func pushedIDs(evs []server.Pushed) []string {
	var out []string
	for _, p := range evs {
		out = append(out, p.Event.ID)
	}
	return out
}

// TestGroupGrantReadsItsProperties: a group desk pulls, and takes the
// snapshot of, each property it is given and nothing else; its pushes are
// refused and store nothing; a property's desk still reaches only its own
// property, while the group desk pulls both; revoking the group desk works
// as for any desk. On Badger and PostgreSQL.
func TestGroupGrantReadsItsProperties(t *testing.T) {
	onEachStore(t, nil, groupGrantReadsItsProperties)
}

func groupGrantReadsItsProperties(t *testing.T, e *env) {
	a, b, c := e.enroll("hotel-a", "desk-a"), e.enroll("hotel-b", "desk-b"), e.enroll("hotel-c", "desk-c")
	evA, evB := storetest.NewEvents("desk-a", 3, 10), storetest.NewEvents("desk-b", 2, 10)
	e.push(a, evA)
	e.push(b, evB)
	e.push(c, storetest.NewEvents("desk-c", 1, 10))

	g := e.groupEnroll("group-desk", "hotel-a", "hotel-b")
	if !slices.Equal(g.Group, []string{"hotel-a", "hotel-b"}) || g.Property != "" || g.Token == "" {
		t.Fatalf("group enrolment answered %+v; want the group and a token", g)
	}
	if got := ids(t, e.pull(g.Token, "property=hotel-a&after=0&wait=0")); !slices.Equal(got, pushedIDs(evA)) {
		t.Errorf("group pull of hotel-a = %v, want %v", got, pushedIDs(evA))
	}
	if got := ids(t, e.pull(g.Token, "property=hotel-b&after=0&wait=0")); !slices.Equal(got, pushedIDs(evB)) {
		t.Errorf("group pull of hotel-b = %v, want %v", got, pushedIDs(evB))
	}
	if got := snapshotIDs(t, e, g.Token, "hotel-b"); !slices.Equal(got, pushedIDs(evB)) {
		t.Errorf("group snapshot of hotel-b = %v, want %v", got, pushedIDs(evB))
	}
	var info wire.InfoResponse
	e.decode(e.do("GET", "/v1/info?property=hotel-a", g.Token, nil, nil), http.StatusOK, &info)
	if info.Property != "hotel-a" || info.LastSeq != 3 {
		t.Errorf("group info of hotel-a = %+v", info)
	}

	refusals := []struct {
		name, method, path, token string
		body                      io.Reader
		want                      int
	}{
		{"group pulls a property not given", "GET", "/v1/events?property=hotel-c&wait=0", g.Token, nil, http.StatusForbidden},
		{"group pulls naming no property", "GET", "/v1/events?wait=0", g.Token, nil, http.StatusBadRequest},
		{"group snapshot of a property not given", "GET", wire.SnapshotPath + "?property=hotel-c", g.Token, nil, http.StatusForbidden},
		{"group pushes", "POST", "/v1/events", g.Token, pushBody(storetest.NewEvents("group-desk", 1, 10)), http.StatusForbidden},
		{"group registers a key", "POST", "/v1/key", g.Token, strings.NewReader(`{"public_key":"x"}`), http.StatusForbidden},
		{"desk of hotel-a pulls hotel-b", "GET", "/v1/events?property=hotel-b&wait=0", a, nil, http.StatusForbidden},
		{"desk of hotel-a takes hotel-b's snapshot", "GET", wire.SnapshotPath + "?property=hotel-b", a, nil, http.StatusForbidden},
	}
	for _, r := range refusals {
		resp := e.do(r.method, r.path, r.token, r.body, nil)
		resp.Body.Close()
		if resp.StatusCode != r.want {
			t.Errorf("%s: status %d, want %d", r.name, resp.StatusCode, r.want)
		}
	}
	for p, want := range map[string]uint64{"hotel-a": 3, "hotel-b": 2, "hotel-c": 1} {
		if got := e.lastSeq(p); got != want {
			t.Errorf("%s holds %d events after the refusals, want %d", p, got, want)
		}
	}
	if got := ids(t, e.pull(a, "after=0&wait=0")); !slices.Equal(got, pushedIDs(evA)) {
		t.Errorf("desk of hotel-a pulled %v, want only its own %v", got, pushedIDs(evA))
	}
	if got := ids(t, e.pull(a, "property=hotel-a&after=0&wait=0")); !slices.Equal(got, pushedIDs(evA)) {
		t.Errorf("desk of hotel-a naming its own property pulled %v", got)
	}

	e.decode(e.do("POST", "/v1/admin/revoke", testAdminToken, jsonBody(server.AdminRevokeRequest{Desk: "group-desk"}), nil), http.StatusOK, nil)
	resp := e.do("GET", "/v1/events?property=hotel-a&wait=0", g.Token, nil, nil)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("revoked group desk pulls: status %d, want 401", resp.StatusCode)
	}
}

func snapshotIDs(t *testing.T, e *env, token, property string) []string {
	t.Helper()
	_, entries := readSnapshot(t, e.do("GET", wire.SnapshotPath+"?property="+property, token, nil, nil))
	var out []string
	for _, en := range entries {
		ev, err := wire.DecodeEvent(en.Raw)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ev.ID)
	}
	return out
}

// TestGroupGrantLimits: a group code lists 1 to 50 properties, each known
// to the server and listed once; anything else is refused with words
// naming what is wrong, and no code is made. On Badger and PostgreSQL.
func TestGroupGrantLimits(t *testing.T) {
	onEachStore(t, nil, groupGrantLimits)
}

func groupGrantLimits(t *testing.T, e *env) {
	var fifty []string
	for i := range server.MaxGroupProperties + 1 {
		p := fmt.Sprintf("hotel-%02d", i)
		fifty = append(fifty, p)
		if _, err := e.store.Append(t.Context(), p, storetest.NewEvents("desk-x", 1, 10)); err != nil {
			t.Fatal(err)
		}
	}
	e.enroll("new-hotel", "desk-new") // a desk enrolled, no events yet: known
	tests := []struct {
		name  string
		group []string
		want  int
		says  string
	}{
		{"none", []string{}, http.StatusBadRequest, "1 to 50"},
		{"fifty", fifty[:50], http.StatusOK, ""},
		{"fifty-one", fifty, http.StatusBadRequest, "51 were given"},
		{"unknown", []string{"hotel-00", "no-such-hotel"}, http.StatusBadRequest, `no property "no-such-hotel"`},
		{"twice", []string{"hotel-00", "hotel-00"}, http.StatusBadRequest, "listed twice"},
		{"bad name", []string{"a/b"}, http.StatusBadRequest, "letters, digits"},
		{"a desk but no events", []string{"new-hotel"}, http.StatusOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := e.do("POST", "/v1/admin/enroll", testAdminToken, jsonBody(map[string]any{"group": tc.group}), nil)
			var body wire.ErrorBody
			if tc.want == http.StatusOK {
				e.decode(resp, tc.want, nil)
				return
			}
			e.decode(resp, tc.want, &body)
			if body.Field != "group" || !strings.Contains(body.Message, tc.says) {
				t.Errorf("refusal %+v; want field group saying %q", body, tc.says)
			}
		})
	}
}

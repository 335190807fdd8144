package server_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// An endpoint taking JSON refuses another Content-Type with 415 before
// reading the body; a request without a valid token still gets 401 first.
func TestJSONBodiesNeedJSONContentType(t *testing.T) {
	e := newEnv(t, nil)
	tok := e.enroll("hotel", "desk-a")
	code, err := server.CreateEnrolment(t.Context(), e.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	endpoints := []struct {
		path, token string
		body        func() string
	}{
		{"/v1/events", tok, func() string { b, _ := readAll(pushBody(storetest.NewEvents("desk-a", 1, 10))); return b }},
		{"/v1/enroll", "", func() string { return `{"code":"` + code + `","desk":"desk-b"}` }},
		{"/v1/admin/enroll", testAdminToken, func() string { return `{"property":"hotel"}` }},
		{"/v1/admin/revoke", testAdminToken, func() string { return `{"desk":"desk-a"}` }},
	}
	for _, ep := range endpoints {
		for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "application/jsonp"} {
			t.Run(ep.path+" "+ct, func(t *testing.T) {
				resp := e.do("POST", ep.path, ep.token, strings.NewReader(ep.body()), map[string]string{"Content-Type": ct})
				var body wire.ErrorBody
				e.decode(resp, http.StatusUnsupportedMediaType, &body)
				if body.Field != "Content-Type" {
					t.Fatalf("415 answer %+v, want the field named", body)
				}
			})
		}
	}
	// Parameters are fine.
	resp := e.do("POST", "/v1/events", tok, pushBody(storetest.NewEvents("desk-a", 1, 10)), map[string]string{"Content-Type": "application/json; charset=utf-8"})
	e.decode(resp, http.StatusOK, nil)
	// No token: 401 before anything is looked at.
	resp = e.do("POST", "/v1/events", "", strings.NewReader("x"), map[string]string{"Content-Type": "text/plain"})
	e.decode(resp, http.StatusUnauthorized, nil)
}

// Every answer tells browsers not to guess its type; answers carrying a
// token or a code tell caches not to keep them.
func TestAnswerHeaders(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 50 * time.Millisecond })
	tok := e.enroll("hotel", "desk-a")
	code, err := server.CreateEnrolment(t.Context(), e.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, path, token, body string
		noStore                         bool
	}{
		{"health", "GET", "/healthz", "", "", false},
		{"unknown endpoint", "GET", "/nope", "", "", false},
		{"no token", "GET", "/v1/info", "", "", false},
		{"info", "GET", "/v1/info", tok, "", false},
		{"pull", "GET", "/v1/events?after=0", tok, "", false},
		{"push refused", "POST", "/v1/events", tok, `{`, false},
		{"metrics", "GET", "/metrics", testAdminToken, "", false},
		{"enrolment", "POST", "/v1/enroll", "", `{"code":"` + code + `","desk":"desk-b"}`, true},
		{"enrolment refused", "POST", "/v1/enroll", "", `{"code":"` + code + `","desk":"desk-c"}`, true},
		{"admin enrol", "POST", "/v1/admin/enroll", testAdminToken, `{"property":"hotel"}`, true},
		{"admin desks", "GET", "/v1/admin/desks", testAdminToken, "", true},
		{"admin backup", "POST", "/v1/admin/backup", testAdminToken, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var body *strings.Reader
			if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			resp := e.do(tc.method, tc.path, tc.token, readerOrNil(body), nil)
			resp.Body.Close()
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("%s %s (%d): X-Content-Type-Options %q, want nosniff", tc.method, tc.path, resp.StatusCode, got)
			}
			if got := resp.Header.Get("Cache-Control"); tc.noStore && got != "no-store" {
				t.Errorf("%s %s (%d): Cache-Control %q, want no-store", tc.method, tc.path, resp.StatusCode, got)
			}
		})
	}
}

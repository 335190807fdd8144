package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/server"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
)

// heldPull starts a pull with token that the server will hold, and returns
// a channel for its status.
func heldPull(t *testing.T, url, token string) <-chan int {
	t.Helper()
	status := make(chan int, 1)
	req, err := http.NewRequestWithContext(t.Context(), "GET", url+"/v1/events?after=0", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			status <- 0
			return
		}
		resp.Body.Close()
		status <- resp.StatusCode
	}()
	return status
}

// ended waits for a held pull to end promptly and returns its status.
func ended(t *testing.T, pull <-chan int, within time.Duration) int {
	t.Helper()
	select {
	case s := <-pull:
		return s
	case <-time.After(within):
		t.Fatalf("the held pull did not end within %v", within)
		return 0
	}
}

// Revoking a desk ends its pull held open at once with 401; another desk's
// pull stays held.
func TestRevokeEndsHeldPull(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.LongPoll = 20 * time.Second })
	a := e.enroll("hotel", "desk-a")
	b := e.enroll("hotel", "desk-b")
	pullA := heldPull(t, e.http.URL, a)
	pullB := heldPull(t, e.http.URL, b)
	waitFor(t, "both pulls to be held", 5*time.Second, func() bool { return e.metric("floordesk_longpolls_connected") == "2" })
	e.decode(e.do("POST", "/v1/admin/revoke", testAdminToken, jsonBody(server.AdminRevokeRequest{Desk: "desk-a"}), nil), http.StatusOK, nil)
	if s := ended(t, pullA, 2*time.Second); s != http.StatusUnauthorized {
		t.Fatalf("the revoked desk's held pull ended with %d, want 401", s)
	}
	select {
	case s := <-pullB:
		t.Fatalf("the other desk's pull ended with %d", s)
	case <-time.After(100 * time.Millisecond):
	}
	if v := e.metric("floordesk_longpolls_connected"); v != "1" {
		t.Fatalf("pulls held after the revoke: %s, want 1", v)
	}
}

// With PostgreSQL, a desk revoked through another server (or a command on
// the database) loses its pull held on this one at once too.
func TestRevokeOnAnotherServerEndsHeldPull(t *testing.T) {
	url := pgtest.NewDB(t)
	here, err := pgstore.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer here.Close()
	there, err := pgstore.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer there.Close()
	srv, err := server.New(server.Config{Store: here, Logger: quiet, LongPoll: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	defer srv.Close()
	code, err := server.CreateEnrolment(t.Context(), here, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	token, err := data.Enroll(t.Context(), hs.URL, code, "desk-a")
	if err != nil {
		t.Fatal(err)
	}
	pull := heldPull(t, hs.URL, token)
	time.Sleep(200 * time.Millisecond) // let the pull be held: no gauge without an admin token here
	select {
	case s := <-pull:
		t.Fatalf("the pull ended with %d before the revoke", s)
	default:
	}
	if err := there.Revoke(context.Background(), "desk-a", time.Now()); err != nil {
		t.Fatal(err)
	}
	if s := ended(t, pull, 3*time.Second); s != http.StatusUnauthorized {
		t.Fatalf("the held pull ended with %d, want 401", s)
	}
}

package server_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

func TestMetricsNeedAdminToken(t *testing.T) {
	e := newEnv(t, nil)
	desk := e.enroll("hotel", "desk-a")
	tests := []struct {
		name, token string
		want        int
	}{
		{"no token", "", http.StatusUnauthorized},
		{"desk token", desk, http.StatusUnauthorized},
		{"admin token", testAdminToken, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := e.do("GET", "/metrics", tt.token, nil, nil)
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Fatalf("GET /metrics: %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}

func TestAdminWithoutTokenConfiguredRefusesAll(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.AdminToken = "" })
	for _, path := range []string{"/metrics", "/v1/admin/desks"} {
		resp := e.do("GET", path, "", nil, nil)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("GET %s with no admin token configured: %d, want 401", path, resp.StatusCode)
		}
	}
}

func TestAdminEnrollRevokeDesks(t *testing.T) {
	e := newEnv(t, nil)
	var code server.AdminEnrollResponse
	e.decode(e.do("POST", "/v1/admin/enroll", testAdminToken, jsonBody(server.AdminEnrollRequest{Property: "grand", Valid: "1h"}), nil), http.StatusOK, &code)
	var enr wire.EnrollResponse
	e.decode(e.do("POST", "/v1/enroll", "", jsonBody(wire.EnrollRequest{Code: code.Code, Desk: "desk-a"}), nil), http.StatusOK, &enr)
	if enr.Property != "grand" {
		t.Fatalf("desk enrolled in %q, want grand", enr.Property)
	}
	e.decode(e.do("POST", "/v1/admin/revoke", testAdminToken, jsonBody(server.AdminRevokeRequest{Desk: "desk-a"}), nil), http.StatusOK, nil)
	e.decode(e.do("GET", "/v1/info", enr.Token, nil, nil), http.StatusUnauthorized, nil)
	var list server.AdminDesksResponse
	e.decode(e.do("GET", "/v1/admin/desks", testAdminToken, nil, nil), http.StatusOK, &list)
	if len(list.Desks) != 1 || list.Desks[0].ID != "desk-a" || list.Desks[0].Revoked == nil {
		t.Fatalf("desks = %+v, want desk-a revoked", list.Desks)
	}
}

func TestAdminRefusals(t *testing.T) {
	e := newEnv(t, nil)
	desk := e.enroll("hotel", "desk-a")
	tests := []struct {
		name, path, token string
		body              any
		want              int
	}{
		{"desk token", "/v1/admin/enroll", desk, server.AdminEnrollRequest{Property: "hotel"}, http.StatusUnauthorized},
		{"bad property", "/v1/admin/enroll", testAdminToken, server.AdminEnrollRequest{Property: "a/b"}, http.StatusBadRequest},
		{"bad validity", "/v1/admin/enroll", testAdminToken, server.AdminEnrollRequest{Property: "hotel", Valid: "soon"}, http.StatusBadRequest},
		{"unknown desk", "/v1/admin/revoke", testAdminToken, server.AdminRevokeRequest{Desk: "desk-9"}, http.StatusNotFound},
		{"backup with desk token", "/v1/admin/backup", desk, nil, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := e.do("POST", tt.path, tt.token, jsonBody(tt.body), nil)
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Fatalf("POST %s: %d, want %d", tt.path, resp.StatusCode, tt.want)
			}
		})
	}
}

// The admin API answers only on the server's own machine, even with the
// token: a request from another address is refused.
func TestAdminOnlyFromThisHost(t *testing.T) {
	st, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, _ := server.New(server.Config{Store: st, Logger: quiet, AdminToken: testAdminToken})
	req := httptest.NewRequest("GET", "/v1/admin/desks", nil)
	req.RemoteAddr = "192.0.2.7:40000"
	req.Header.Set("Authorization", "Bearer "+testAdminToken)
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("admin request from 192.0.2.7: %d, want 403", rec.Code)
	}
}

// A backup taken from the running server restores into a store with every
// event, a new epoch, and the desks it remembers revoked.
func TestAdminBackupRestores(t *testing.T) {
	e := newEnv(t, nil)
	desk := e.enroll("hotel", "desk-a")
	e.push(desk, storetest.NewEvents("desk-a", 20, 50))
	resp := e.do("POST", "/v1/admin/backup", testAdminToken, nil, nil)
	defer resp.Body.Close()
	backup, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK || resp.Trailer.Get(server.BackupTrailer) != "complete" {
		t.Fatalf("backup: %d, trailer %q, %v", resp.StatusCode, resp.Trailer.Get(server.BackupTrailer), err)
	}
	dir := filepath.Join(t.TempDir(), "restored")
	if err := badgerstore.Restore(dir, bytes.NewReader(backup), quiet); err != nil {
		t.Fatal(err)
	}
	st, err := badgerstore.Open(dir, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	recs, _ := st.Since(t.Context(), "hotel", 0, 100, 1<<30)
	oldEpoch, _ := e.store.Epoch(t.Context())
	newEpoch, _ := st.Epoch(t.Context())
	if len(recs) != 20 || newEpoch == oldEpoch {
		t.Fatalf("restored %d events, epoch %q (was %q); want 20 and a new epoch", len(recs), newEpoch, oldEpoch)
	}
	if _, err := st.DeskByToken(t.Context(), server.HashSecret(desk)); !errors.Is(err, server.ErrRevoked) {
		t.Fatalf("the desk's token in the restored store: %v, want ErrRevoked (every desk enrols again)", err)
	}
}

// An enrolment code lasts at most MaxEnrolmentValidity: a longer one is
// refused, saying why.
func TestEnrolmentValidityBounded(t *testing.T) {
	e := newEnv(t, nil)
	for _, tc := range []struct {
		valid  string
		status int
	}{
		{"168h", http.StatusOK},
		{"168h1s", http.StatusBadRequest},
		{"8760h", http.StatusBadRequest},
		{"0s", http.StatusBadRequest},
		{"-1h", http.StatusBadRequest},
		{"soon", http.StatusBadRequest},
	} {
		var body wire.ErrorBody
		e.decode(e.do("POST", "/v1/admin/enroll", testAdminToken, jsonBody(server.AdminEnrollRequest{Property: "hotel", Valid: tc.valid}), nil), tc.status, &body)
		if tc.status != http.StatusOK && body.Field != "valid" {
			t.Errorf("valid %s: error %+v, want the field valid named", tc.valid, body)
		}
	}
	_, err := server.CreateEnrolment(t.Context(), e.store, "hotel", time.Now(), server.MaxEnrolmentValidity+time.Hour)
	if err == nil || !strings.Contains(err.Error(), "at most") {
		t.Fatalf("CreateEnrolment for 7 days and an hour: %v, want a refusal", err)
	}
}

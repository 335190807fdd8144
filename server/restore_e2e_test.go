package server_test

import (
	"bytes"
	"errors"
	"net/http"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/server"
	"floordesk/server/badgerstore"
)

// TestEndToEndRestoreSignsOutThenHeals restores the server from a backup
// older than some of the desks' work, a desk's enrolment, a revocation and
// a code's use. After the restore no token and no code works, not even
// the revoked desk's or the used code's that the backup remembers as
// valid; each desk keeps working, is enrolled again with a new code, and
// then everything converges: every desk and the server hold every event
// once.
func TestEndToEndRestoreSignsOutThenHeals(t *testing.T) {
	live := startLive(t, t.TempDir(), "127.0.0.1:0")
	addr := live.addr
	a := newDeskUnderTest(t, live, "desk-a", 1)
	b := newDeskUnderTest(t, live, "desk-b", 2)
	lost := enrolRaw(t, live, "desk-lost") // a PC that will be stolen
	laterCode := newCode(t, live)          // made before the backup, used after it

	a.work(t, 12, "before")
	b.work(t, 4, "before")
	waitSent(t, live, []*deskUnderTest{a, b}, 16)
	var backup bytes.Buffer
	if err := live.store.Backup(&backup); err != nil {
		t.Fatal(err)
	}

	// After the backup: more work, a new desk, a revocation, a code used.
	a.work(t, 5, "after")
	b.work(t, 3, "after")
	c := newDeskUnderTest(t, live, "desk-c", 3)
	c.work(t, 4, "after")
	if err := live.store.Revoke(t.Context(), "desk-lost", time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Enroll(t.Context(), live.url(), laterCode, "desk-d"); err != nil {
		t.Fatal(err)
	}
	desks := []*deskUnderTest{a, b, c}
	waitSent(t, live, desks, 28)

	// The server is restored from the older backup; the desks work on.
	live.kill()
	restored := filepath.Join(t.TempDir(), "restored")
	if err := badgerstore.Restore(restored, &backup, quiet); err != nil {
		t.Fatal(err)
	}
	live = startLive(t, restored, addr)
	defer live.kill()
	a.work(t, 2, "restored")
	c.work(t, 1, "restored")
	for _, d := range desks {
		d.client.SyncNow()
	}
	waitFor(t, "every desk to be refused", 20*time.Second, func() bool {
		for _, d := range desks {
			if d.client.Status().Problem != data.ProblemRefused {
				return false
			}
		}
		return true
	})
	if status := infoStatus(t, live, lost); status != http.StatusUnauthorized {
		t.Fatalf("the desk revoked after the backup: /v1/info answered %d, want 401", status)
	}
	if _, err := data.Enroll(t.Context(), live.url(), laterCode, "desk-e"); !errors.Is(err, data.ErrEnrolmentRefused) {
		t.Fatalf("the code used after the backup: %v, want ErrEnrolmentRefused", err)
	}

	// IT enrols each desk again; a supervisor types the code at the desk.
	for _, d := range desks {
		if err := data.EnrollStore(t.Context(), d.store, d.proxy.http.URL, newCode(t, live)); err != nil {
			t.Fatal(err)
		}
	}
	waitHealed(t, live, desks, 31)
	want := views(t, a.store)
	for i, d := range desks {
		st, err := d.store.Stats()
		if err != nil || st.Events != 31 {
			t.Fatalf("desk %d holds %d events (%v), want 31", i, st.Events, err)
		}
		if got := views(t, d.store); !reflect.DeepEqual(got, want) {
			t.Fatalf("desk %d views differ from desk a's", i)
		}
		if aside := d.client.Status().SetAside; aside != 0 {
			t.Fatalf("desk %d set %d events aside: the server refused forwarded events", i, aside)
		}
	}
	// Every desk's chain is whole on the server, each event signed by its
	// own desk, whoever forwarded it.
	rep, err := server.Verify(t.Context(), live.store)
	if err != nil || !rep.OK() || len(rep.Chains) != 3 {
		t.Fatalf("verify the healed server: %v\n%s", err, rep)
	}
	for _, c := range rep.Chains {
		if c.Unsigned != 0 {
			t.Fatalf("desk %s: %d signatures not checked", c.Desk, c.Unsigned)
		}
	}
}

// waitSent waits until the desks have sent everything and the server holds
// n events.
func waitSent(t *testing.T, live *liveServer, desks []*deskUnderTest, n uint64) {
	t.Helper()
	waitFor(t, "the desks' events to reach the server", 20*time.Second, func() bool {
		last, err := live.store.LastSeq(t.Context(), "hotel")
		return err == nil && last == n && pendingAll(desks) == 0
	})
}

func newCode(t *testing.T, live *liveServer) string {
	t.Helper()
	code, err := server.CreateEnrolment(t.Context(), live.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// enrolRaw enrols desk with a new code and returns its token.
func enrolRaw(t *testing.T, live *liveServer, desk string) string {
	t.Helper()
	token, err := data.Enroll(t.Context(), live.url(), newCode(t, live), desk)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// infoStatus is the status GET /v1/info answers with token.
func infoStatus(t *testing.T, live *liveServer, token string) int {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), "GET", live.url()+"/v1/info", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

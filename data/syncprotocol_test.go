package data_test

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
)

// A desk syncing with a server that is updated under it: a server one
// protocol step ahead still serves it and the desk is told to update soon;
// a server that needs a newer desk refuses it, the desk says "please
// update" and keeps its records until then; a new enrolment is refused
// the same way.
func TestSyncWithANewerServer(t *testing.T) {
	srv := newSyncServer(t)
	st := openDesk(t, "desk-a")
	if err := data.EnrollStore(t.Context(), st, srv.http.URL, srv.code("grand")); err != nil {
		t.Fatal(err)
	}
	appendKey(t, st, "K1", "key.registered")
	c := startSync(t, st, data.SyncConfig{})
	waitFor(t, "the first event to reach the server", 10*time.Second, func() bool {
		n, _ := srv.store.LastSeq(t.Context(), "grand")
		s := c.Status()
		return n == 1 && s.Online && s.ServerProtocol == wire.Protocol
	})
	if c.Status().UpdateAdvised() {
		t.Fatal("a server of the desk's own protocol advises an update")
	}

	// The server is updated one step: it serves this desk, and says so.
	srv.sw.set(claimingProtocol(srv.srv.Handler(), wire.Protocol+1))
	appendKey(t, st, "K2", "key.registered")
	waitFor(t, "the desk to hear of the newer server", 10*time.Second, func() bool {
		n, _ := srv.store.LastSeq(t.Context(), "grand")
		s := c.Status()
		return n == 2 && s.Online && s.UpdateAdvised()
	})

	// The server is updated again and needs a newer desk.
	needsNewer, err := server.New(server.Config{Store: srv.store, Logger: quiet, LongPoll: time.Second, MinDeskProtocol: wire.Protocol + 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(needsNewer.Close)
	srv.sw.set(needsNewer.Handler())
	appendKey(t, st, "K3", "key.registered")
	var last data.SyncStatus
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last status: %+v", last)
		}
	})
	waitFor(t, "the desk to say it must be updated, its record kept", 10*time.Second, func() bool {
		last = c.Status()
		return last.Problem == data.ProblemUpdateNeeded && last.Pending == 1
	})
	s := c.Status()
	if s.Online || !strings.Contains(s.LastError, "install the new version") {
		t.Fatalf("status %+v: want offline, the record kept and why", s)
	}
	if n, _ := srv.store.LastSeq(t.Context(), "grand"); n != 2 {
		t.Fatalf("the server stored %d events, want the 2 sent before", n)
	}

	fresh := openDesk(t, "desk-b")
	err = data.EnrollStore(t.Context(), fresh, srv.http.URL, srv.code("grand"))
	var se *data.ServerError
	if !errors.As(err, &se) || se.Status != http.StatusUpgradeRequired || se.Body.Code != wire.ErrCodeDeskTooOld {
		t.Fatalf("enrolment with a server that needs a newer desk: %v", err)
	}
}

// claimingProtocol serves with h but answers as a server of level p.
func claimingProtocol(h http.Handler, p int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&protocolClaim{ResponseWriter: w, level: strconv.Itoa(p)}, r)
	})
}

// protocolClaim sets the protocol header last, over the handler's.
type protocolClaim struct {
	http.ResponseWriter
	level   string
	written bool
}

func (w *protocolClaim) WriteHeader(status int) {
	if !w.written {
		w.written = true
		w.Header().Set(wire.ProtocolHeader, w.level)
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *protocolClaim) Write(b []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *protocolClaim) Unwrap() http.ResponseWriter { return w.ResponseWriter }

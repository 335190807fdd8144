package server_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/storetest"
)

// enrollWithKey enrols desk in property with priv's public key, as a
// desk of this build does, and returns its token.
func (e *env) enrollWithKey(property, desk string, priv ed25519.PrivateKey) string {
	e.t.Helper()
	code, err := server.CreateEnrolment(e.t.Context(), e.store, property, time.Now(), time.Hour)
	if err != nil {
		e.t.Fatal(err)
	}
	key := wire.KeyRequest{PublicKey: wire.EncodeKey(priv.Public().(ed25519.PublicKey)), Since: wire.MakeTimestamp(time.Now().Add(-time.Hour).UnixMilli(), 0)}
	var out wire.EnrollResponse
	resp := e.do("POST", "/v1/enroll", "", jsonBody(wire.EnrollRequest{Code: code, Desk: desk, Key: &key}), nil)
	e.decode(resp, http.StatusOK, &out)
	return out.Token
}

// refused pushes evs and wants them refused with status and code, naming
// event id, and nothing of them stored.
func (e *env) refused(token string, evs []server.Pushed, status int, code, id string) wire.ErrorBody {
	e.t.Helper()
	before := e.lastSeq("hotel")
	var body wire.ErrorBody
	e.decode(e.do("POST", "/v1/events", token, pushBody(evs), nil), status, &body)
	if body.Code != code || body.Event != id || !strings.Contains(body.Message, "nothing was stored") {
		e.t.Fatalf("refusal %+v, want code %s naming event %s", body, code, id)
	}
	if after := e.lastSeq("hotel"); after != before {
		e.t.Fatalf("a refused push stored %d events", after-before)
	}
	return body
}

// reseal seals p again after link with priv, keeping its content.
func reseal(t *testing.T, p *server.Pushed, priv ed25519.PrivateKey, link wire.ChainLink) {
	t.Helper()
	if _, err := wire.SealEvent(&p.Event, priv, link); err != nil {
		t.Fatal(err)
	}
	var err error
	if p.Raw, err = p.Event.Encode(); err != nil {
		t.Fatal(err)
	}
}

// TestPushRefusesABrokenChain: a push whose events were changed after
// they were sealed, or that do not follow their desk's chain as the server
// holds it, is refused whole with 409 chain_broken; nothing is stored, and
// the desk's next genuine events still go.
func TestPushRefusesABrokenChain(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		key := storetest.NewKey(1)
		token := e.enrollWithKey("hotel", "desk-a", key)
		var link wire.ChainLink
		e.push(token, storetest.SealEvents("desk-a", key, &link, 3, 50))
		third := link

		changed := storetest.SealEvents("desk-a", key, &link, 2, 50)
		changed[0].Event.Body = json.RawMessage(`{"note":"changed"}`)
		changed[0].Raw, _ = changed[0].Event.Encode()
		e.refused(token, changed, http.StatusConflict, wire.ErrCodeChainBroken, changed[0].Event.ID)

		link = third
		skipped := storetest.SealEvents("desk-a", key, &link, 2, 50)
		reseal(t, &skipped[1], key, wire.ChainLink{N: 4, ID: skipped[0].Event.ID, Hash: []byte("not event 4's hash")})
		e.refused(token, skipped, http.StatusConflict, wire.ErrCodeChainBroken, skipped[1].Event.ID)

		replaced := storetest.SealEvents("desk-a", key, &wire.ChainLink{}, 1, 50) // a second event 1, then "event 2" after it
		second := storetest.SealEvents("desk-a", key, &wire.ChainLink{N: 1, ID: replaced[0].Event.ID, Hash: []byte("x")}, 1, 50)
		reseal(t, &second[0], key, wire.ChainLink{N: 3, ID: third.ID, Hash: []byte("not the stored hash")})
		e.refused(token, second, http.StatusConflict, wire.ErrCodeChainBroken, second[0].Event.ID)

		link = third
		if res := e.push(token, storetest.SealEvents("desk-a", key, &link, 2, 50)); res.Stored != 2 {
			t.Fatalf("the genuine events after the refusals: %+v", res)
		}
	})
}

// TestNoDeskWritesAsAnother: a desk pushing an event that names another
// desk is refused with 403 bad_signature unless that desk signed it: one
// signed with the pusher's own key, one claiming the other desk's key, one
// without a seal after the other desk sealed everything. The other desk's
// genuine events, forwarded (as after a server restore), are stored.
func TestNoDeskWritesAsAnother(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		keyA, keyB := storetest.NewKey(1), storetest.NewKey(2)
		e.enrollWithKey("hotel", "desk-a", keyA)
		tokenB := e.enrollWithKey("hotel", "desk-b", keyB)

		var link wire.ChainLink
		ownKey := storetest.SealEvents("desk-a", keyB, &link, 1, 50)
		e.refused(tokenB, ownKey, http.StatusForbidden, wire.ErrCodeBadSignature, ownKey[0].Event.ID)

		claimed := ownKey[0]
		var s wire.Seal
		json.Unmarshal(claimed.Event.Extra[wire.SealField], &s)
		s.Key = wire.KeyID(keyA.Public().(ed25519.PublicKey))
		claimed.Event.Extra[wire.SealField], _ = json.Marshal(s)
		claimed.Raw, _ = claimed.Event.Encode()
		e.refused(tokenB, []server.Pushed{claimed}, http.StatusForbidden, wire.ErrCodeBadSignature, claimed.Event.ID)

		unsealed := storetest.NewEvents("desk-a", 1, 50)
		e.refused(tokenB, unsealed, http.StatusForbidden, wire.ErrCodeBadSignature, unsealed[0].Event.ID)

		// A run of desk-a's chain whose last event bears a signature that is
		// not its own: the last signature vouches for the run, so the run
		// is refused from its first event.
		var runLink wire.ChainLink
		run := storetest.SealEvents("desk-a", keyA, &runLink, 3, 50)
		var s1, s2 wire.Seal
		json.Unmarshal(run[1].Event.Extra[wire.SealField], &s1)
		json.Unmarshal(run[2].Event.Extra[wire.SealField], &s2)
		s2.Sig = s1.Sig
		run[2].Event.Extra[wire.SealField], _ = json.Marshal(s2)
		run[2].Raw, _ = run[2].Event.Encode()
		e.refused(tokenB, run, http.StatusForbidden, wire.ErrCodeBadSignature, run[0].Event.ID)

		link = wire.ChainLink{}
		genuine := storetest.SealEvents("desk-a", keyA, &link, 3, 50)
		if res := e.push(tokenB, genuine); res.Stored != 3 {
			t.Fatalf("desk-a's own events forwarded by desk-b: %+v", res)
		}
	})
}

// TestDeskFromBeforeTheChain: a desk enrolled before the chain pushes
// unsealed events; once it registers its key (on its next sync), unsealed
// events dated after the key's Since are refused, those before it (its
// old events, forwarded after a restore) still go.
func TestDeskFromBeforeTheChain(t *testing.T) {
	onEachStore(t, nil, func(t *testing.T, e *env) {
		token := e.enroll("hotel", "desk-old")
		old := storetest.NewEvents("desk-old", 2, 50)
		for i := range old { // made before the desk had its key
			old[i].Event.HLC = wire.MakeTimestamp(time.Now().Add(-time.Hour+time.Duration(i)*time.Minute).UnixMilli(), 0)
			old[i].Raw, _ = old[i].Event.Encode()
		}
		if res := e.push(token, old[1:]); res.Stored != 1 {
			t.Fatalf("unsealed event of a desk with no key: %+v", res)
		}
		key := storetest.NewKey(7)
		since := wire.MakeTimestamp(time.Now().Add(-time.Minute).UnixMilli(), 0)
		req := wire.KeyRequest{PublicKey: wire.EncodeKey(key.Public().(ed25519.PublicKey)), Since: since}
		e.decode(e.do("POST", "/v1/key", token, jsonBody(req), nil), http.StatusOK, nil)

		if res := e.push(token, old[:1]); res.Stored != 1 {
			t.Fatalf("an unsealed event from before the key: %+v", res)
		}
		late := storetest.NewEvents("desk-old", 1, 50)
		e.refused(token, late, http.StatusForbidden, wire.ErrCodeBadSignature, late[0].Event.ID)
		var link wire.ChainLink
		if res := e.push(token, storetest.SealEvents("desk-old", key, &link, 2, 50)); res.Stored != 2 {
			t.Fatalf("sealed events after the key: %+v", res)
		}
		rep, err := server.Verify(t.Context(), e.store)
		if err != nil || !rep.OK() || rep.Legacy["desk-old"] != 2 {
			t.Fatalf("verify: %v\n%s", err, rep)
		}
	})
}

// TestDeskEnrolledBeforeTheChainRegistersItsKey: a desk enrolled by an
// earlier build (its enrolment carried no key) registers its key on its
// next sync, before its first push; from then on the server checks its
// events against that key.
func TestDeskEnrolledBeforeTheChainRegistersItsKey(t *testing.T) {
	e := newEnv(t, nil)
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-old", Fold: listFold, Logger: quiet, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	code, err := server.CreateEnrolment(t.Context(), e.store, "hotel", time.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	token, err := data.Enroll(t.Context(), e.http.URL, code, "desk-old") // as an earlier build did
	if err != nil {
		t.Fatal(err)
	}
	if ring, _ := e.store.DeskKeys(t.Context()); len(ring["desk-old"]) != 0 {
		t.Fatal("the server holds a key the desk never sent")
	}
	st.SetSetting(data.SettingServerURL, e.http.URL)
	st.SetSetting(data.SettingDeskToken, token)
	for i := range 3 {
		if _, err := st.Append(wire.Event{Actor: "staff-1", Entity: wire.EntityRef{Kind: "key", ID: fmt.Sprint(i)}, Type: "key.signed_out"}); err != nil {
			t.Fatal(err)
		}
	}
	c := data.NewSyncClient(st, data.SyncConfig{Logger: quiet, PollWait: time.Second, MinBackoff: 10 * time.Millisecond, MaxBackoff: 100 * time.Millisecond})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { c.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	waitFor(t, "the desk's events on the server", 10*time.Second, func() bool { return e.lastSeq("hotel") == 3 })

	ring, err := e.store.DeskKeys(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ring.Key("desk-old", wire.KeyID(st.SigningKey().Pub)); !ok {
		t.Fatalf("the desk's key is not registered: %+v", ring)
	}
	rep, err := server.Verify(t.Context(), e.store)
	if err != nil || !rep.OK() || len(rep.Chains) != 1 || rep.Chains[0].Unsigned != 0 {
		t.Fatalf("verify: %v\n%s", err, rep)
	}
}

// eventReads counts the store's reads of single events.
type eventReads struct {
	server.Store
	n atomic.Int64
}

func (s *eventReads) Event(ctx context.Context, id string) ([]byte, error) {
	s.n.Add(1)
	return s.Store.Event(ctx, id)
}

// TestChainLinkFromMemory: each push of a desk starts with the event after
// the last one it pushed; the server checks that link from memory, without
// reading the event back from the store, and still refuses a push whose
// link does not fit.
func TestChainLinkFromMemory(t *testing.T) {
	st, err := badgerstore.Open(t.TempDir(), quiet)
	if err != nil {
		t.Fatal(err)
	}
	reads := &eventReads{Store: st}
	e := newEnvOn(t, reads, nil)
	key := storetest.NewKey(1)
	token := e.enrollWithKey("hotel", "desk-a", key)
	var link wire.ChainLink
	for range 3 {
		if res := e.push(token, storetest.SealEvents("desk-a", key, &link, 5, 50)); res.Stored != 5 {
			t.Fatalf("push: %+v", res)
		}
	}
	if n := reads.n.Load(); n != 0 {
		t.Fatalf("the server read %d events back to check links it had stored itself", n)
	}
	wrong := storetest.SealEvents("desk-a", key, &wire.ChainLink{N: link.N, ID: link.ID, Hash: []byte("not its hash")}, 1, 50)
	e.refused(token, wrong, http.StatusConflict, wire.ErrCodeChainBroken, wrong[0].Event.ID)
	if res := e.push(token, storetest.SealEvents("desk-a", key, &link, 1, 50)); res.Stored != 1 {
		t.Fatalf("the genuine next event: %+v", res)
	}
}

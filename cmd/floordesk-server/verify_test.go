package main

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"
	"time"

	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/storetest"
)

// putEvents stores evs straight in the data folder's store, as the server
// would have, or as someone with the folder could.
func putEvents(t *testing.T, dir string, keys []wire.DeskKey, evs []server.Pushed) {
	t.Helper()
	sf := storeFlags{data: dir}
	st, err := sf.open(t.Context(), quietLogger())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, k := range keys {
		err := st.AddEnrolment(t.Context(), server.Enrolment{CodeHash: "code-" + k.Desk, Property: "hotel", Expires: time.Now().Add(time.Hour)})
		if err == nil {
			_, err = st.Enroll(t.Context(), "code-"+k.Desk, k.Desk, "token-"+k.Desk, time.Now())
		}
		if err == nil {
			err = st.AddDeskKey(t.Context(), k)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.Append(t.Context(), "hotel", evs); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyCommand: `floordesk-server verify` passes a whole chain, and
// fails (exit code 1) naming an event signed by another desk's key that
// got into the store.
func TestVerifyCommand(t *testing.T) {
	dir := t.TempDir()
	keyA := storetest.NewKey(1)
	var link wire.ChainLink
	desk := wire.DeskKey{Desk: "desk-a", Pub: keyA.Public().(ed25519.PublicKey), Since: 1}
	putEvents(t, dir, []wire.DeskKey{desk}, storetest.SealEvents("desk-a", keyA, &link, 4, 30))
	var out bytes.Buffer
	if err := verify(t.Context(), []string{"--data", dir}, &out); err != nil || !strings.Contains(out.String(), "every chain is whole") {
		t.Fatalf("verify a whole chain = %v:\n%s", err, out.String())
	}

	forged := storetest.SealEvents("desk-a", storetest.NewKey(9), &link, 1, 30)
	putEvents(t, dir, nil, forged)
	out.Reset()
	err := verify(t.Context(), []string{"--data", dir}, &out)
	if !errors.Is(err, errChainProblems) || exitCode(err) != 1 {
		t.Fatalf("verify after a forged event = %v, want chain problems (exit code 1)", err)
	}
	if !strings.Contains(out.String(), "event "+forged[0].Event.ID+": signed with a key this desk never registered") {
		t.Fatalf("the report does not name the forged event:\n%s", out.String())
	}
}

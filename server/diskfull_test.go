package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"floordesk/data/diskspace/disktest"
	"floordesk/data/wire"
	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/pgstore"
	"floordesk/server/pgstore/pgtest"
	"floordesk/server/storetest"
)

// TestPushOnFullDisk, on each store over a real small filesystem: once the
// disk is full a push is refused with 507 (disk_full) and stores nothing,
// the server stays up and pulls still get every event stored before, and
// once space is freed the same push is stored. The Badger store refuses
// below its reserve, so that Badger never writes on a full disk (it would
// die of SIGBUS); PostgreSQL's tables are filled to the last byte and its
// own disk-full error is the 507.
func TestPushOnFullDisk(t *testing.T) {
	stores := []struct {
		name  string
		size  uint64
		leave uint64 // bytes the filler leaves free
		open  func(t *testing.T, dir string) server.Store
	}{
		{"badger", badgerstore.DiskReserve + 48<<20, badgerstore.DiskReserve - 8<<20, func(t *testing.T, dir string) server.Store {
			st, err := badgerstore.Open(dir, quiet)
			if err != nil {
				t.Fatal(err)
			}
			return st
		}},
		{"postgres", 48 << 20, 0, func(t *testing.T, dir string) server.Store {
			st, err := pgstore.Open(t.Context(), pgtest.NewDBIn(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			return st
		}},
	}
	for _, s := range stores {
		t.Run(s.name, func(t *testing.T) {
			root := disktest.Tmpfs(t, s.size)
			e := newEnvOn(t, s.open(t, disktest.Dir(t, root, "store")), nil)
			testPushOnFullDisk(t, e, root, s.leave)
		})
	}
}

func testPushOnFullDisk(t *testing.T, e *env, root string, leave uint64) {
	token := e.enroll("hotel", "desk-a")
	stored := map[string]bool{}
	for _, p := range e.pushed(token, storetest.NewEvents("desk-a", 20, 2000)) {
		stored[p] = true
	}
	filler := disktest.Fill(t, root, leave)

	// Push until the store sees its disk full: the Badger store asks the
	// disk at most once a second, PostgreSQL fills what room its files
	// have left first.
	var refused []server.Pushed
	deadline := time.Now().Add(30 * time.Second)
	for refused == nil {
		batch := storetest.NewEvents("desk-a", 20, 2000)
		resp := e.do("POST", "/v1/events", token, pushBody(batch), nil)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusOK:
			for _, p := range batch {
				stored[p.Event.ID] = true
			}
		case http.StatusInsufficientStorage:
			var eb wire.ErrorBody
			if err := json.Unmarshal(body, &eb); err != nil || eb.Code != wire.ErrCodeDiskFull {
				t.Fatalf("507 body %s, want code %q", body, wire.ErrCodeDiskFull)
			}
			refused = batch
		default:
			t.Fatalf("push on a full disk: status %d: %s", resp.StatusCode, body)
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server stored pushes for 30 s on a full disk (%d events)", len(stored))
		}
	}

	pulled := e.pullAll(token)
	for id := range stored {
		if !pulled[id] {
			t.Fatalf("event %s was stored before the disk filled but is not pulled", id)
		}
	}
	for _, p := range refused {
		if pulled[p.Event.ID] {
			t.Fatalf("event %s of a refused push was stored", p.Event.ID)
		}
	}

	filler.Remove()
	waitFor(t, "the refused push to be stored once space is freed", 15*time.Second, func() bool {
		resp := e.do("POST", "/v1/events", token, pushBody(refused), nil)
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	pulled = e.pullAll(token)
	for _, p := range refused {
		if !pulled[p.Event.ID] {
			t.Fatalf("event %s pushed again after space was freed is not pulled", p.Event.ID)
		}
	}
}

// pushed pushes evs, which must be stored, and returns their IDs.
func (e *env) pushed(token string, evs []server.Pushed) []string {
	e.t.Helper()
	if res := e.push(token, evs); res.Stored != len(evs) {
		e.t.Fatalf("stored %d of %d", res.Stored, len(evs))
	}
	ids := make([]string, len(evs))
	for i, p := range evs {
		ids[i] = p.Event.ID
	}
	return ids
}

// pullAll pulls every event of the desk's property and returns their IDs.
func (e *env) pullAll(token string) map[string]bool {
	e.t.Helper()
	ids := map[string]bool{}
	for after := uint64(0); ; {
		res := e.pull(token, "wait=0&after="+strconv.FormatUint(after, 10))
		for _, pe := range res.Events {
			ev, err := wire.DecodeEvent(pe.Event)
			if err != nil {
				e.t.Fatal(err)
			}
			ids[ev.ID] = true
		}
		if len(res.Events) == 0 || res.Next == after {
			return ids
		}
		after = res.Next
	}
}

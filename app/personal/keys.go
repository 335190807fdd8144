package personal

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"strconv"
	"sync"

	"floordesk/app"
	"floordesk/data/pkey"
	"floordesk/data/wire"
)

// Key is a personal-data key's view: the key while it lives, then what
// destroyed it.
type Key struct {
	app.Meta  `json:"meta"`
	Key       []byte          `json:"key,omitempty"`
	Issued    string          `json:"issued,omitempty"` // the event that carried it
	Destroyed *pkey.Destroyed `json:"destroyed,omitempty"`
}

func init() {
	app.RegisterKind(pkey.Kind, app.FoldWith(applyKey, nil))
	app.Register(app.Module{Name: "personal", Order: 900, Kinds: []string{pkey.Kind},
		NoHandover: "keys are not work for the next shift",
		NoDemo:     "the demo hotel's records are written without keys, as before this register",
		NoScreen:   "a supervisor carries out a guest's deletion request on the supervisor screen's guest-data tab"})
}

func applyKey(k *Key, ev wire.Event) error {
	switch ev.Type {
	case pkey.TypeIssued:
		k.Issued = ev.ID
		if pkey.IsErased(ev.Body) || k.Destroyed != nil {
			return nil
		}
		b, err := app.DecodeBody[pkey.Issued](ev)
		if err == nil && len(b.Key) != keySize {
			err = errors.New("personal key of the wrong size")
		}
		if err == nil {
			k.Key = b.Key
			ring.put(ev.Entity.ID, b.Key)
		}
		return err
	case pkey.TypeDestroyed:
		b, err := app.DecodeBody[pkey.Destroyed](ev)
		k.Key, k.Destroyed = nil, &b
		ring.drop(ev.Entity.ID)
		return err
	}
	return nil
}

const keySize = 32

// ringSize bounds the keys kept in memory; a miss reads the key's view.
const ringSize = 4096

// ring is the keys a fold reads personal fields with: those this process
// folded lately, then the views of the stores Attach named. A fold runs
// inside the store's write transaction, so it cannot be handed the store;
// the key's own fold puts it here as it is issued (a record's first event
// and its key are written, pushed and pulled together, key first).
var ring = &keyring{keys: map[string][]byte{}}

type keyring struct {
	mu     sync.Mutex
	keys   map[string][]byte
	stores []app.Store
}

// Attach makes the keys in store's views readable to the folds; each
// register's New calls it with its store. Attaching a store twice is
// harmless.
func Attach(store app.Store) {
	ring.mu.Lock()
	defer ring.mu.Unlock()
	for _, s := range ring.stores {
		if s == store {
			return
		}
	}
	ring.stores = append(ring.stores, store)
}

func (r *keyring) put(id string, key []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.keys) >= ringSize {
		clear(r.keys)
	}
	r.keys[id] = key
}

func (r *keyring) drop(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.keys, id)
}

// get returns key id: from memory, else from an attached store's view.
func (r *keyring) get(id string) ([]byte, bool) {
	r.mu.Lock()
	k, ok := r.keys[id]
	stores := r.stores
	r.mu.Unlock()
	if ok {
		return k, true
	}
	for _, s := range stores {
		b, err := s.View(app.Ref(pkey.Kind, id))
		if err != nil {
			continue
		}
		var v Key
		if json.Unmarshal(b, &v) == nil && len(v.Key) == keySize {
			r.put(id, v.Key)
			return v.Key, true
		}
	}
	return nil, false
}

// newKey makes a key and the event that issues it under a new entity.
func newKey(s *app.Service, actor string) (id string, key []byte, ev wire.Event, err error) {
	key = make([]byte, keySize)
	if _, err = rand.Read(key); err != nil {
		return "", nil, wire.Event{}, err
	}
	id = s.NewID()
	ev, err = app.NewEvent(actor, app.Ref(pkey.Kind, id), pkey.TypeIssued, pkey.Issued{Key: key})
	return id, key, ev, err
}

// destroyKey is the event that destroys key id, or false when it is
// already destroyed or unknown.
func destroyKey(s *app.Service, actor, id, reason string, days int) (wire.Event, bool, error) {
	k, err := app.LoadView[Key](s, pkey.Kind, id)
	if errors.Is(err, app.ErrNotFound) || (err == nil && k.Destroyed != nil) {
		return wire.Event{}, false, nil
	}
	if err != nil {
		return wire.Event{}, false, err
	}
	ev, err := app.NewEvent(actor, app.Ref(pkey.Kind, id), pkey.TypeDestroyed,
		pkey.Destroyed{Issued: k.Issued, Reason: reason, Days: days})
	return ev, err == nil, err
}

// logReader is the store's local log (data.Store).
type logReader interface {
	Log(after uint64, limit int) ([]wire.Event, uint64, error)
}

// eraseCursor is the local setting holding how far in this desk's log
// EraseDestroyed has looked.
const eraseCursor = "personal.erase_cursor"

// EraseDestroyed erases, in this desk's store, the body of every issued
// key that a destruction in the desk's log names: the key material a
// purge on another desk destroyed, pulled since. It reads the log from
// where it stopped last time (the first run after the upgrade reads it
// all). Housekeep runs it; it is idempotent.
func EraseDestroyed(s *app.Service) (int, error) {
	e, ok := s.Store().(eraser)
	lr, ok2 := s.Store().(logReader)
	if !ok || !ok2 {
		return 0, nil
	}
	start := uint64(0)
	if v, err := s.Store().Setting(eraseCursor); err == nil {
		start, _ = strconv.ParseUint(v, 10, 64)
	}
	after, n := start, 0
	for {
		evs, next, err := lr.Log(after, 1024)
		if err != nil {
			return n, err
		}
		for _, ev := range evs {
			issued, ok := pkey.DestroyedIssued(ev)
			if !ok {
				continue
			}
			if kev, err := s.Store().Get(issued); err != nil || pkey.IsErased(kev.Body) {
				continue
			}
			if err := e.EraseAll([]string{issued}, pkey.Erase); err != nil {
				return n, err
			}
			n++
		}
		if len(evs) == 0 || next == after {
			break
		}
		after = next
	}
	if after == start {
		return n, nil
	}
	return n, s.Store().SetSetting(eraseCursor, strconv.FormatUint(after, 10))
}

package server

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"sync"

	"floordesk/data/wire"
)

// Every event a desk makes is sealed into its chain and signed with its
// key (wire.Seal). Before storing a push, the server checks each event:
//
//   - sealed: the seal's key must be one its desk registered, the event
//     must match its chain hash, the signature must be the key's, and when
//     the server holds the event before it (in the batch or stored), the
//     link must name it exactly. A predecessor the server does not hold
//     is a gap, accepted: after a restore, desks re-push in any order,
//     and a set-aside event comes later; `floordesk-server verify`
//     reports gaps that stay.
//   - unsealed: accepted from before the chain only, that is while its
//     desk has no key, or with a clock before the desk's key's Since.
//   - sealed by a desk with no key here (a server restored from a backup
//     older than the desk's enrolment, before the desk enrols again): its
//     hash and links are checked, not its signature, as for an unsealed
//     event of that desk; verify checks it once the desk has registered.
//
// So a desk forwards other desks' events (signed by them) and no desk can
// write as another. A refusal names the event and stores nothing.

// keyCache keeps the desks' public keys in memory; a key it does not know
// makes it read the store again once.
type keyCache struct {
	mu   sync.Mutex
	ring wire.KeyRing // nil until loaded
}

func (c *keyCache) get(ctx context.Context, st Store, reload bool) (wire.KeyRing, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ring != nil && !reload {
		return c.ring, nil
	}
	ring, err := st.DeskKeys(ctx)
	if err != nil {
		return nil, err
	}
	c.ring = ring
	return ring, nil
}

func (c *keyCache) forget() {
	c.mu.Lock()
	c.ring = nil
	c.mu.Unlock()
}

// sealCheck checks one push's events in order.
type sealCheck struct {
	s        *Server
	ctx      context.Context
	ring     wire.KeyRing
	reloaded bool
	links    map[string]sealedLink // the batch's sealed events so far, by ID
	tips     map[string]tip        // each author's last sealed event in the batch
	after    []*queuedPush         // the pushes in flight whose events the batch's links follow
}

// sealedLink is where a sealed event stands in its chain.
type sealedLink struct {
	desk, key string
	link      wire.ChainLink
}

// checkSeals checks every event's seal, or its being from before the
// chain. An error is the store's; a *pushError refuses the push. The
// check's tips are each author's last sealed event in the push, for the
// tip cache once the push is stored; its after the pushes in flight
// (flights.go) the push's links follow.
func (s *Server) checkSeals(ctx context.Context, evs []Pushed) (bad *pushError, c *sealCheck, err error) {
	ring, err := s.keys.get(ctx, s.store, false)
	if err != nil {
		return nil, nil, err
	}
	c = &sealCheck{s: s, ctx: ctx, ring: ring, links: map[string]sealedLink{}, tips: map[string]tip{}}
	pubs := make([]ed25519.PublicKey, len(evs))
	seals := make([]wire.Seal, len(evs)) // the zero seal: none, or malformed (read says which)
	read := make([]sealRead, len(evs))
	for i, p := range evs {
		r := &read[i]
		r.seal, r.sealed, r.err = wire.SealOf(p.Event)
		if r.sealed && r.err == nil {
			seals[i] = r.seal
			if pubs[i], err = c.key(p.Event.Desk, r.seal.Key); err != nil {
				return nil, nil, err
			}
		}
	}
	checked := checkAll(evs, seals, pubs)
	for i, p := range evs {
		bad, err := c.check("events["+strconv.Itoa(i)+"]", p.Event, read[i], pubs[i], checked[i])
		if bad != nil || err != nil {
			return bad, nil, err
		}
	}
	return nil, c, nil
}

// sealRead is wire.SealOf's answer for one event, read once per push.
type sealRead struct {
	seal   wire.Seal
	sealed bool
	err    error
}

// sealChecked is wire.CheckSeal's answer for one event.
type sealChecked struct {
	seal wire.Seal
	link wire.ChainLink
	err  error
}

// checkAll checks the sealed events' hashes, then the signatures that
// matter. A signature takes most of the time the server spends on an
// event (about ten times its hash), and a run of one chain's events in a
// push needs only its last one's: each event's hash is in the next one's,
// so the last signature covers them all, and nobody without the key can
// make an event whose hash fits in it. Both steps run on every processor.
func checkAll(evs []Pushed, seals []wire.Seal, pubs []ed25519.PublicKey) []sealChecked {
	out := make([]sealChecked, len(evs))
	eachOf(len(evs), func(i int) {
		if seals[i].N > 0 {
			out[i].seal, out[i].link, out[i].err = wire.CheckSealOf(evs[i].Event, seals[i], evs[i].Raw, nil)
		}
	})
	followed := make([]bool, len(evs)) // the next event of its chain is in the push
	at := make(map[string]int, len(evs))
	for i, p := range evs {
		at[p.Event.ID] = i
	}
	for i, c := range out {
		j, ok := at[c.seal.Prev]
		if ok && c.err == nil && out[j].err == nil && c.seal.Key == out[j].seal.Key &&
			evs[i].Event.Desk == evs[j].Event.Desk && c.seal.Follows(out[j].link) && j < i {
			followed[j] = true
		}
	}
	eachOf(len(evs), func(i int) {
		switch {
		case pubs[i] == nil || out[i].seal.N == 0 || followed[i]:
		case out[i].err == nil:
			out[i].err = out[i].seal.CheckSignature(pubs[i])
		case errors.Is(out[i].err, wire.ErrSealAltered): // who signed it comes first
			if err := out[i].seal.CheckSignature(pubs[i]); err != nil {
				out[i].err = err
			}
		}
	})
	for i := len(evs) - 1; i >= 0; i-- { // a run is its last event's
		if j, ok := at[out[i].seal.Prev]; ok && followed[j] && j < i && out[j].err == nil && out[i].err != nil {
			out[j].err = out[i].err
		}
	}
	return out
}

// eachOf runs fn(0..n-1) on every processor.
func eachOf(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/32+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}

func (c *sealCheck) check(field string, ev wire.Event, read sealRead, pub ed25519.PublicKey, checked sealChecked) (*pushError, error) {
	seal, sealed, err := read.seal, read.sealed, read.err
	if err != nil {
		return badPush(field+".seal", fmt.Sprintf("%s: %v", field, err)).naming(ev.ID), nil
	}
	if !sealed {
		if since, ok := c.ring.SealedSince(ev.Desk); ok && ev.HLC >= since {
			return forged(field, ev, "it has no seal, and desk "+ev.Desk+" seals every event it makes"), nil
		}
		return nil, nil
	}
	if _, hasKeys := c.ring.SealedSince(ev.Desk); pub == nil && hasKeys {
		return forged(field, ev, "it is signed with a key desk "+ev.Desk+" never registered"), nil
	}
	link, err := checked.link, checked.err
	switch {
	case errors.Is(err, wire.ErrSealAltered):
		return chainBroken(field, ev, "it was changed after desk "+ev.Desk+" sealed it"), nil
	case err != nil:
		return forged(field, ev, "its signature is not desk "+ev.Desk+"'s"), nil
	}
	if bad, err := c.checkLink(field, ev, seal); bad != nil || err != nil {
		return bad, err
	}
	c.links[ev.ID] = sealedLink{ev.Desk, seal.Key, link}
	c.tips[ev.Desk] = tip{ev.ID, c.links[ev.ID]}
	return nil, nil
}

// key finds the desk's key, reading the store again once per push when
// it is not known (a desk registered it through another server).
func (c *sealCheck) key(desk, kid string) (pubKey ed25519.PublicKey, err error) {
	if pub, ok := c.ring.Key(desk, kid); ok {
		return pub, nil
	}
	if c.reloaded {
		return nil, nil
	}
	c.reloaded = true
	if c.ring, err = c.s.keys.get(c.ctx, c.s.store, true); err != nil {
		return nil, err
	}
	pub, _ := c.ring.Key(desk, kid)
	return pub, nil
}

// checkLink checks that a sealed event names the event before it as the
// server holds it, or as a push in flight holds it (then this push is
// stored after that one); one it does not hold is a gap, accepted.
func (c *sealCheck) checkLink(field string, ev wire.Event, seal wire.Seal) (*pushError, error) {
	if seal.N == 1 {
		return nil, nil
	}
	prev, ok := c.links[seal.Prev]
	if !ok {
		// In flight before stored: a push leaves the flights only once
		// the tip cache has it.
		var fl flight
		if fl, ok = c.s.flights.get(seal.Prev); ok {
			prev = fl.link
			c.after = append(c.after, fl.push)
		}
	}
	if !ok {
		prev, ok = c.s.tips.get(ev.Desk, seal.Prev)
	}
	if !ok {
		var err error
		if prev, ok, err = c.stored(seal.Prev); err != nil || !ok {
			return nil, err
		}
	}
	if prev.desk != ev.Desk || prev.key != seal.Key || !seal.Follows(prev.link) {
		return chainBroken(field, ev, fmt.Sprintf("it does not follow event %s, number %d of desk %s's chain, as the server holds it", seal.Prev, seal.N-1, ev.Desk)), nil
	}
	return nil, nil
}

// stored reads a stored event's place in its chain as its seal claims it
// (it was checked when it was stored; verify checks it again).
func (c *sealCheck) stored(id string) (sealedLink, bool, error) {
	raw, err := c.s.store.Event(c.ctx, id)
	if errors.Is(err, ErrNotFound) {
		return sealedLink{}, false, nil
	}
	if err != nil {
		return sealedLink{}, false, err
	}
	ev, err := wire.DecodeEvent(raw)
	if err != nil {
		return sealedLink{}, true, nil // not a sealed event: the link cannot name it
	}
	seal, ok, err := wire.SealOf(ev)
	if !ok || err != nil {
		return sealedLink{}, true, nil
	}
	h, _ := wire.DecodeHash(seal.Hash)
	return sealedLink{ev.Desk, seal.Key, wire.ChainLink{N: seal.N, ID: ev.ID, Hash: h}}, true, nil
}

func forged(field string, ev wire.Event, why string) *pushError {
	return &pushError{http.StatusForbidden, wire.ErrorBody{Code: wire.ErrCodeBadSignature, Field: field, Event: ev.ID,
		Message: fmt.Sprintf("%s: event %s names desk %s, but %s: no desk may write as another; nothing was stored", field, ev.ID, ev.Desk, why)}}
}

func chainBroken(field string, ev wire.Event, why string) *pushError {
	return &pushError{http.StatusConflict, wire.ErrorBody{Code: wire.ErrCodeChainBroken, Field: field, Event: ev.ID,
		Message: fmt.Sprintf("%s: event %s breaks desk %s's chain: %s; nothing was stored", field, ev.ID, ev.Desk, why)}}
}

package wire

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
)

// Audit checks the chains of a store's events, fed one at a time in any
// order (in chain order it holds only one link per chain; events out of
// order wait until their turn). Desk and server stores both use it for
// `verify`.
type Audit struct {
	keys   KeyRing
	chains map[chainID]*chainAudit
	legacy map[string]int // unsealed events by desk
	late   []Problem      // unsealed events from after the desk's key
	bad    []Problem      // events that fail their own seal
	events int
}

type chainID struct{ desk, key string }

type chainAudit struct {
	last     ChainLink
	started  bool
	events   int
	unsigned int // events whose key is not known here
	pending  map[uint64]pendingLink
	problems []Problem
}

type pendingLink struct {
	seal Seal
	link ChainLink
}

// Problem is one thing wrong with a chain, in words for the report.
type Problem struct {
	Desk  string
	Key   string
	Event string // the event's ID, when one is to blame
	What  string
}

func (p Problem) String() string {
	s := "desk " + p.Desk
	if p.Desk == "" {
		s = "an event"
	}
	if p.Key != "" {
		s += " (key " + p.Key + ")"
	}
	if p.Event != "" {
		s += ", event " + p.Event
	}
	return s + ": " + p.What
}

// NewAudit starts an audit that checks signatures with the keys it is
// given; a seal by a key not among them has its hash and links checked,
// not its signature.
func NewAudit(keys KeyRing) *Audit {
	return &Audit{keys: keys, chains: map[chainID]*chainAudit{}, legacy: map[string]int{}}
}

// Add checks one event and files it in its chain.
func (a *Audit) Add(ev Event) {
	a.events++
	s, sealed, err := SealOf(ev)
	if !sealed {
		a.addUnsealed(ev)
		return
	}
	if err != nil {
		a.bad = append(a.bad, Problem{Desk: ev.Desk, Event: ev.ID, What: err.Error()})
		return
	}
	pub, known := a.keys.Key(ev.Desk, s.Key)
	if _, hasKeys := a.keys.SealedSince(ev.Desk); hasKeys && !known {
		a.bad = append(a.bad, Problem{Desk: ev.Desk, Key: s.Key, Event: ev.ID,
			What: "signed with a key this desk never registered: another desk wrote it"})
		return
	}
	_, link, err := CheckSeal(ev, pub)
	if err != nil {
		a.bad = append(a.bad, Problem{Desk: ev.Desk, Key: s.Key, Event: ev.ID, What: describeSealError(err)})
		link = claimedLink(ev.ID, s) // it holds its number: the events around it are checked as usual
	}
	c := a.chain(chainID{ev.Desk, s.Key})
	c.events++
	if !known {
		c.unsigned++
	}
	c.add(ev.Desk, s, link)
}

// Undecodable files an event that could not be read at all, named by
// where it is stored.
func (a *Audit) Undecodable(where string, err error) {
	a.events++
	a.bad = append(a.bad, Problem{Event: where, What: "it cannot be read (" + err.Error() + "): it was changed or damaged"})
}

func (a *Audit) addUnsealed(ev Event) {
	if since, ok := a.keys.SealedSince(ev.Desk); ok && ev.HLC >= since {
		a.late = append(a.late, Problem{Desk: ev.Desk, Event: ev.ID,
			What: "no seal, though the desk sealed every event from " + since.Time().UTC().Format(time.RFC3339) + ": its seal was removed, or another desk wrote it"})
		return
	}
	a.legacy[ev.Desk]++
}

// claimedLink is the link a seal claims for its event, for a chain to go
// on past an event that fails its seal.
func claimedLink(id string, s Seal) ChainLink {
	h, _ := b64.DecodeString(s.Hash)
	return ChainLink{N: s.N, ID: id, Hash: h}
}

func (a *Audit) chain(id chainID) *chainAudit {
	c := a.chains[id]
	if c == nil {
		c = &chainAudit{pending: map[uint64]pendingLink{}}
		a.chains[id] = c
	}
	return c
}

func describeSealError(err error) string {
	switch {
	case errors.Is(err, ErrSealAltered):
		return "its content does not match its seal: it was changed after it was written"
	case errors.Is(err, ErrBadSignature):
		return "its signature is not its desk's: another desk wrote it, or it was changed"
	}
	return "its seal is malformed: " + err.Error()
}

// add files a checked event: it extends the chain, waits for the events
// before it, or repeats a number already filed.
func (c *chainAudit) add(desk string, s Seal, link ChainLink) {
	switch {
	case s.N == c.last.N+1:
		c.extend(desk, s, link)
		c.drain(desk)
	case s.N <= c.last.N:
		c.problems = append(c.problems, Problem{Desk: desk, Key: s.Key, Event: link.ID,
			What: fmt.Sprintf("a second event numbered %d: the desk's history was rewritten (a fork)", s.N)})
	default:
		if _, dup := c.pending[s.N]; dup {
			c.problems = append(c.problems, Problem{Desk: desk, Key: s.Key, Event: link.ID,
				What: fmt.Sprintf("a second event numbered %d: the desk's history was rewritten (a fork)", s.N)})
			return
		}
		c.pending[s.N] = pendingLink{s, link}
	}
}

// extend moves the chain on to link, checking that s names the last one.
func (c *chainAudit) extend(desk string, s Seal, link ChainLink) {
	if c.started && !s.Follows(c.last) {
		c.problems = append(c.problems, Problem{Desk: desk, Key: s.Key, Event: link.ID,
			What: fmt.Sprintf("event %d does not name event %d as stored: one of them was replaced", s.N, c.last.N)})
	}
	if !c.started && s.N == 1 && s.Prev != "" {
		c.problems = append(c.problems, Problem{Desk: desk, Key: s.Key, Event: link.ID, What: "the first event names one before it"})
	}
	c.last, c.started = link, true
}

func (c *chainAudit) drain(desk string) {
	for {
		p, ok := c.pending[c.last.N+1]
		if !ok {
			return
		}
		delete(c.pending, p.seal.N)
		c.extend(desk, p.seal, p.link)
	}
}

// finish reports the numbers never seen and files the events after them.
func (c *chainAudit) finish(desk, key string) {
	for len(c.pending) > 0 {
		next := slices.Min(mapKeys(c.pending))
		c.problems = append(c.problems, Problem{Desk: desk, Key: key, What: missing(c.last.N+1, next-1)})
		p := c.pending[next]
		delete(c.pending, next)
		c.last, c.started = p.link, true
		c.drain(desk)
	}
}

func missing(from, to uint64) string {
	if from == to {
		return fmt.Sprintf("event %d is missing (a gap in the chain)", from)
	}
	return fmt.Sprintf("events %d to %d are missing (a gap in the chain)", from, to)
}

func mapKeys(m map[uint64]pendingLink) []uint64 {
	out := make([]uint64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// ChainSummary is one chain as the audit found it.
type ChainSummary struct {
	Desk, Key string
	Events    int    // sealed events filed in it
	Last      uint64 // the highest number seen
	Unsigned  int    // events whose signature could not be checked (key unknown here)
}

// AuditReport is what an audit found.
type AuditReport struct {
	Events   int            // every event looked at
	Chains   []ChainSummary // by desk, then key
	Legacy   map[string]int // events from before the chain, by desk
	Problems []Problem      // gaps, alterations, bad signatures, forks
}

// OK reports whether no problem was found.
func (r AuditReport) OK() bool { return len(r.Problems) == 0 }

// Report finishes the audit. Call it once, after the last Add.
func (a *Audit) Report() AuditReport {
	r := AuditReport{Events: a.events, Legacy: a.legacy}
	r.Problems = append(r.Problems, a.bad...)
	r.Problems = append(r.Problems, a.late...)
	ids := mapKeysChain(a.chains)
	for _, id := range ids {
		c := a.chains[id]
		c.finish(id.desk, id.key)
		r.Chains = append(r.Chains, ChainSummary{Desk: id.desk, Key: id.key, Events: c.events, Last: c.last.N, Unsigned: c.unsigned})
		r.Problems = append(r.Problems, c.problems...)
	}
	return r
}

func mapKeysChain(m map[chainID]*chainAudit) []chainID {
	ids := make([]chainID, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if ids[i].desk != ids[j].desk {
			return ids[i].desk < ids[j].desk
		}
		return ids[i].key < ids[j].key
	})
	return ids
}

// String renders the report for a terminal: one line per chain, then each
// problem, then the verdict.
func (r AuditReport) String() string {
	var b strings.Builder
	for _, c := range r.Chains {
		fmt.Fprintf(&b, "desk %s, key %s: %d events, numbered up to %d", c.Desk, c.Key, c.Events, c.Last)
		if c.Unsigned > 0 {
			fmt.Fprintf(&b, " (signatures not checked here: the key is not known to this store)")
		}
		b.WriteByte('\n')
	}
	for _, d := range slices.Sorted(maps.Keys(r.Legacy)) {
		fmt.Fprintf(&b, "desk %s: %d events from before the chain (not sealed)\n", d, r.Legacy[d])
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "PROBLEM: %s\n", p)
	}
	if r.OK() {
		fmt.Fprintf(&b, "%d events checked in %d chains: every chain is whole and every checked signature is right.\n", r.Events, len(r.Chains))
	} else {
		fmt.Fprintf(&b, "%d events checked in %d chains: %d problems found. Keep this store as it is and tell the hotel's IT.\n", r.Events, len(r.Chains), len(r.Problems))
	}
	return b.String()
}

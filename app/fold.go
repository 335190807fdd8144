package app

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"floordesk/data/wire"
)

// KindFold turns an entity's view and its next events, in fold order, into
// the new view. Several events in one call give the same bytes as one
// call each, without decoding and encoding the view between them (a bulk
// load folds each entity's events of a batch at once); no event returns
// state unchanged.
type KindFold func(state []byte, evs ...wire.Event) ([]byte, error)

var kinds = map[string]KindFold{}

// RegisterKind installs the fold for an entity kind. Each register's file
// calls it from init; a kind registered twice panics at start-up.
func RegisterKind(kind string, fold KindFold) {
	if _, dup := kinds[kind]; dup {
		panic("app: kind registered twice: " + kind)
	}
	kinds[kind] = fold
}

// RegisteredKinds lists the kinds this build folds, sorted.
func RegisteredKinds() []string {
	out := make([]string, 0, len(kinds))
	for k := range kinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Fold is the data.FoldFunc of FloorDesk: it dispatches by entity kind. It is
// pure and total: an unknown kind or event type, which a newer desk may
// send, leaves the state unchanged.
func Fold(ref wire.EntityRef, state []byte, ev wire.Event) ([]byte, error) {
	fold, ok := kinds[ref.Kind]
	if !ok {
		return state, nil
	}
	return fold(state, ev)
}

// FoldMany is Fold of evs in turn, one entity's events in fold order: the
// same view, with the view decoded once and encoded once. It is the
// store's data.FoldManyFunc for a bulk load.
func FoldMany(ref wire.EntityRef, state []byte, evs []wire.Event) ([]byte, error) {
	fold, ok := kinds[ref.Kind]
	if !ok {
		return state, nil
	}
	return fold(state, evs...)
}

// window is how many of an entity's latest events its Meta remembers to
// find which events a late one had not seen. An event made without seeing
// more than that is folded as sequential (a conflict missed, never one
// invented). 32 reaches back 16 sign-outs and sign-ins of one key while a
// desk is out of touch; entities of the other kinds rarely have that many
// events in their life. It was 64, but the window is most of a busy
// entity's view, written whole with every event (issue 12).
const window = 32

// Meta is the bookkeeping every entity view carries under "meta": the head
// of its stream, its recent steps, and its open conflicts.
type Meta struct {
	Head      string     `json:"head,omitempty"`
	Events    int        `json:"events"`
	Steps     Steps      `json:"steps,omitempty"`
	Conflicts []Conflict `json:"conflicts,omitempty"`
	Resolved  []Conflict `json:"resolved,omitempty"`
	Skipped   int        `json:"skipped,omitempty"`
}

// Step records one folded event in Meta's window.
type Step struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Desk  string `json:"desk"`
	Actor string `json:"actor"`
}

// Conflict is a clash between events made without seeing each other, such
// as one key signed out at two desks. ID is the ID of the later event in
// fold order; Events lists every event involved, earliest first. A
// supervisor resolves it with ResolveConflict.
type Conflict struct {
	ID         string            `json:"id"`
	Code       string            `json:"code"`
	Params     map[string]string `json:"params,omitempty"`
	Events     []string          `json:"events"`
	ResolvedBy string            `json:"resolved_by,omitempty"`
	Note       string            `json:"note,omitempty"`
}

func (m *Meta) meta() *Meta { return m }

// HasConflict reports whether the entity has an open conflict.
func (m *Meta) HasConflict() bool { return len(m.Conflicts) > 0 }

// entity is a view struct with a Meta: a pointer to a struct embedding
// `Meta json:"meta"`.
type entity[T any] interface {
	*T
	meta() *Meta
}

// ClashRule decides whether ev clashes with an earlier event it had not
// seen. state is the view before ev. It returns "" when the two commute, or
// a conflict code and extra parameters for its message.
type ClashRule[P any] func(state P, earlier Step, ev wire.Event) (code string, params map[string]string)

// Apply changes a view by one event. An error means the body is malformed:
// the fold then skips the event (counted in Meta.Skipped) instead of
// failing, so a bad remote event cannot stop a desk from syncing.
type Apply[P any] func(state P, ev wire.Event) error

// TypeConflictResolved is the event a supervisor appends to close a conflict.
const TypeConflictResolved = "conflict.resolved"

// FoldWith builds a KindFold for view type T from its apply function and
// clash rule (nil: every concurrent event commutes). It handles Meta:
// concurrency detection, conflict records and conflict.resolved.
func FoldWith[T any, P entity[T]](apply Apply[P], clash ClashRule[P]) KindFold {
	var fold KindFold
	fold = func(state []byte, evs ...wire.Event) ([]byte, error) {
		if len(evs) == 0 {
			return state, nil
		}
		ref := evs[0].Entity
		v, err := stateOf[T](ref, state)
		if err != nil {
			return nil, fmt.Errorf("fold %s: %w", ref, err)
		}
		p := P(v)
		for i, ev := range evs {
			if ev.Type == TypeConflictResolved {
				p.meta().resolve(ev)
			} else {
				before := func() []byte { // the view before ev, asked for only when apply fails
					if i == 0 {
						return state
					}
					b, _ := fold(state, evs[:i]...) // folded fine a moment ago
					return b
				}
				p = applyEvent(ref, before, p, ev, apply, clash)
			}
			p.meta().push(ev)
		}
		next, err := json.Marshal(p)
		if err == nil {
			decoded.put(ref, next, clone((*T)(p)))
		}
		return next, err
	}
	return fold
}

// stateOf is the view state decoded, a zero T before the entity's first
// event.
func stateOf[T any](ref wire.EntityRef, state []byte) (*T, error) {
	if len(state) == 0 {
		return new(T), nil
	}
	return decodeView[T](ref, state)
}

// applyEvent records any clash, then applies ev. When apply fails, the view
// goes back to the one before ev, keeping the new Meta.
func applyEvent[T any, P entity[T]](ref wire.EntityRef, before func() []byte, p P, ev wire.Event, apply Apply[P], clash ClashRule[P]) P {
	if clash != nil {
		detect(p, ev, clash)
	}
	if err := apply(p, ev); err == nil {
		return p
	}
	v, _ := stateOf[T](ref, before()) // decoded fine a moment ago
	fresh := P(v)
	*fresh.meta() = *p.meta()
	fresh.meta().Skipped++
	return fresh
}

// detect records a conflict when ev had not seen some recent events (its
// Prev is not the head) and the clash rule says they do not commute.
func detect[P interface{ meta() *Meta }](p P, ev wire.Event, clash ClashRule[P]) {
	m := p.meta()
	var involved []Step
	var code string
	var params map[string]string
	for _, earlier := range m.unseen(ev.Prev) {
		c, extra := clash(p, earlier, ev)
		if c == "" {
			continue
		}
		if code == "" {
			code, params = c, extra
		}
		involved = append(involved, earlier)
	}
	if code != "" {
		m.addConflict(code, params, involved, ev)
	}
}

// unseen lists the steps after prev: the events ev's author had not seen.
// A prev outside the window (or that sorts after ev because of a wrong
// clock) yields none: the fold then treats ev as sequential. A view
// written when the window was longer is read as if it had the window's
// length, so every desk decides alike.
func (m *Meta) unseen(prev string) []Step {
	if prev == m.Head {
		return nil
	}
	steps := m.Steps[max(0, len(m.Steps)-window):]
	if prev == "" {
		return steps // made as the entity's first event, but it was not
	}
	for i, s := range steps {
		if s.ID == prev {
			return steps[i+1:]
		}
	}
	return nil
}

func (m *Meta) addConflict(code string, extra map[string]string, involved []Step, ev wire.Event) {
	params := map[string]string{
		"entity": ev.Entity.ID,
		"desk_a": involved[0].Desk, "actor_a": involved[0].Actor,
		"desk_b": ev.Desk, "actor_b": ev.Actor,
	}
	for k, v := range extra {
		params[k] = v
	}
	ids := make([]string, 0, len(involved)+1)
	for _, s := range involved {
		ids = append(ids, s.ID)
	}
	ids = append(ids, ev.ID)
	m.Conflicts = append(m.Conflicts, Conflict{ID: ev.ID, Code: code, Params: params, Events: ids})
}

// resolveBody is the body of conflict.resolved.
type resolveBody struct {
	Conflict string `json:"conflict"`
	Note     string `json:"note"`
}

// resolve closes the named conflict. Resolving one already closed (two
// supervisors at two desks) is harmless.
func (m *Meta) resolve(ev wire.Event) {
	var b resolveBody
	if json.Unmarshal(ev.Body, &b) != nil {
		m.Skipped++
		return
	}
	for i, c := range m.Conflicts {
		if c.ID != b.Conflict {
			continue
		}
		c.ResolvedBy, c.Note = ev.Actor, b.Note
		m.Resolved = append(m.Resolved, c)
		m.Conflicts = append(m.Conflicts[:i:i], m.Conflicts[i+1:]...)
		return
	}
}

// push makes ev the head and remembers it in the window. A full window
// moves along in place: the fold's view is its own.
func (m *Meta) push(ev wire.Event) {
	m.Head = ev.ID
	m.Events++
	step := Step{ID: ev.ID, Type: ev.Type, Desk: ev.Desk, Actor: ev.Actor}
	if len(m.Steps) >= window {
		kept := copy(m.Steps, m.Steps[len(m.Steps)-window+1:])
		m.Steps = append(m.Steps[:kept], step)
		return
	}
	m.Steps = append(m.Steps, step)
}

// DecodeBody is the apply functions' helper to read an event's body.
func DecodeBody[B any](ev wire.Event) (B, error) {
	var b B
	err := json.Unmarshal(ev.Body, &b)
	return b, err
}

// PairClash builds a ClashRule from unordered pairs of event types that do
// not commute, each with its conflict code.
func PairClash[P any](pairs map[[2]string]string) ClashRule[P] {
	return func(_ P, earlier Step, ev wire.Event) (string, map[string]string) {
		if c, ok := pairs[[2]string{earlier.Type, ev.Type}]; ok {
			return c, nil
		}
		return pairs[[2]string{ev.Type, earlier.Type}], nil
	}
}

// ActionTime is the time the body gives, else the event's clock reading.
func ActionTime(at time.Time, ev wire.Event) time.Time {
	if at.IsZero() {
		return ev.HLC.Time().UTC()
	}
	return at.UTC()
}

package server

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	"floordesk/data/wire"
)

// A group grant lets a supervisor of a hotel group read the properties
// they are given, side by side, from one desk: the desk enrolled with a
// group code pulls (and takes the snapshot of) each listed property,
// naming it with wire.PropertyParam, and nothing else. It never pushes: a
// push or a key registration with its token is refused (403) and stores
// nothing. A property's own desk still reaches only its own property.

// MaxGroupProperties is the most properties one group grant may list.
const MaxGroupProperties = 50

// GroupError is why a group grant's list of properties is refused, in
// words for the administrator.
type GroupError struct{ Reason string }

func (e *GroupError) Error() string { return e.Reason }

func groupError(format string, args ...any) error {
	return &GroupError{Reason: fmt.Sprintf(format, args...)}
}

// CheckGroup refuses a group grant's list of properties that is empty,
// longer than MaxGroupProperties, repeats a property, names one badly or
// names one the store does not know (no events and no desk enrolled),
// with a *GroupError; other errors are the store's.
func CheckGroup(ctx context.Context, store Store, group []string) error {
	if len(group) == 0 || len(group) > MaxGroupProperties {
		return groupError("a group grant lists 1 to %d properties; %d were given", MaxGroupProperties, len(group))
	}
	known, err := knownProperties(ctx, store, group)
	if err != nil {
		return fmt.Errorf("check group: %w", err)
	}
	for i, p := range group {
		switch {
		case !ValidProperty(p):
			return groupError("property %q: use 1 to 64 letters, digits, '.', '_' or '-'", p)
		case slices.Contains(group[:i], p):
			return groupError("property %q is listed twice", p)
		case !known[p]:
			return groupError("no property %q on this server: list only properties whose desks are enrolled", p)
		}
	}
	return nil
}

// knownProperties tells which of names the store knows: one with events,
// or with a desk ever enrolled in it.
func knownProperties(ctx context.Context, store Store, names []string) (map[string]bool, error) {
	desks, err := store.Desks(ctx)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, d := range desks {
		known[d.Property] = d.Property != ""
	}
	for _, p := range names {
		if known[p] || !ValidProperty(p) {
			continue
		}
		last, err := store.LastSeq(ctx, p)
		if err != nil {
			return nil, err
		}
		known[p] = last > 0
	}
	return known, nil
}

// CreateGroupEnrolment makes a one-time enrolment code for a group
// supervisor's desk that may read the properties in group (CheckGroup),
// valid until now+valid, and records its hash in store.
func CreateGroupEnrolment(ctx context.Context, store Store, group []string, now time.Time, valid time.Duration) (string, error) {
	if err := CheckGroup(ctx, store, group); err != nil {
		return "", err
	}
	if err := CheckEnrolmentValidity(valid); err != nil {
		return "", err
	}
	code := newCode()
	err := store.AddEnrolment(ctx, Enrolment{CodeHash: HashSecret(normalCode(code)), Group: slices.Clone(group), Expires: now.Add(valid)})
	if err != nil {
		return "", err
	}
	return code, nil
}

// IsGroup tells whether d is a group supervisor's desk.
func (d Desk) IsGroup() bool { return len(d.Group) > 0 }

// reach is the property a request of d that asks for asked (the query's
// wire.PropertyParam, "" when absent) acts on, or why it may not.
func (d Desk) reach(asked string) (string, int, *wire.ErrorBody) {
	switch {
	case d.IsGroup() && asked == "":
		return "", http.StatusBadRequest, &wire.ErrorBody{Code: wire.ErrCodeBadRequest, Field: wire.PropertyParam,
			Message: "a group grant names the property it reads: ?property=NAME"}
	case d.IsGroup() && !slices.Contains(d.Group, asked):
		return "", http.StatusForbidden, &wire.ErrorBody{Code: wire.ErrCodeForbidden, Field: wire.PropertyParam,
			Message: "this group grant does not include property " + asked}
	case d.IsGroup():
		return asked, 0, nil
	case asked != "" && asked != d.Property:
		return "", http.StatusForbidden, &wire.ErrorBody{Code: wire.ErrCodeForbidden, Field: wire.PropertyParam,
			Message: "a desk reads only its own property"}
	}
	return d.Property, 0, nil
}

// scoped serves an authenticated read (pull, snapshot, info) on the
// property it may reach: the desk's own, or the one a group grant's desk
// names. Anything else is refused before the handler runs.
func (s *Server) scoped(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		desk := deskFrom(r.Context())
		property, status, bad := desk.reach(r.URL.Query().Get(wire.PropertyParam))
		if bad != nil {
			writeError(w, status, *bad)
			return
		}
		desk.Property = property
		next(w, r.WithContext(context.WithValue(r.Context(), deskKey{}, desk)))
	}
}

// writer serves an authenticated write (push, key) only for a property's
// own desk: a group grant reads, and its writes are refused unread.
func (s *Server) writer(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if deskFrom(r.Context()).IsGroup() {
			writeError(w, http.StatusForbidden, wire.ErrorBody{Code: wire.ErrCodeForbidden,
				Message: "a group grant only reads: it cannot push events or register a key"})
			return
		}
		next(w, r)
	}
}

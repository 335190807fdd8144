package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// SchemaVersion is the envelope version written by this build.
const SchemaVersion = 1

// EntityRef names the entity an event belongs to, such as {"key", "F3-MASTER"}.
type EntityRef struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

// String renders the reference as kind/id.
func (r EntityRef) String() string { return r.Kind + "/" + r.ID }

// Event is one immutable change. Its ID (a UUIDv7) is also its idempotency
// key: an event with a known ID is never stored twice.
type Event struct {
	ID      string          `json:"id"`
	HLC     Timestamp       `json:"hlc"`
	Desk    string          `json:"desk"`
	Actor   string          `json:"actor"`
	Entity  EntityRef       `json:"entity"`
	Type    string          `json:"type"`
	Version int             `json:"v"`
	Prev    string          `json:"prev,omitempty"`
	Body    json.RawMessage `json:"body,omitempty"`
	// Extra holds envelope fields this build does not know, from a newer
	// desk (a hash chain, a signature...). They are kept and written back
	// unchanged, so an older desk that stores or re-pushes the event does
	// not strip them.
	Extra map[string]json.RawMessage `json:"-"`
}

// envelope is Event without its JSON methods.
type envelope Event

// knownFields are the envelope's JSON names; anything else goes to Extra.
var knownFields = map[string]bool{"id": true, "hlc": true, "desk": true, "actor": true,
	"entity": true, "type": true, "v": true, "prev": true, "body": true}

// MarshalJSON writes the known fields in their fixed order, then any Extra
// fields sorted by name. An event without extras encodes exactly as the
// golden file pins.
func (e Event) MarshalJSON() ([]byte, error) { return e.marshal(false) }

// marshal is MarshalJSON; with escape, the Extra fields are HTML-escaped
// as json.Marshal escapes what a Marshaler returns (the known fields are
// already), so Encode gives json.Marshal's bytes without its second pass
// over the whole event.
func (e Event) marshal(escape bool) ([]byte, error) {
	b, err := json.Marshal(envelope(e))
	if err != nil || len(e.Extra) == 0 {
		return b, err
	}
	names := make([]string, 0, len(e.Extra))
	for k := range e.Extra {
		if !knownFields[k] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	out := bytes.NewBuffer(b[:len(b)-1]) // drop the closing brace
	for _, k := range names {
		name, _ := json.Marshal(k)
		out.WriteByte(',')
		out.Write(name)
		out.WriteByte(':')
		if err := compactExtra(out, e.Extra[k], escape); err != nil {
			return nil, fmt.Errorf("event field %s: %w", k, err)
		}
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// compactExtra writes an Extra field's value compacted, and HTML-escaped
// with escape.
func compactExtra(out *bytes.Buffer, v json.RawMessage, escape bool) error {
	if !escape {
		return json.Compact(out, v)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, v); err != nil {
		return err
	}
	json.HTMLEscape(out, c.Bytes())
	return nil
}

// Less orders events for folding: by HLC, then desk, then ID. Every desk
// uses this one order, so every desk folds the same stream the same way.
func (e Event) Less(o Event) bool {
	if e.HLC != o.HLC {
		return e.HLC < o.HLC
	}
	if e.Desk != o.Desk {
		return e.Desk < o.Desk
	}
	return e.ID < o.ID
}

// Encode returns the event's canonical encoding, used both on disk and on
// the wire. It is pinned by a golden file.
func (e Event) Encode() ([]byte, error) {
	b, err := e.marshal(true)
	if err != nil {
		return nil, fmt.Errorf("encode event: %w", err)
	}
	return b, nil
}

// Validate checks the envelope fields every stored event must have. It does
// not look at the body: types unknown to this build are kept unchanged.
func (e Event) Validate() error {
	if err := e.validateEnvelope(); err != nil {
		return err
	}
	if len(e.Body) > 0 && !json.Valid(e.Body) {
		return &EnvelopeError{Field: "body", Problem: "must be JSON"}
	}
	return nil
}

// validateEnvelope is Validate without the body, for decoded events whose
// body was checked as it was read.
func (e Event) validateEnvelope() error {
	switch {
	case !ValidID(e.ID):
		return &EnvelopeError{Field: "id", Problem: "must be a UUID"}
	case e.HLC == 0:
		return &EnvelopeError{Field: "hlc", Problem: "must be set"}
	case e.Desk == "" || strings.ContainsRune(e.Desk, 0):
		return &EnvelopeError{Field: "desk", Problem: "must be set and contain no NUL"}
	case e.Entity.Kind == "" || strings.ContainsAny(e.Entity.Kind, "/\x00"):
		return &EnvelopeError{Field: "entity.kind", Problem: "must be set and contain no '/' or NUL"}
	case e.Entity.ID == "" || strings.ContainsRune(e.Entity.ID, 0):
		return &EnvelopeError{Field: "entity.id", Problem: "must be set and contain no NUL"}
	case e.Type == "":
		return &EnvelopeError{Field: "type", Problem: "must be set"}
	case e.Version < 1:
		return &EnvelopeError{Field: "v", Problem: "must be 1 or more"}
	case e.Prev != "" && !ValidID(e.Prev):
		return &EnvelopeError{Field: "prev", Problem: "must be empty or a UUID"}
	}
	return nil
}

// EnvelopeError reports an event whose envelope is malformed.
type EnvelopeError struct {
	Field   string
	Problem string
	limit   bool // found by CheckLimits: matches ErrLimit
}

func (e *EnvelopeError) Error() string { return "event " + e.Field + " " + e.Problem }

// Is makes an error found by CheckLimits match ErrLimit.
func (e *EnvelopeError) Is(target error) bool { return e.limit && target == ErrLimit }

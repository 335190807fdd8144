package pkey

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"slices"

	"floordesk/data/wire"
)

// Events written before personal fields were sealed (and scheduled
// requests until they were) hold a guest's name and phone in the clear.
// When such a record is purged, the desk writes a TypeFieldsErased event
// on it naming those events and fields, and every store that holds them
// (each desk's, the server's) erases the fields in place: the fields leave
// the body, which says which were erased (wire.ErasedFieldsMember); the
// rest of the body and the envelope stay, so the record still folds. A
// sealed event's erased body keeps the SHA-256 of its content as signed,
// so its desk's chain still checks; an unsealed one keeps no hash (a hash
// of a name and a phone number could be guessed back).

// Erasable lists, by entity kind, the body fields an erasure may remove:
// the fields each register seals (app/personal.Register checks its own
// against it). Any other field, and any other kind's, stays: an erasure
// cannot be used to remove what a record says about the hotel's work.
var Erasable = map[string][]string{
	"found":      {"guest", "contact", "claimant"},
	"lostreport": {"guest", "contact", "claimant"},
	"loan":       {"guest"},
	"request":    {"guest", "contact"},
	"message":    {"guest", "from", "phone", "visitor"},
	"guests":     {"guests"},
}

// TypeFieldsErased names the events of its record whose personal fields
// every store erases (FieldsErased).
const TypeFieldsErased = "personal.erased.v1"

// MaxErasedEvents is how many events one TypeFieldsErased event names at
// most: a record with more plain events gets several, so none comes near
// the body limit (wire.MaxBodyBytes; about 60 bytes an event).
const MaxErasedEvents = 1000

// FieldsErased is TypeFieldsErased's body.
type FieldsErased struct {
	Events []ErasedEvent `json:"events"`
}

// ErasedEvent is one event to erase and its fields (top-level body
// members) to erase.
type ErasedEvent struct {
	ID     string   `json:"id"`
	Fields []string `json:"fields"`
}

// ErasesFields returns what ev names to erase; ok is false when ev is not
// a TypeFieldsErased event.
func ErasesFields(ev wire.Event) ([]ErasedEvent, bool) {
	if ev.Type != TypeFieldsErased {
		return nil, false
	}
	var b FieldsErased
	if json.Unmarshal(ev.Body, &b) != nil || len(b.Events) == 0 {
		return nil, false
	}
	return b.Events, true
}

// PlainFields lists which of fields ev's body holds in the clear (not
// empty); none for a body that is not a JSON object.
func PlainFields(ev wire.Event, fields []string) []string {
	var body map[string]json.RawMessage
	if json.Unmarshal(ev.Body, &body) != nil {
		return nil
	}
	var out []string
	for _, f := range fields {
		if v, ok := body[f]; ok && !isEmpty(v) {
			out = append(out, f)
		}
	}
	return out
}

func isEmpty(v json.RawMessage) bool {
	v = bytes.TrimSpace(v)
	return string(v) == `""` || string(v) == "null" || string(v) == "[]" || string(v) == "{}"
}

// EraseFields returns ev with fields erased from its body (raw, when
// given, is ev as stored); only the fields Erasable lists for ev's kind
// are erased. ok is false, and ev is returned unchanged, when there is
// nothing to erase, or ev is sealed and its content no longer matches its
// seal (erasing it would hide that alteration).
func EraseFields(ev wire.Event, raw []byte, fields []string) (wire.Event, bool) {
	var body map[string]json.RawMessage
	if json.Unmarshal(ev.Body, &body) != nil {
		return ev, false
	}
	mark := wire.ErasedFields{}
	if prev, ok := body[wire.ErasedFieldsMember]; ok && json.Unmarshal(prev, &mark) != nil {
		return ev, false
	}
	var gone []string
	for _, f := range fields {
		if _, ok := body[f]; ok && slices.Contains(Erasable[ev.Entity.Kind], f) {
			gone = append(gone, f)
		}
	}
	if len(gone) == 0 {
		return ev, false
	}
	if _, sealed, _ := wire.SealOf(ev); sealed && mark.Content == "" {
		digest, ok := wire.SignedContent(ev, raw)
		if !ok {
			return ev, false
		}
		mark.Content = hex.EncodeToString(digest)
	}
	for _, f := range gone {
		delete(body, f)
		if !slices.Contains(mark.Fields, f) {
			mark.Fields = append(mark.Fields, f)
		}
	}
	slices.Sort(mark.Fields)
	body[wire.ErasedFieldsMember], _ = json.Marshal(mark)
	b, err := json.Marshal(body)
	if err != nil {
		return ev, false
	}
	ev.Body = b
	return ev, true
}

// erasedFieldsOf returns the fields stored's body says were erased.
func erasedFieldsOf(stored wire.Event) ([]string, bool) {
	var body map[string]json.RawMessage
	if !bytes.Contains(stored.Body, []byte(wire.ErasedFieldsMember)) || json.Unmarshal(stored.Body, &body) != nil {
		return nil, false
	}
	var mark wire.ErasedFields
	if json.Unmarshal(body[wire.ErasedFieldsMember], &mark) != nil || len(mark.Fields) == 0 {
		return nil, false
	}
	return mark.Fields, true
}

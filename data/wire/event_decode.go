package wire

import (
	"encoding/json"
	"fmt"
)

// DecodeEvent parses an encoded event and checks its envelope. It reads the
// event once: syntax, fields and body together.
func DecodeEvent(b []byte) (Event, error) {
	e, _, err := DecodeEventCompact(b)
	return e, err
}

// DecodeEventCompact is DecodeEvent that also reports whether b is
// compact: no whitespace outside strings, as desks encode events (the
// server stores a pushed event as sent when it is, and learns it from
// the same reading).
func DecodeEventCompact(b []byte) (ev Event, compact bool, err error) {
	var e Event
	s := scanner{b: b}
	if err := s.event(&e); err != nil {
		return Event{}, false, fmt.Errorf("decode event: %w", err)
	}
	if err := s.end(); err != nil {
		return Event{}, false, fmt.Errorf("decode event: %w", err)
	}
	return e, !s.spaced, e.validateEnvelope()
}

// UnmarshalJSON reads the known fields and keeps every other one in Extra.
// Keys match exactly (encoding/json would also take "ID" for "id"; an
// event is only ever written with the exact names).
func (e *Event) UnmarshalJSON(b []byte) error {
	var ev Event
	s := scanner{b: b}
	if err := s.event(&ev); err != nil {
		return err
	}
	if err := s.end(); err != nil {
		return err
	}
	*e = ev
	return nil
}

// event reads one event object into e. Body and unknown fields are copied
// out of the input, which the caller may reuse (a Badger value, say).
func (s *scanner) event(e *Event) error {
	if s.peek() != '{' {
		return s.fail("an event must be a JSON object")
	}
	return s.object(func(key string) error { return s.eventField(e, key) })
}

func (s *scanner) eventField(e *Event, key string) error {
	switch key {
	case "id":
		return s.strInto(&e.ID)
	case "hlc":
		return s.hlcInto(&e.HLC)
	case "desk":
		return s.strInto(&e.Desk)
	case "actor":
		return s.strInto(&e.Actor)
	case "entity":
		return s.entityInto(&e.Entity)
	case "type":
		return s.strInto(&e.Type)
	case "v":
		return s.intInto(&e.Version)
	case "prev":
		return s.strInto(&e.Prev)
	case "body":
		raw, err := s.value()
		e.Body = copyRaw(raw)
		return err
	}
	raw, err := s.value()
	if err != nil {
		return err
	}
	if e.Extra == nil {
		e.Extra = map[string]json.RawMessage{}
	}
	e.Extra[key] = copyRaw(raw)
	return nil
}

func copyRaw(raw []byte) json.RawMessage {
	return append(json.RawMessage(nil), raw...)
}

// strInto reads a string into dst; null leaves dst as it was, as
// encoding/json does.
func (s *scanner) strInto(dst *string) error {
	if s.isNull() {
		return nil
	}
	v, err := s.str()
	if err == nil {
		*dst = v
	}
	return err
}

func (s *scanner) intInto(dst *int) error {
	if s.isNull() {
		return nil
	}
	n, err := s.int64()
	if err == nil {
		*dst = int(n)
	}
	return err
}

func (s *scanner) hlcInto(dst *Timestamp) error {
	if s.isNull() {
		return nil
	}
	start := s.i
	v, err := s.str()
	if err != nil {
		return err
	}
	if err := dst.UnmarshalText([]byte(v)); err != nil {
		s.i = start
		return s.fail(err.Error())
	}
	return nil
}

// entityInto reads the entity reference; fields other than kind and id
// are skipped.
func (s *scanner) entityInto(dst *EntityRef) error {
	if s.isNull() {
		return nil
	}
	return s.object(func(key string) error {
		switch key {
		case "kind":
			return s.strInto(&dst.Kind)
		case "id":
			return s.strInto(&dst.ID)
		}
		_, err := s.value()
		return err
	})
}

package personal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"

	"floordesk/app"
	"floordesk/data/wire"
)

// Sealed is how personal fields travel in an event's body, under
// "sealed": the key's entity ID and the fields as a JSON object,
// encrypted with AES-256-GCM (the nonce first), the record's reference
// as additional data, so a box cannot be moved to another record.
type Sealed struct {
	Key string `json:"key"`
	Box []byte `json:"box"`
}

const sealedField = "sealed"

// Seal encodes body with the named JSON fields taken out and sealed under
// a new key for ref's record, and returns the event that issues the key.
// The register appends the key's event and its own (body as made here)
// together, key first. Empty fields are left as they are.
func Seal(s *app.Service, actor string, ref wire.EntityRef, body any, fields ...string) (json.RawMessage, wire.Event, error) {
	obj, err := asObject(body)
	if err != nil {
		return nil, wire.Event{}, err
	}
	plain := map[string]json.RawMessage{}
	for _, f := range fields {
		if v, ok := obj[f]; ok && string(v) != `""` && string(v) != "null" {
			plain[f] = v
			delete(obj, f)
		}
	}
	id, key, kev, err := newKey(s, actor)
	if err != nil {
		return nil, wire.Event{}, fmt.Errorf("seal %s: %w", ref, err)
	}
	box, err := seal(key, ref, plain)
	if err != nil {
		return nil, wire.Event{}, fmt.Errorf("seal %s: %w", ref, err)
	}
	if obj[sealedField], err = json.Marshal(Sealed{Key: id, Box: box}); err != nil {
		return nil, wire.Event{}, err
	}
	out, err := json.Marshal(obj)
	return out, kev, err
}

// SealedEvent is Seal made into the record's event: it returns the key's
// event and the record's, in the order to append them.
func SealedEvent(s *app.Service, actor string, ref wire.EntityRef, typ string, body any, fields ...string) ([]wire.Event, error) {
	b, kev, err := Seal(s, actor, ref, body, fields...)
	if err != nil {
		return nil, err
	}
	ev := wire.Event{Actor: actor, Entity: ref, Type: typ, Version: 1, Body: b}
	return []wire.Event{kev, ev}, nil
}

func asObject(body any) (map[string]json.RawMessage, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	return obj, json.Unmarshal(b, &obj)
}

func seal(key []byte, ref wire.EntityRef, plain map[string]json.RawMessage) ([]byte, error) {
	msg, err := json.Marshal(plain)
	if err != nil {
		return nil, err
	}
	aead, err := gcm(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(msg)+aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return aead.Seal(nonce, nonce, msg, []byte(ref.String())), nil
}

func gcm(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// Opened says what DecodeBody found of an event's sealed fields: the key
// they were sealed with (empty for a body without sealed fields), and
// whether that key was destroyed, so the fields are gone.
type Opened struct {
	Key  string
	Gone bool
}

// DecodeBody decodes ev's body into a B, with its sealed fields put back
// when their key still exists. A body written before sealing decodes as
// app.DecodeBody would.
func DecodeBody[B any](ev wire.Event) (B, Opened, error) {
	b, err := app.DecodeBody[B](ev)
	if err != nil {
		return b, Opened{}, err
	}
	var outer struct {
		Sealed *Sealed `json:"sealed"`
	}
	if err := json.Unmarshal(ev.Body, &outer); err != nil || outer.Sealed == nil {
		return b, Opened{}, err
	}
	o := Opened{Key: outer.Sealed.Key}
	key, ok := ring.get(o.Key)
	if !ok {
		o.Gone = true
		return b, o, nil
	}
	plain, err := open(key, ev.Entity, outer.Sealed.Box)
	if err != nil {
		return b, o, err
	}
	return b, o, json.Unmarshal(plain, &b)
}

func open(key []byte, ref wire.EntityRef, box []byte) ([]byte, error) {
	aead, err := gcm(key)
	if err != nil {
		return nil, err
	}
	if len(box) < aead.NonceSize() {
		return nil, errors.New("sealed fields too short")
	}
	return aead.Open(nil, box[:aead.NonceSize()], box[aead.NonceSize():], []byte(ref.String()))
}

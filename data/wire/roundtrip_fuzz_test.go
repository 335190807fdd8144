package wire

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// roundTripSamples are events worth starting from besides eventSamples:
// the golden event and encodings a desk or server may meet that a plain
// encoder would not write (escapes, HTML characters, spaces, extras).
var roundTripSamples = []string{
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1718000000000.3","desk":"D1","actor":"S01","entity":{"kind":"key","id":"K"},"type":"t","v":1,"body":{ "a" : [ 1 , 2 ] , "b":"<&>" }}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1718000000000.3","desk":"D\u0031","actor":"\u5f20\u4e09","entity":{"kind":"k","id":"K\/1"},"type":"t","v":1,"body":"\u2028\u2029"}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1718000000000.65535","desk":"D","actor":"","entity":{"kind":"k","id":"K"},"type":"t","v":9223372036854775807,"zeta":{"b":1,"a":2},"alpha":[ ],"":null}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"281474976710655.0","desk":"D","entity":{"kind":"k","id":"K"},"type":"t","v":1,"body":null,"prev":null,"actor":null}`,
	`{"id":"0190C3E2-6A1B-7C3D-8E4F-0123456789AB","hlc":"1.1","desk":"D","entity":{"kind":"k","id":"K","kind":"k2"},"type":"t","v":1,"body":1e400}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1.1","desk":"D","entity":{"kind":"k","id":"K"},"type":"t","v":1,"seal":{"sig":"<&>\u2028"},"x":[ "a>b" ]}`,
	"{\"id\":\"0190c3e2-6a1b-7c3d-8e4f-0123456789ab\",\"hlc\":\"1.1\",\"desk\":\"D\xff\",\"entity\":{\"kind\":\"k\",\"id\":\"K\"},\"type\":\"t\",\"v\":1,\"body\":\"\xff\xfe\"}",
}

// FuzzEventRoundTrip: an event the decoder accepts encodes to something
// that decodes to the same event, and that encoding is canonical: encoding
// it again gives the same bytes. The server's duplicate check (SameEvent)
// and every desk's re-push after a server restore rely on both.
func FuzzEventRoundTrip(f *testing.F) {
	for _, doc := range append(eventSamples, roundTripSamples...) {
		f.Add([]byte(doc))
	}
	if golden, err := os.ReadFile(filepath.Join("testdata", "event.golden.json")); err == nil {
		f.Add(golden)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, err := DecodeEvent(b)
		if err != nil {
			return
		}
		checkRoundTrip(t, b, ev)
	})
}

func checkRoundTrip(t *testing.T, b []byte, ev Event) {
	t.Helper()
	enc, err := ev.Encode()
	if err != nil {
		t.Fatalf("%q: decoded but does not encode: %v", b, err)
	}
	back, err := DecodeEvent(enc)
	if err != nil {
		t.Fatalf("%q: encodes to %q, which does not decode: %v", b, enc, err)
	}
	if !sameEvent(ev, back) {
		t.Fatalf("%q:\n decoded  %+v\n re-read  %+v\n from     %q", b, ev, back, enc)
	}
	if std, err := json.Marshal(ev); err != nil || !bytes.Equal(std, enc) {
		t.Fatalf("%q: Encode gives %q, json.Marshal %q (%v): the bytes stored must not change", b, enc, std, err)
	}
	again, err := back.Encode()
	if err != nil || !bytes.Equal(again, enc) {
		t.Fatalf("%q: encoding not canonical:\n first  %q\n second %q (%v)", b, enc, again, err)
	}
	checkSignedEncoding(t, ev)
}

// checkSignedEncoding: the encoding Sign gives (spliced, for an event
// without extra fields) is the sealed event's Encode, byte for byte, and
// its seal checks.
func checkSignedEncoding(t *testing.T, ev Event) {
	t.Helper()
	priv := testKey(3)
	l, _, err := LinkEvent(ev, KeyID(priv.Public().(ed25519.PublicKey)), ChainLink{N: 4, ID: ev.ID, Hash: []byte("previous hash")})
	if err != nil {
		return // not encodable: checkRoundTrip says so
	}
	sealed, enc, err := l.Sign(ev, priv)
	if err != nil {
		t.Fatalf("sign %+v: %v", ev, err)
	}
	want, err := sealed.Encode()
	if err != nil || !bytes.Equal(enc, want) {
		t.Fatalf("Sign encodes %q, Encode %q (%v)", enc, want, err)
	}
	if _, _, err := CheckSeal(sealed, priv.Public().(ed25519.PublicKey)); err != nil {
		t.Fatalf("signed event does not check: %v", err)
	}
}

// sameEvent compares two events field by field, the body and the extras
// as JSON values (an encoding may compact them or escape characters).
func sameEvent(a, b Event) bool {
	if !sameJSON(a.Body, b.Body) || len(a.Extra) != len(b.Extra) {
		return false
	}
	for k, v := range a.Extra {
		w, ok := b.Extra[k]
		if !ok || !sameJSON(v, w) {
			return false
		}
	}
	a.Body, b.Body, a.Extra, b.Extra = nil, nil, nil, nil
	return reflect.DeepEqual(a, b)
}

func sameJSON(a, b json.RawMessage) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	va, errA := jsonValue(a)
	vb, errB := jsonValue(b)
	return errA == nil && errB == nil && reflect.DeepEqual(va, vb)
}

func jsonValue(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

// FuzzDecodePushRequest: the push decoder judges a body as encoding/json
// does and returns the same events; the batch encoded again reads back
// the same; and each event the decoder accepts survives the round trip.
func FuzzDecodePushRequest(f *testing.F) {
	for _, doc := range pushSamples {
		f.Add([]byte(doc))
	}
	for _, ev := range append(eventSamples[:3], roundTripSamples...) {
		f.Add([]byte(`{"events":[` + ev + `]}`))
	}
	f.Add([]byte(`{"events":[` + eventSamples[0] + `,` + eventSamples[1] + `]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.Count(b, []byte("[")) > maxDepth/2 || bytes.Count(b, []byte("{")) > maxDepth/2 || !bytes.Equal(b, bytes.ToLower(b)) {
			return // too deep, or keys encoding/json would match in another case
		}
		comparePush(t, b)
		req, err := DecodePushRequest(b)
		if err != nil {
			return
		}
		enc, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("%q: decoded but does not encode: %v", b, err)
		}
		back, err := DecodePushRequest(enc)
		if err != nil || len(back.Events) != len(req.Events) {
			t.Fatalf("%q: encodes to %q, which reads as %d events, %v", b, enc, len(back.Events), err)
		}
		for i, raw := range req.Events {
			if !sameJSON(raw, back.Events[i]) {
				t.Fatalf("%q: event %d reads back as %q", b, i, back.Events[i])
			}
			if ev, err := DecodeEvent(raw); err == nil {
				checkRoundTrip(t, raw, ev)
			}
		}
	})
}

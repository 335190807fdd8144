package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// jsonSamples are documents the scanner must judge as encoding/json does.
var jsonSamples = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `12.5e-3`, `1E+2`, `"a"`,
	`{"a":[1,2,{"b":null}],"c":"\u00e9\n\"x\""}`, ` { "a" : 1 } `, "\t[\r\n]\n",
	`"\ud83d\ude00"`, `"\ud800"`, "\"\xff\xfe\"", `"é中文"`,
	// malformed
	``, ` `, `{`, `}`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1}}`, `[1 2]`,
	`01`, `-`, `1.`, `.5`, `1e`, `+1`, `tru`, `nul`, `"abc`, `"\x"`, `"\u12g4"`,
	"\"a\tb\"", `NaN`, `[1]x`, `{"a":1}{}`, `"\`,
}

func TestScannerAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range jsonSamples {
		if got, want := scanValid([]byte(doc)), json.Valid([]byte(doc)); got != want {
			t.Errorf("%q: scanner valid = %v, encoding/json says %v", doc, got, want)
		}
	}
}

func scanValid(b []byte) bool {
	s := scanner{b: b}
	if _, err := s.value(); err != nil {
		return false
	}
	return s.end() == nil
}

func TestScannerBoundsNesting(t *testing.T) {
	deep := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	s := scanner{b: []byte(deep)}
	_, err := s.value()
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "nested") {
		t.Fatalf("err = %v, want nested too deeply", err)
	}
}

func FuzzScannerValid(f *testing.F) {
	for _, doc := range jsonSamples {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.Count(b, []byte("[")) > maxDepth/2 || bytes.Count(b, []byte("{")) > maxDepth/2 {
			return // deeper than the scanner allows on purpose
		}
		if got, want := scanValid(b), json.Valid(b); got != want {
			t.Fatalf("%q: scanner valid = %v, encoding/json says %v", b, got, want)
		}
	})
}

// referenceDecode is how events were decoded with encoding/json before the
// scanner: the decoder must agree with it.
func referenceDecode(b []byte) (Event, error) {
	type plain Event
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return Event{}, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return Event{}, err
	}
	for k := range all {
		if knownFields[k] {
			delete(all, k)
		}
	}
	if len(all) > 0 {
		p.Extra = all
	}
	e := Event(p)
	return e, e.Validate()
}

var eventSamples = []string{
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1718000000000.3","desk":"D1","actor":"S01","entity":{"kind":"key","id":"F3-MASTER"},"type":"key.signed_out","v":1,"body":{"to":"张三","room":"1203"}}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1718000000000.3","desk":"D1","actor":"S01","entity":{"kind":"key","id":"K"},"type":"t","v":2,"prev":"0190c3e2-6a1b-7c3d-8e4f-0123456789ac","body":null,"sig":"c2ln","chain":[1,{"a":true}]}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1718000000000.3","desk":"D\u00e9","actor":null,"entity":{"kind":"key","id":"K","extra":1},"type":"t","v":1}`,
	` {"v":1, "type":"t", "entity":{"id":"K","kind":"k"}, "desk":"D", "hlc":"5.0", "id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab"} `,
	`{"id":"x","hlc":"1.0","desk":"D","entity":{"kind":"k","id":"K"},"type":"t","v":1}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1.0","desk":"D","entity":{"kind":"k","id":"K"},"type":"t","v":1.5}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":7,"desk":"D","entity":{"kind":"k","id":"K"},"type":"t","v":1}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1.0","desk":"D","entity":{"kind":"k","id":"K"},"type":"t","v":1,"body":{"a":}}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1.0","desk":"D","entity":"k","type":"t","v":1}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ac","hlc":"1.0","desk":"D","entity":{"kind":"k","id":"K"},"type":"t","v":1}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1.0","desk":"D\n","entity":{"kind":"k","id":"K"},"type":"t","v":1}`,
	`{"id":"0190c3e2-6a1b-7c3d-8e4f-0123456789ab","hlc":"1.0","desk":"D","entity":{"kind":"k","id":"K"},"type":"t","v":1}garbage`,
	`[]`, `null`, `"x"`, `{}`,
}

func TestDecodeEventAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range eventSamples {
		compareDecoders(t, []byte(doc))
	}
}

func FuzzDecodeEvent(f *testing.F) {
	for _, doc := range eventSamples {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.Count(b, []byte("[")) > maxDepth/2 || bytes.Count(b, []byte("{")) > maxDepth/2 || foldedKey(b) {
			return
		}
		compareDecoders(t, b)
		checkCompactness(t, b)
	})
}

// checkCompactness: DecodeEventCompact calls an event compact exactly
// when json.Compact would leave it as it is (the server then stores the
// bytes as sent).
func checkCompactness(t *testing.T, b []byte) {
	t.Helper()
	_, compact, err := DecodeEventCompact(b)
	if err != nil {
		return
	}
	var c bytes.Buffer
	if err := json.Compact(&c, b); err != nil {
		t.Fatalf("%q decodes but json.Compact refuses it: %v", b, err)
	}
	if want := bytes.Equal(c.Bytes(), b); compact != want {
		t.Fatalf("%q: compact = %v, json.Compact says %v", b, compact, want)
	}
}

// foldedKey reports a known field spelled in another case, which
// encoding/json would take and the decoder keeps as an unknown field.
func foldedKey(b []byte) bool {
	var all map[string]json.RawMessage
	json.Unmarshal(b, &all)
	for k := range all {
		for known := range knownFields {
			if k != known && strings.EqualFold(k, known) {
				return true
			}
		}
	}
	return bytes.Contains(bytes.ToLower(b), []byte(`"kind"`)) && !bytes.Contains(b, []byte(`"kind"`)) ||
		bytes.Contains(bytes.ToLower(b), []byte(`"id"`)) && !bytes.Contains(b, []byte(`"id"`))
}

func compareDecoders(t *testing.T, b []byte) {
	t.Helper()
	got, gotErr := DecodeEvent(b)
	want, wantErr := referenceDecode(b)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("%s:\n decoder error %v\n encoding/json error %v", b, gotErr, wantErr)
	}
	if string(bytes.TrimSpace(b)) == "null" {
		return // both refuse it; the decoder says it is not an object
	}
	var wantEnv, gotEnv *EnvelopeError
	if errors.As(wantErr, &wantEnv) != errors.As(gotErr, &gotEnv) || wantEnv != nil && *wantEnv != *gotEnv {
		t.Fatalf("%s:\n decoder error %v\n encoding/json error %v", b, gotErr, wantErr)
	}
	if gotErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n decoder      %+v\n encoding/json %+v", b, got, want)
	}
}

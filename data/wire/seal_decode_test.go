package wire

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

var sealSamples = []string{
	`{"k":"34750f98bd59fcfc","n":2,"p":"01a24fb1-9e89-7c3b-b874-e4bf6e7c0832","ph":"0aftbsfetpCfKfmfw6GlszcWVX0FsykF9MaWmV_WaH0","h":"V4GU5InXEWy52hjPE2iQJrw_aci-JHJ7shNu9qHIjbY","s":"891PfJaKR_wdrjb4C1UNvFXrzPwmPG"}`,
	`{"k":"34750f98bd59fcfc","n":1,"h":"V4GU","s":"891P"}`,
	` { "n" : 1 , "k" : "a\u00e9b" , "x" : [1, {"y": null}], "h": null, "s": "s" } `,
	`{"n":-1}`, `{"n":1.5}`, `{"n":1e2}`, `{"n":"1"}`, `{"n":18446744073709551616}`, `{"n":null,"k":null}`,
	`{"k":5}`, `{"k":"a","k":"b"}`, `{"k":"a"}x`, `{"k":"a",}`, `{"k"}`, `[]`, `null`, `"seal"`, `{}`, ``, `{"k":"\x01"}`,
}

// The seal decoder agrees with encoding/json, which it replaced, on what
// it accepts and what it reads.
func TestDecodeSealAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range sealSamples {
		compareSealDecoders(t, []byte(doc))
	}
}

func FuzzDecodeSeal(f *testing.F) {
	for _, doc := range sealSamples {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.Count(b, []byte("[")) > maxDepth/2 || bytes.Count(b, []byte("{")) > maxDepth/2 || foldedSealKey(b) {
			return
		}
		compareSealDecoders(t, b)
	})
}

// foldedSealKey reports a seal field spelled in another case, which
// encoding/json would take and the decoder skips.
func foldedSealKey(b []byte) bool {
	lower := bytes.ToLower(b)
	for _, k := range []string{`"k"`, `"n"`, `"p"`, `"ph"`, `"h"`, `"s"`} {
		if bytes.Contains(lower, []byte(k)) && bytes.Count(lower, []byte(k)) != bytes.Count(b, []byte(k)) {
			return true
		}
	}
	return bytes.Contains(b, []byte(`\u`)) // an escaped key may spell a field
}

func compareSealDecoders(t *testing.T, b []byte) {
	t.Helper()
	got, gotErr := decodeSeal(b)
	var want Seal
	wantErr := json.Unmarshal(b, &want)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("%q:\n decoder error %v\n encoding/json error %v", b, gotErr, wantErr)
	}
	if gotErr == nil && got != want {
		t.Fatalf("%q:\n decoder      %+v\n encoding/json %+v", b, got, want)
	}
}

// A malformed seal is refused as malformed, whatever is wrong with it.
func TestSealOfMalformed(t *testing.T) {
	for _, raw := range []string{`{"k":5}`, `{"n":-1}`, `[]`, `{"k":"34750f98bd59fcfc","n":1,"h":"h","s":"s"`} {
		ev := Event{Extra: map[string]json.RawMessage{SealField: json.RawMessage(raw)}}
		if _, ok, err := SealOf(ev); !ok || err == nil || !strings.Contains(err.Error(), ErrSealMalformed.Error()) {
			t.Errorf("%s: ok %v, err %v", raw, ok, err)
		}
	}
}

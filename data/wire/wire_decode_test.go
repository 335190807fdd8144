package wire

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

var pushSamples = []string{
	`{"events":[{"id":"a"},{"b":[1,2]},null,"x"]}`,
	`{"events":[]}`, `{"events":null}`, `{}`, `{"other":1,"events":[1]}`,
	` { "events" : [ { } ] } `,
	`{"events":[1,]}`, `{"events":{}}`, `[]`, `{"events":[1]}x`, `{"events":[{"a":}]}`,
}

func TestDecodePushRequestAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range pushSamples {
		comparePush(t, []byte(doc))
	}
}

var pullSamples = []string{
	`{"epoch":"e1","events":[{"seq":1,"event":{"id":"a"}},{"seq":2,"event":{"id":"b","x":[1]}}],"next":2,"more":false}`,
	`{"epoch":"e1","events":[],"next":7,"more":true}`, `{"epoch":null,"events":null,"next":null,"more":null}`,
	`{"events":[{"seq":1,"event":{"id":"a"},"extra":1}],"new":"field"}`,
	`{"next":-1}`, `{"next":1.5}`, `{"more":"yes"}`, `{"events":[{"seq":"1"}]}`, `{"epoch":1}`, `{"events":[1]}`,
}

func TestDecodePullResponseAgreesWithEncodingJSON(t *testing.T) {
	for _, doc := range pullSamples {
		comparePull(t, []byte(doc))
	}
}

func FuzzDecodePullResponse(f *testing.F) {
	for _, doc := range pullSamples {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.Count(b, []byte("[")) > maxDepth/2 || bytes.Count(b, []byte("{")) > maxDepth/2 || !bytes.Equal(b, bytes.ToLower(b)) {
			return // too deep, or keys encoding/json would match in another case
		}
		comparePull(t, b)
	})
}

func comparePush(t *testing.T, b []byte) {
	t.Helper()
	if string(bytes.TrimSpace(b)) == "null" {
		return // encoding/json takes it as nothing; the decoder wants an object
	}
	got, gotErr := DecodePushRequest(b)
	var want PushRequest
	wantErr := json.Unmarshal(b, &want)
	if (gotErr == nil) != (wantErr == nil) || gotErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n decoder       %q, %v\n encoding/json %q, %v", b, got.Events, gotErr, want.Events, wantErr)
	}
}

func comparePull(t *testing.T, b []byte) {
	t.Helper()
	if string(bytes.TrimSpace(b)) == "null" {
		return // encoding/json takes it as nothing; the decoder wants an object
	}
	got, gotErr := DecodePullResponse(b)
	var want PullResponse
	wantErr := json.Unmarshal(b, &want)
	if (gotErr == nil) != (wantErr == nil) || gotErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n decoder       %+v, %v\n encoding/json %+v, %v", b, got, gotErr, want, wantErr)
	}
}

package app

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestStepsAsArrays(t *testing.T) {
	steps := Steps{
		{ID: "e1", Type: "key.registered", Desk: "desk-a", Actor: "S001"},
		{ID: "e2", Type: "key.signed_out", Desk: "desk-a", Actor: "S001"},
		{ID: "e3", Type: "key.signed_in", Desk: "desk-b", Actor: "A002"},
		{ID: "e4", Type: "key.signed_out", Desk: "desk-b", Actor: "A001"},
	}
	b, err := json.Marshal(Meta{Head: "e4", Events: 4, Steps: steps})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"head":"e4","events":4,"steps":[["e1","key.registered","desk-a","S001"],["e2","key.signed_out"],` +
		`["e3","key.signed_in","desk-b","A002"],["e4","key.signed_out","desk-b","A001"]]}`
	if string(b) != want {
		t.Fatalf("encoded\n%s\nwant\n%s", b, want)
	}
	for name, view := range map[string]string{
		"arrays":                 want,
		"objects (older builds)": `{"head":"e4","events":4,"steps":[{"id":"e1","type":"key.registered","desk":"desk-a","actor":"S001"},{"id":"e2","type":"key.signed_out","desk":"desk-a","actor":"S001"},{"id":"e3","type":"key.signed_in","desk":"desk-b","actor":"A002"},{"id":"e4","type":"key.signed_out","desk":"desk-b","actor":"A001"}]}`,
	} {
		var m Meta
		if err := json.Unmarshal([]byte(view), &m); err != nil || !reflect.DeepEqual(m.Steps, steps) {
			t.Errorf("%s read as %+v, %v", name, m.Steps, err)
		}
	}
}

func TestStepsRefuseMalformedArrays(t *testing.T) {
	for _, view := range []string{`{"steps":[["e1","t"]]}`, `{"steps":[["e1","t","d","a"],["e2"]]}`, `{"steps":[7]}`} {
		var m Meta
		if err := json.Unmarshal([]byte(view), &m); err == nil {
			t.Errorf("%s read as %+v", view, m.Steps)
		}
	}
}

// TestStepStringsAsEncodingJSONWritesThem: steps are written by hand;
// every string must come out as encoding/json writes it.
func TestStepStringsAsEncodingJSONWritesThem(t *testing.T) {
	for _, s := range []string{"", "01a24c54-88ca-7d50-9165-492c284253ba", "key.signed_out", "desk-1f2e", "S001",
		`quote " and \ back`, "<b>&amp;</b>", "tab\there", "\x00\x1f\x7f", "王芳", "bad \xff utf-8", "line\u2028sep"} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Errorf("%q written as %s, encoding/json writes %s", s, got, want)
		}
	}
}

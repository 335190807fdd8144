package loans

import "testing"

// TestOutKeyRoundTrip: what outIndex files is what outByDesk reads back,
// whatever the codes hold; a key it cannot read is an error, not a count.
func TestOutKeyRoundTrip(t *testing.T) {
	for _, k := range []outKey{{Desk: "D1", Item: "kettle", Out: 1}, {Desk: "前台2", Item: `"电水壶"\,{}`, Out: 12000}, {Desk: "", Item: "", Out: 0}} {
		got, err := parseOutKey(k.encode())
		if err != nil || got != k {
			t.Errorf("%+v came back as %+v, %v", k, got, err)
		}
	}
	for _, bad := range []string{`{"desk":"D1","item":"kettle","out":1}`, "D1\x00kettle", "D1\x00kettle\x00x"} {
		if k, err := parseOutKey([]byte(bad)); err == nil {
			t.Errorf("%q read as %+v", bad, k)
		}
	}
}

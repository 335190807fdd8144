package keys

import (
	"regexp"
	"testing"

	"floordesk/app"
	"floordesk/ui/kit/kittest"
)

// TestEveryTextIsTranslated checks that every keys.* key the screen uses,
// and every key, count and door refusal code, is in both translation files.
func TestEveryTextIsTranslated(t *testing.T) {
	want := kittest.UsedKeys(t, `"(keys\.[a-z_.]*[a-z_])"`)
	for _, k := range []string{"floor_master", "section", "store_room", "emergency", "other"} {
		want = append(want, "keys.type."+k)
	}
	for _, k := range idTypes {
		want = append(want, "keys.id."+k)
	}
	for _, code := range app.MessageCodes() {
		if regexp.MustCompile(`^(key|keys|door)\.`).MatchString(code) {
			want = append(want, "refusal."+code)
		}
	}
	kittest.CheckTranslated(t, want)
}

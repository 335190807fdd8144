package loans

import (
	"regexp"
	"testing"

	"floordesk/app"
	"floordesk/ui/kit/kittest"
)

// TestEveryTextIsTranslated checks that every loans.* key the screen uses,
// and every loan refusal code, is in both translation files.
func TestEveryTextIsTranslated(t *testing.T) {
	want := kittest.UsedKeys(t, `"(loans\.[a-z_.]*[a-z_])"`)
	for _, c := range []string{"fine", "damaged", "lost"} {
		want = append(want, "loans.cond."+c)
	}
	for _, code := range app.MessageCodes() {
		if regexp.MustCompile(`^loan\.`).MatchString(code) {
			want = append(want, "refusal."+code)
		}
	}
	kittest.CheckTranslated(t, want)
}

package group

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"floordesk/ui/kit"
	"floordesk/ui/kit/kittest"
)

// TestNewCodeLimits: the new-code form takes an address and a code up to
// their limits and refuses, in words, what is missing, past a limit or no
// address a desk may use.
func TestNewCodeLimits(t *testing.T) {
	kittest.NewIn(t, kit.English)
	url := "https://floordesk.example:8420"
	longURL := url + "/" + strings.Repeat("a", maxURL-len(url)-1)
	for _, c := range []struct {
		name, url, code, want string
	}{
		{"both", url, "ABCD-1234", ""},
		{"address at its limit", longURL, "ABCD-1234", ""},
		{"address past it", longURL + "a", "ABCD-1234", lang.L("group.server_too_long", map[string]int{"Max": maxURL})},
		{"code at its limit", url, strings.Repeat("C", maxCode), ""},
		{"code past it", url, strings.Repeat("C", maxCode+1), lang.L("group.code_too_long", map[string]int{"Max": maxCode})},
		{"no address", "", "ABCD-1234", lang.L("group.server_missing")},
		{"no code", url, "", lang.L("group.code_missing")},
		{"plain http to another PC", "http://10.0.0.5:8420", "ABCD-1234", lang.L("kit.url_format")},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := checkNewCode(c.url, c.code); got != c.want {
				t.Errorf("checkNewCode says %q, want %q", got, c.want)
			}
		})
	}
}
